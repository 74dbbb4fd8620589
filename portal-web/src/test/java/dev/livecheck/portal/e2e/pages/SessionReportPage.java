package dev.livecheck.portal.e2e.pages;

import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /sessions/{id}/report}: the session's facts and every attempt with its images and sub-checks. */
public final class SessionReportPage extends PortalPage {

    private SessionReportPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public static SessionReportPage open(WebDriver driver, String baseUrl, UUID sessionId) {
        driver.get(baseUrl + "/sessions/" + sessionId + "/report");
        return expect(driver, baseUrl);
    }

    static SessionReportPage expect(WebDriver driver, String baseUrl) {
        SessionReportPage page = new SessionReportPage(driver, baseUrl);
        page.visible(By.id("session-facts"));
        return page;
    }

    public String state() {
        return visible(By.id("state")).getText();
    }

    public String attemptsUsed() {
        return visible(By.id("attempts-used")).getText();
    }

    public String latestRecommendation() {
        return visible(By.id("latest-recommendation")).getText();
    }

    public List<WebElement> attempts() {
        return driver.findElements(By.cssSelector("article.attempt"));
    }

    public String recommendationOf(int attempt) {
        return visible(By.cssSelector("#attempt-" + attempt + " .attempt-recommendation")).getText();
    }

    public String livenessAuthOf(int attempt) {
        return visible(By.cssSelector("#attempt-" + attempt + " .attempt-liveness-auth")).getText();
    }

    /** The attempt's image elements (frontal at start, at a challenge, frontal at the end). */
    public List<WebElement> imagesOf(int attempt) {
        return driver.findElements(By.cssSelector("#attempt-" + attempt + " img.attempt-image"));
    }

    /** Waits until every image of the attempt has loaded and returns their decoded widths in pixels. */
    public List<Long> loadedImageWidthsOf(int attempt) {
        List<WebElement> images = imagesOf(attempt);
        waiting(PAGE_LOAD).until(d -> images.stream().allMatch(img -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return arguments[0].complete", img))));
        return images.stream().map(img -> (Long) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].naturalWidth", img)).toList();
    }

    public String imageUrl(int attempt, int index) {
        return imagesOf(attempt).get(index).getDomProperty("src");
    }

    public String subCheckOutcome(int attempt, String check) {
        return visible(By.cssSelector("#attempt-" + attempt + " tr.sub-check-" + check + " .badge")).getText();
    }
}
