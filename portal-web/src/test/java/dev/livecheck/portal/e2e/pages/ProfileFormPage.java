package dev.livecheck.portal.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /profiles/new}: a check profile (retry limit, challenges, link lifetime, redirects, e-mail text). */
public final class ProfileFormPage extends PortalPage {

    private ProfileFormPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public static ProfileFormPage openNew(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/profiles/new");
        ProfileFormPage page = new ProfileFormPage(driver, baseUrl);
        page.visible(By.id("name"));
        return page;
    }

    public ProfileFormPage name(String name) {
        type("name", name);
        return this;
    }

    public ProfileFormPage maxRetries(int retries) {
        type("maxRetries", Integer.toString(retries));
        return this;
    }

    public ProfileFormPage successRedirect(String url) {
        type("successRedirectUrl", url);
        return this;
    }

    public ProfileFormPage errorRedirect(String url) {
        type("errorRedirectUrl", url);
        return this;
    }

    /** Saves and expects the form back with validation errors. */
    public ProfileFormPage saveExpectingErrors() {
        submit();
        visible(By.cssSelector(".invalid-feedback"));
        return this;
    }

    /** Saves and expects the profile list. */
    public ProfilesPage save() {
        submit();
        return ProfilesPage.expect(driver, baseUrl);
    }

    private void submit() {
        visible(By.cssSelector("main form button[type=submit]")).click();
    }
}
