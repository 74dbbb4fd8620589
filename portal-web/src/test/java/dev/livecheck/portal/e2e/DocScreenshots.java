package dev.livecheck.portal.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Screenshots for the user guide, taken by the journeys at the moments the guide describes. They always go to
 * {@code target/e2e/screenshots}; with {@code -Dlivecheck.docs.screenshots=../docs/images} they also replace the
 * guide's pictures, so the guide shows what the app shows today.
 */
final class DocScreenshots {
    private static final Path BUILD = Path.of("target", "e2e", "screenshots");

    private DocScreenshots() {
    }

    /** Scrolls {@code element} to the top of the window first, for pictures of a page's lower part. */
    static void take(WebDriver driver, String name, By element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                driver.findElement(element));
        take(driver, name);
    }

    static void take(WebDriver driver, String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        write(BUILD, name, png);
        String docs = System.getProperty("livecheck.docs.screenshots");
        if (docs != null && !docs.isBlank()) {
            write(Path.of(docs), name, png);
        }
    }

    private static void write(Path dir, String name, byte[] png) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
