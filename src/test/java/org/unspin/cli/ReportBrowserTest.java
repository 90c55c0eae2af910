package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.unspin.testing.HeadlessChromium;

/** Opens generated review reports in headless Chromium: rendering, sorting, filtering, and the mark/export loop. */
class ReportBrowserTest {
    private WebDriver browser;

    @BeforeEach
    void start() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(Path html) {
        browser.get(html.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-rendered")));
    }

    private List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** Every edit of a report's data as "document|original|replacement". */
    private static List<String> edits(JsonNode data) {
        List<String> out = new ArrayList<>();
        for (JsonNode doc : data.get("docs")) {
            for (JsonNode e : doc.get("e")) {
                out.add(doc.get("n").asText() + "|" + ReportCommandTest.original(doc, e) + "|" + e.get(2).asText());
            }
        }
        return out;
    }

    @Test
    void chartsAndDiffsRenderAndSortingAndFilteringWork(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("report.html");
        JsonNode data = ReportCommandTest.data(ReportCommandTest.report(html,
                ReportCommandTest.INPUTS.toArray(String[]::new)));
        open(html);
        assertThat(all("#histogram svg rect.bar")).hasSize(data.get("histogram").get("counts").size());
        assertThat(all("#histogram svg line.threshold")).hasSize(1);
        assertThat(all("#top-rewritten svg rect.bar")).hasSize(data.get("topRewritten").size()).hasSizeGreaterThan(20);
        assertThat(all("#top-flagged svg rect.bar")).hasSize(data.get("topFlagged").size());
        assertThat(all("article.doc")).hasSize(ReportCommandTest.INPUTS.size());
        assertThat(all(".edit")).hasSize(edits(data).size());
        WebElement first = all(".edit.rewrite").get(0);
        assertThat(first.findElement(By.tagName("del")).getText()).isEqualTo("Secretary of Condition");
        assertThat(first.findElement(By.tagName("ins")).getText()).isEqualTo("Secretary of State");
        assertThat(first.getAttribute("title")).contains("spun form of 'Secretary of State' (spun-news.tsv:8");
        assertThat(all("#summary").get(0).getText()).contains("spin threshold 2 findings per 1,000 words\ndocuments at or above it 3 (75.0 %)");

        new Select(browser.findElement(By.id("sort"))).selectByValue("score-desc");
        assertThat(all("article.doc h3").get(0).getText()).isEqualTo("testdata/entities-and-controls.txt");
        assertThat(all("article.doc h3").get(3).getText()).isEqualTo("testdata/clean-sotu-excerpt.txt");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("context");
        assertThat(all("article.doc h3")).extracting(WebElement::getText).containsExactly("testdata/spun-news.txt");

        Path shot = Path.of("target/report-screenshot.png");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("all");
        new Select(browser.findElement(By.id("sort"))).selectByValue("input");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void editsMarkedWrongAndExportedDisappearInTheNextRun(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("report.html");
        String[] inputs = {"testdata/spun-news.txt", "testdata/spun-science.txt"};
        JsonNode before = ReportCommandTest.data(ReportCommandTest.report(html, inputs));
        open(html);
        mark("del", "Countrywide Press Club");   // a rewrite
        mark("mark", "Innovative Guard");           // a finding only reported
        mark("del", "Washington Submit");        // marked, then unmarked again
        mark("del", "Washington Submit");
        assertThat(browser.findElement(By.id("mark-count")).getText()).isEqualTo("2 edits marked wrong");
        browser.findElement(By.id("export")).click();
        String tsv = browser.findElement(By.id("export-tsv")).getAttribute("value");
        assertThat(tsv).isEqualTo("""
                # unspin allow list: edits marked wrong in the review report
                phrase\treplacement\tcategory\tdocument\tnote
                Countrywide Press Club\tNational Press Club\tspun-name\ttestdata/spun-news.txt\tmarked wrong in review
                Innovative Guard\tRevolutionary Guard\tspun-name\ttestdata/spun-news.txt\tmarked wrong in review
                """);
        Path allow = Files.writeString(dir.resolve("unspin-allow.tsv"), tsv);

        List<String> args = new ArrayList<>(List.of("--allow", allow.toString()));
        args.addAll(List.of(inputs));
        JsonNode after = ReportCommandTest.data(ReportCommandTest.report(dir.resolve("again.html"),
                args.toArray(String[]::new)));
        List<String> expected = new ArrayList<>(edits(before));
        assertThat(expected.remove("testdata/spun-news.txt|Countrywide Press Club|National Press Club")).isTrue();
        assertThat(expected.remove("testdata/spun-news.txt|Innovative Guard|Revolutionary Guard")).isTrue();
        assertThat(edits(after)).isEqualTo(expected);
    }

    @Test
    void marksSurvivePagingAndOnlyTheCurrentPageIsDrawn(@TempDir Path dir) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 1; i <= 45; i++) {
            jsonl.append("{\"text\": \"Report ").append(i).append(" from the Countrywide Press Club.\"}\n");
        }
        Path html = dir.resolve("report.html");
        ReportCommandTest.report(html, "--jsonl", Cli.write(dir.resolve("docs.jsonl"), jsonl.toString()));
        open(html);
        assertThat(all("article.doc")).hasSize(20);
        assertThat(browser.findElement(By.id("page-info")).getText()).isEqualTo("page 1 of 3 (45 documents)");
        all("article.doc button.mark").get(0).click();
        browser.findElement(By.id("next")).click();
        browser.findElement(By.id("next")).click();
        assertThat(all("article.doc")).hasSize(5);
        assertThat(all("article.doc h3").get(0).getText()).endsWith("docs.jsonl:41");
        browser.findElement(By.id("prev")).click();
        browser.findElement(By.id("prev")).click();
        assertThat(all("article.doc button.mark").get(0).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(all("article.doc button.mark").get(1).getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(browser.findElement(By.id("mark-count")).getText()).isEqualTo("1 edit marked wrong");
    }

    private void mark(String tag, String original) {
        WebElement button = browser.findElement(By.xpath("//span[contains(@class,'edit')][" + tag + "[text()='"
                + original + "']]/button[contains(@class,'mark')]"));
        // Centre it: the fixed review bar at the bottom of the window would take the click.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }
}
