package dev.livecheck.portal.e2e.pages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /sessions/{id}/created}: shown once after creating a session, with its capture link. */
public final class SessionCreatedPage extends PortalPage {
    private static final Pattern ID = Pattern.compile("/sessions/([0-9a-f-]{36})/created");

    private SessionCreatedPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    static SessionCreatedPage expect(WebDriver driver, String baseUrl) {
        SessionCreatedPage page = new SessionCreatedPage(driver, baseUrl);
        page.waiting(PAGE_LOAD).until(d -> ID.matcher(d.getCurrentUrl()).find());
        page.visible(By.id("capture-link"));
        return page;
    }

    public String sessionId() {
        Matcher m = ID.matcher(driver.getCurrentUrl());
        if (!m.find()) {
            throw new IllegalStateException("not a created-session page: " + driver.getCurrentUrl());
        }
        return m.group(1);
    }

    public String captureLink() {
        return visible(By.id("capture-link")).getText().strip();
    }
}
