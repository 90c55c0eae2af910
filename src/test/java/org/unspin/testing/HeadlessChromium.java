package org.unspin.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.unspin.TestResources;

/**
 * Headless Chromium for browser tests, from the system's packages (Debian: chromium, chromium-driver).
 * Selenium is given both paths explicitly, so Selenium Manager never downloads a browser or driver.
 * Without them the calling test skips, or fails under UNSPIN_REQUIRE_CORPORA=1 (scripts/test.sh, CI).
 * Override the paths with UNSPIN_CHROMIUM and UNSPIN_CHROMEDRIVER.
 */
public final class HeadlessChromium {
    public static final Path BROWSER = Path.of(envOr("UNSPIN_CHROMIUM", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(envOr("UNSPIN_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    private static String envOr(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    public static boolean available() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** Starts a headless browser (quit it when done), or skips/fails the test when Chromium is missing. */
    public static ChromeDriver start() {
        TestResources.need(available(), "headless Chromium needs " + BROWSER + " and " + DRIVER
                + " (apt-get install chromium chromium-driver)");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--window-size=1280,2000");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
