package dev.livecheck.portal.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium windows for one test. Each window is its own browser (own cookies, own camera), so an admin and
 * an end user never share a session. When a test fails, every open window leaves a screenshot, its page source and
 * its browser console in {@code target/e2e/failures/<test class>/}; all windows are closed after each test.
 *
 * <p>Chromium and ChromeDriver come from {@code /usr/bin} when Debian's {@code chromium} and {@code chromium-driver}
 * are installed (as {@code .ci/run} does); elsewhere Selenium Manager finds a browser and its driver.
 */
public final class Browsers implements AfterTestExecutionCallback, AfterEachCallback {

    /** The window size a page is seen at. */
    public enum Viewport {
        DESKTOP(1280, 900), PHONE(412, 860);

        final int width;
        final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private static final Path FAILURES = Path.of("target", "e2e", "failures");
    private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DEBIAN_DRIVER = Path.of("/usr/bin/chromedriver");

    private final List<ChromeDriver> open = new ArrayList<>();

    /** A desktop-sized browser whose camera shows {@code camera}. */
    public ChromeDriver open(FakeCamera camera) {
        return open(camera, Viewport.DESKTOP);
    }

    public synchronized ChromeDriver open(FakeCamera camera, Viewport viewport) {
        ChromeDriver driver = Files.isExecutable(DEBIAN_DRIVER)
                ? new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DEBIAN_DRIVER.toFile())
                        .build(), options(camera, viewport))
                : new ChromeDriver(options(camera, viewport));
        open.add(driver);
        return driver;
    }

    static ChromeOptions options(FakeCamera camera, Viewport viewport) {
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(DEBIAN_CHROMIUM)) {
            options.setBinary(DEBIAN_CHROMIUM.toFile());
        }
        // --no-sandbox: the tests run as root in containers; the network flags keep Chromium off the (closed) network;
        // reduced motion turns off Bootstrap's smooth scrolling, which would move a button while WebDriver clicks it.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--force-prefers-reduced-motion",
                "--window-size=" + viewport.width + "," + viewport.height, "--lang=en-GB");
        switch (camera) {
            case BONA_FIDE, TILTED_PRINT -> options.addArguments("--use-fake-ui-for-media-stream",
                    "--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=" + camera.file());
            // a camera is there, but the site's camera permission is set to "block", as a user who said no
            case DENIED -> {
                options.addArguments("--use-fake-device-for-media-stream");
                options.setExperimentalOption("prefs",
                        Map.of("profile.default_content_setting_values.media_stream_camera", 2));
            }
            // permission prompts are accepted, but there is no device to open
            case NONE -> options.addArguments("--use-fake-ui-for-media-stream");
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    /**
     * The browser console's errors since the last read (reading empties Chromium's buffer). A page that works must not
     * log any: no failed request, no CSP violation, no script error.
     */
    public static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(Browsers::line).toList();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        Path dir = FAILURES.resolve(context.getRequiredTestClass().getSimpleName());
        String test = context.getRequiredTestMethod().getName();
        for (int i = 0; i < open.size(); i++) {
            keepEvidence(open.get(i), dir, test + "-browser" + (i + 1));
        }
    }

    private static void keepEvidence(ChromeDriver driver, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
            Files.writeString(dir.resolve(name + "-console.log"), driver.manage().logs().get(LogType.BROWSER)
                    .getAll().stream().map(Browsers::line).collect(Collectors.joining("\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (WebDriverException e) {
            // a crashed browser cannot give evidence; the test's own failure is the one to report
            System.err.println("could not keep evidence of " + name + ": " + e.getMessage());
        }
    }

    private static String line(LogEntry entry) {
        return Instant.ofEpochMilli(entry.getTimestamp()) + " " + entry.getLevel() + " " + entry.getMessage();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        for (ChromeDriver driver : open) {
            try {
                driver.quit();
            } catch (WebDriverException e) {
                System.err.println("could not close a browser: " + e.getMessage());
            }
        }
        open.clear();
    }
}
