package dev.livecheck.portal.e2e.pages;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every page object shares: its browser, the portal's base URL and explicit waits (never sleeps). */
public abstract class Page {
    /** Long enough for a page load on a busy 2-core machine; waits return as soon as the condition holds. */
    static final Duration PAGE_LOAD = Duration.ofSeconds(15);

    protected final WebDriver driver;
    protected final String baseUrl;

    protected Page(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    protected WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    protected WebElement visible(By by) {
        return waiting(PAGE_LOAD).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected void type(By field, String text) {
        WebElement input = visible(field);
        input.clear();
        input.sendKeys(text);
    }

    protected void type(String id, String text) {
        type(By.id(id), text);
    }

    /** Waits until the browser shows a page whose path starts with {@code path}. */
    protected void waitForPath(String path) {
        waiting(PAGE_LOAD).until(d -> d.getCurrentUrl().startsWith(baseUrl + path));
    }

    /** The text of a field's validation message, or null when the field is valid. */
    public String errorFor(String field) {
        var errors = driver.findElements(By.cssSelector("#" + field + " ~ .invalid-feedback"));
        return errors.isEmpty() ? null : errors.get(0).getText();
    }

    public String heading() {
        return visible(By.tagName("h1")).getText();
    }
}
