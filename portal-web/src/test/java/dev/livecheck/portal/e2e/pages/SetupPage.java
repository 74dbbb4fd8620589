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

    /** @param setupCode the one-time code the portal printed in its log and wrote to its setup-code file */
    public SetupPage fill(String setupCode, String business, String owner, String email, String password) {
        type("setupCode", setupCode);
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
