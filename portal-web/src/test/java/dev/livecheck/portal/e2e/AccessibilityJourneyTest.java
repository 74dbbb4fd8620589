package dev.livecheck.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.portal.e2e.pages.CapturePage;
import dev.livecheck.portal.e2e.pages.DashboardPage;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Journey 9: the capture page and the dashboard work from the keyboard alone, and axe-core finds no serious
 * accessibility violation on them in any of the states a user sees.
 */
class AccessibilityJourneyTest extends ScriptedChallengesJourney {

    @Test
    void captureAndDashboardWorkByKeyboardAndPassAxe() {
        Invitation invitation = invite("Keyboard Inc", "Kai Keys", "kai@keys.example", 3);
        WebDriver admin = invitation.admin();
        String link = invitation.link();

        WebDriver user = browsers.open(FakeCamera.BONA_FIDE);
        CapturePage capture = CapturePage.open(user, link);
        Accessibility.assertNoSeriousViolations(user, "capture-consent");
        tabUntil(user, e -> "consent-accept".equals(e.getDomAttribute("id")));
        press(user, Keys.ENTER);
        capture.waitUntilReady();
        Accessibility.assertNoSeriousViolations(user, "capture-ready");
        tabUntil(user, e -> "attempt-start".equals(e.getDomAttribute("id")));
        press(user, Keys.SPACE);
        capture.waitForChallenge();
        assertThat(capture.waitForFinal()).isEqualTo(Texts.en("capture.final.APPROVE"));
        Accessibility.assertNoSeriousViolations(user, "capture-final");

        DashboardPage.open(admin, baseUrl).waitForChart();
        Accessibility.assertNoSeriousViolations(admin, "dashboard");
        WebElement skip = tabUntil(admin, e -> e.getDomAttribute("href") != null
                && e.getDomAttribute("href").equals("#main"));
        assertThat(skip.isDisplayed()).as("the skip link shows when focused").isTrue();
        press(admin, Keys.ENTER);
        tabUntil(admin, e -> "Kai Keys".equals(e.getText()));
        press(admin, Keys.ENTER);
        new WebDriverWait(admin, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("/report"));
        assertThat(admin.findElement(By.id("latest-recommendation")).getText())
                .isEqualTo(Texts.en("reports.recommendation.APPROVE"));
        Accessibility.assertNoSeriousViolations(admin, "session-report");
    }

    /** Presses Tab until the focused element matches; fails after 40 presses (focus lost or element unreachable). */
    private static WebElement tabUntil(WebDriver driver, Predicate<WebElement> target) {
        for (int i = 0; i < 40; i++) {
            press(driver, Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            if (target.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("the keyboard never reached the element on " + driver.getCurrentUrl());
    }

    private static void press(WebDriver driver, Keys key) {
        new Actions(driver).sendKeys(key).perform();
    }
}
