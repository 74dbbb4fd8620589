package dev.livecheck.portal.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /setup}: the first visit's form that creates the business and its owner. */
public final class SetupPage extends Page {

    private SetupPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    /** Opens the portal's front door, which sends a fresh installation to setup. */
    public static SetupPage openFrontDoor(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/");
        SetupPage page = new SetupPage(driver, baseUrl);
        page.waitForPath("/setup");
        page.visible(By.id("businessName"));
        return page;
    }

    public SetupPage fill(String business, String owner, String email, String password) {
        type("businessName", business);
        type("ownerName", owner);
        type("email", email);
        type("password", password);
        type("passwordRepeat", password);
        return this;
    }

    public LoginPage create() {
        visible(By.cssSelector("main form button[type=submit]")).click();
        return LoginPage.expect(driver, baseUrl);
    }
}
