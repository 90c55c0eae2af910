package org.unspin.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.unspin.Unspinner;
import org.unspin.testing.HeadlessChromium;

/** The review page in headless Chromium: paste, repair, reject and accept edits, read the result. */
class ReviewPageBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static UnspinServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new UnspinServer(Unspinner.withDefaults(),
                new UnspinServer.Config("127.0.0.1", 0, 100_000, 2, 16), "test", line -> { });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(2));
    }

    /** The server's own answer for the text: the edits the page must show. */
    private static JsonNode repairOf(String text) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "api/repair"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(JSON.createObjectNode().put("text", text))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The input with each edit's replacement where {@code accepted}, its original elsewhere. */
    private static String withChoices(String input, JsonNode edits, List<Boolean> accepted) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (int i = 0; i < edits.size(); i++) {
            JsonNode e = edits.get(i);
            out.append(input, pos, e.get("start").asInt());
            out.append(accepted.get(i) ? e.get("replacement").asText() : e.get("original").asText());
            pos = e.get("end").asInt();
        }
        return out.append(input.substring(pos)).toString();
    }

    @Test
    void pasteRepairRejectAndAccept() throws Exception {
        String news = Files.readString(Path.of("testdata", "spun-news.txt"), StandardCharsets.UTF_8);
        // Two paragraphs: rewritten findings and report-only ones ("as perfectly as"), after an emoji.
        String text = "🙂 “" + news.substring(0, news.indexOf("\n\n", news.indexOf("\n\n") + 2)) + "”";
        JsonNode repair = repairOf(text);
        JsonNode edits = repair.get("edits");
        List<Boolean> accepted = new ArrayList<>();
        int firstApplied = -1;
        int firstReported = -1;
        for (int i = 0; i < edits.size(); i++) {
            boolean applied = edits.get(i).get("applied").asBoolean();
            accepted.add(applied);
            if (applied && firstApplied < 0) {
                firstApplied = i;
            }
            if (!applied && !edits.get(i).get("replacement").isNull() && firstReported < 0) {
                firstReported = i;
            }
        }
        assertThat(firstApplied).as("a rewritten edit").isNotNegative();
        assertThat(firstReported).as("a report-only edit with a suggestion").isNotNegative();

        ChromeDriver browser = HeadlessChromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(server.url());
            // "Paste": chromedriver cannot type characters outside the BMP (the emoji), so set the value.
            ((JavascriptExecutor) browser).executeScript("document.getElementById('input').value = arguments[0];", text);
            browser.findElement(By.id("repair")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-section")));
            List<WebElement> spans = browser.findElements(By.cssSelector("#output span.edit"));
            assertThat(spans).hasSize(edits.size());
            for (int i = 0; i < edits.size(); i++) {
                JsonNode e = edits.get(i);
                WebElement span = spans.get(i);
                String shown = e.get("applied").asBoolean() ? e.get("replacement").asText() : e.get("original").asText();
                assertThat(span.getText()).isEqualTo(shown);
                assertThat(span.getAttribute("class")).contains(e.get("applied").asBoolean() ? "accepted" : "reported");
                assertThat(span.getAttribute("title")).contains(e.get("explanation").asText());
            }
            assertThat(browser.findElement(By.id("result")).getAttribute("value")).isEqualTo(repair.get("text").asText());
            // The page shows the repaired text, which is the server's own.
            assertThat(repair.get("text").asText()).isEqualTo(withChoices(text, edits, accepted));

            // Reject a rewrite: the original comes back, in the text and in the result.
            browser.findElement(By.cssSelector("button.edit-toggle[data-edit='" + firstApplied + "']")).click();
            accepted.set(firstApplied, false);
            // Accept a finding unspin only reported.
            browser.findElement(By.cssSelector("button.edit-toggle[data-edit='" + firstReported + "']")).click();
            accepted.set(firstReported, true);
            String expected = withChoices(text, edits, accepted);
            assertThat(expected).isNotEqualTo(repair.get("text").asText());
            assertThat(browser.findElement(By.id("result")).getAttribute("value")).isEqualTo(expected);
            WebElement rejected = browser.findElement(By.cssSelector("#output span.edit[data-edit='" + firstApplied + "']"));
            assertThat(rejected.getText()).isEqualTo(edits.get(firstApplied).get("original").asText());
            assertThat(rejected.getAttribute("class")).contains("rejected");

            // Clicking an edit explains it, and its toggle there works too.
            rejected.click();
            WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
            assertThat(detail.getText()).contains(edits.get(firstApplied).get("explanation").asText());
            browser.findElement(By.id("detail-toggle")).click();
            accepted.set(firstApplied, true);
            assertThat(browser.findElement(By.id("result")).getAttribute("value"))
                    .isEqualTo(withChoices(text, edits, accepted));
        } finally {
            browser.quit();
        }
    }

    @Test
    void serverErrorsAreShownOnThePage() throws Exception {
        UnspinServer tiny = new UnspinServer(Unspinner.withDefaults(),
                new UnspinServer.Config("127.0.0.1", 0, 10, 1, 4), "test", line -> { });
        tiny.start();
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get(tiny.url());
            browser.findElement(By.id("input")).sendKeys("This text is longer than ten characters.");
            browser.findElement(By.id("repair")).click();
            WebElement status = browser.findElement(By.id("status"));
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.attributeContains(status, "class", "error"));
            assertThat(status.getText()).contains("exceeds the limit of 10 characters");
            assertThat(browser.findElement(By.id("review-section")).isDisplayed()).isFalse();
        } finally {
            browser.quit();
            tiny.stop(Duration.ofSeconds(1));
        }
    }
}
