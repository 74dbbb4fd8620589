package dev.livecheck.portal.e2e.pages;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * {@code /c/{token}}: the end user's capture page. Everything it says goes through {@code #instruction}; the page
 * object records every text shown there (a MutationObserver added through WebDriver, which the page's CSP does not
 * restrict), so a test sees guidance and challenges even when they pass faster than a wait polls.
 */
public final class CapturePage extends Page {
    /** An attempt is a few seconds of frames plus a challenge timeout or two; a decision follows within a second. */
    public static final Duration ATTEMPT = Duration.ofSeconds(45);

    private CapturePage(WebDriver driver, String link) {
        super(driver, link);
    }

    public static CapturePage open(WebDriver driver, String link) {
        driver.get(link);
        CapturePage page = new CapturePage(driver, link);
        page.visible(By.id("consent-accept"));
        page.recordInstructions();
        return page;
    }

    /**
     * The capture page inside {@code frame} of the page the driver shows (a business's site embedding it): the
     * driver switches into the frame and stays there until the test switches back.
     */
    public static CapturePage inFrame(WebDriver driver, WebElement frame) {
        String src = frame.getDomAttribute("src");
        driver.switchTo().frame(frame);
        CapturePage page = new CapturePage(driver, src);
        page.visible(By.id("consent-accept"));
        page.recordInstructions();
        return page;
    }

    private void recordInstructions() {
        ((JavascriptExecutor) driver).executeScript("""
                const target = document.getElementById('instruction');
                window.seenInstructions = [];
                new MutationObserver(() => {
                  const text = target.textContent;
                  if (window.seenInstructions[window.seenInstructions.length - 1] !== text) {
                    window.seenInstructions.push(text);
                  }
                }).observe(target, { childList: true, characterData: true, subtree: true });
                """);
    }

    /** Every distinct text the instruction line has shown since the page opened, in order. */
    @SuppressWarnings("unchecked")
    public List<String> seenInstructions() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("return window.seenInstructions");
    }

    public String intro() {
        return visible(By.id("state-consent")).getText();
    }

    /** Presses "Allow camera and continue". */
    public CapturePage allowCamera() {
        visible(By.id("consent-accept")).click();
        return this;
    }

    /** Waits for the live preview and the server's "ready" (Start enabled). */
    public CapturePage waitUntilReady() {
        visible(By.id("preview"));
        waiting(PAGE_LOAD).until(ExpectedConditions.elementToBeClickable(By.id("attempt-start")));
        return this;
    }

    public CapturePage start() {
        waiting(PAGE_LOAD).until(ExpectedConditions.elementToBeClickable(By.id("attempt-start"))).click();
        return this;
    }

    /** Waits until the server has asked for a challenge and returns the step shown ("Step 1 of 2"). */
    public String waitForChallenge() {
        return waiting(ATTEMPT).until(ExpectedConditions.visibilityOfElementLocated(By.id("progress"))).getText();
    }

    /** Waits for the end of a non-final attempt: Start comes back as "Try again". Returns the instruction. */
    public String waitForRetryOffer() {
        waiting(ATTEMPT).until(ExpectedConditions.elementToBeClickable(By.id("attempt-start")));
        return instruction();
    }

    /** Waits for the final screen and returns its text. */
    public String waitForFinal() {
        return waiting(ATTEMPT).until(ExpectedConditions.visibilityOfElementLocated(By.id("final-text"))).getText();
    }

    /** What the final screen says comes next (redirect, "Press Continue", or "close this page"). */
    public String finalNext() {
        return visible(By.id("final-next")).getText();
    }

    /** The final screen's Continue link. */
    public WebElement continueLink() {
        return visible(By.id("final-continue"));
    }

    /** The consent screen's link to the business's privacy policy. */
    public WebElement privacyPolicyLink() {
        return visible(By.id("privacy-policy"));
    }

    /** Waits for the page to send the browser on to the business's site. */
    public void waitForRedirectTo(String urlPrefix) {
        waiting(PAGE_LOAD).until(d -> d.getCurrentUrl().startsWith(urlPrefix));
    }

    public String instruction() {
        return visible(By.id("instruction")).getText();
    }

    public String attemptsLeft() {
        return visible(By.id("attempts-left")).getText();
    }

    public String startButtonText() {
        return visible(By.id("attempt-start")).getText();
    }

    /** Waits for one of the camera-problem panels (denied, no-camera, busy, unsupported) and returns it. */
    public WebElement waitForCameraProblem() {
        return waiting(PAGE_LOAD).until(d -> d.findElements(By.cssSelector(".capture-problem")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    public boolean startShown() {
        return driver.findElement(By.id("attempt-start")).isDisplayed();
    }

    public boolean cancelShown() {
        return driver.findElement(By.id("attempt-cancel")).isDisplayed();
    }

    public boolean previewShown() {
        return driver.findElement(By.id("preview")).isDisplayed();
    }
}
