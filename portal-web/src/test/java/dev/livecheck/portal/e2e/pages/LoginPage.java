package dev.livecheck.portal.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /login}. */
public final class LoginPage extends Page {

    private LoginPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public static LoginPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/login");
        return expect(driver, baseUrl);
    }

    static LoginPage expect(WebDriver driver, String baseUrl) {
        LoginPage page = new LoginPage(driver, baseUrl);
        page.waitForPath("/login");
        page.visible(By.id("email"));
        return page;
    }

    /** The green or blue notice above the form ("business created", "signed out"), or null. */
    public String notice() {
        var notices = driver.findElements(By.cssSelector("section .alert:not(.alert-danger)"));
        return notices.isEmpty() ? null : notices.get(0).getText();
    }

    public DashboardPage signIn(String email, String password) {
        submit(email, password);
        return DashboardPage.expect(driver, baseUrl);
    }

    /** Signs in and expects to stay on the login page with an error. */
    public String signInFailing(String email, String password) {
        submit(email, password);
        return visible(By.id("login-error")).getText();
    }

    private void submit(String email, String password) {
        type("email", email);
        type("password", password);
        visible(By.cssSelector("main form button[type=submit]")).click();
    }
}
