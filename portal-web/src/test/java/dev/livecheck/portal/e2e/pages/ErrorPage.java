package dev.livecheck.portal.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The portal's error page, as a browser shows it for a page it may not see. */
public final class ErrorPage extends Page {

    private ErrorPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public static ErrorPage open(WebDriver driver, String baseUrl, String path) {
        driver.get(baseUrl + path);
        ErrorPage page = new ErrorPage(driver, baseUrl);
        page.visible(By.id("error-message"));
        return page;
    }

    public String status() {
        return visible(By.id("error-message")).getDomAttribute("data-status");
    }

    public String message() {
        return visible(By.id("error-message")).getText();
    }
}
