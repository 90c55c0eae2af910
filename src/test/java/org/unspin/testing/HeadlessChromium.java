package org.unspin.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.unspin.TestResources;

/**
 * Debian's Chromium and chromedriver under Selenium, headless, with the paths given explicitly so that
 * Selenium Manager never goes to the network. {@link #start()} skips the calling test when they are not
 * installed ({@code apt-get install -y chromium chromium-driver}), and fails it under UNSPIN_REQUIRE_CORPORA=1.
 */
public final class HeadlessChromium {
    public static final Path BROWSER = Path.of(System.getenv().getOrDefault("UNSPIN_CHROMIUM", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getenv().getOrDefault("UNSPIN_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** Whether both the browser and the driver are installed. */
    public static boolean available() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A new headless browser (quit it when done), or a skipped test when Chromium is missing. */
    public static WebDriver start() {
        TestResources.need(available(), "needs " + BROWSER + " and " + DRIVER
                + " (apt-get install -y chromium chromium-driver)");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,2000");
        return new ChromeDriver(service, options);
    }
}
