package dev.livecheck.portal.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** {@code /sessions/new}: a verification session for a recipient, whose capture link is e-mailed. */
public final class NewSessionPage extends PortalPage {

    private NewSessionPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public static NewSessionPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/sessions/new");
        NewSessionPage page = new NewSessionPage(driver, baseUrl);
        page.visible(By.id("recipientName"));
        return page;
    }

    public NewSessionPage recipient(String name, String email) {
        type("recipientName", name);
        type("recipientEmail", email);
        return this;
    }

    public NewSessionPage trackingId(String trackingId) {
        type("trackingId", trackingId);
        return this;
    }

    public NewSessionPage profile(String profileName) {
        new Select(visible(By.id("profileId"))).selectByVisibleText(profileName);
        return this;
    }

    public SessionCreatedPage createAndSend() {
        visible(By.cssSelector("main form button[type=submit]")).click();
        return SessionCreatedPage.expect(driver, baseUrl);
    }
}
