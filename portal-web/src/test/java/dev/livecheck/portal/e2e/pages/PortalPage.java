package dev.livecheck.portal.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A page inside the signed-in portal: the navigation bar and its sign-out button. */
public abstract class PortalPage extends Page {

    protected PortalPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    /** The signed-in user's display name as the navigation bar shows it. */
    public String signedInAs() {
        return visible(By.cssSelector("nav .navbar-text")).getText();
    }

    public LoginPage signOut() {
        visible(By.cssSelector("nav form button[type=submit]")).click();
        return LoginPage.expect(driver, baseUrl);
    }
}
