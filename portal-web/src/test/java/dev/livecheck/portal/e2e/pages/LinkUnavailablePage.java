package dev.livecheck.portal.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** What a capture link shows when it cannot start a capture: unknown, expired, withdrawn or used up. */
public final class LinkUnavailablePage extends Page {

    private LinkUnavailablePage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public static LinkUnavailablePage open(WebDriver driver, String link) {
        driver.get(link);
        LinkUnavailablePage page = new LinkUnavailablePage(driver, link);
        page.visible(By.id("unavailable-reason"));
        return page;
    }

    /** UNKNOWN, EXPIRED, CANCELLED, APPROVED or NO_ATTEMPTS_LEFT. */
    public String reason() {
        return visible(By.id("unavailable-reason")).getDomAttribute("data-reason");
    }

    public String message() {
        return visible(By.id("unavailable-reason")).getText();
    }

    /** Whether anything on the page could start a camera or a capture. */
    public boolean offersCapture() {
        return !driver.findElements(By.cssSelector("video, #consent-accept, #attempt-start, script[src*='capture']"))
                .isEmpty();
    }
}
