package org.unspin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.unspin.testing.HeadlessChromium;

/**
 * Size and opening time of a review report of 1,000 documents (docs/cli.md, "Review report"): State of the Union
 * text cut into documents of about {@code chars} characters, every third with a spun paragraph of testdata
 * inserted, written as JSONL; then {@code unspin report} and three openings in headless Chromium, timed from
 * navigation start to the page's own "rendered" mark and to the load event.
 * Run (after scripts/fetch-corpora.sh and mvn test-compile):
 * {@code java -cp target/classes:target/test-classes:DEPS org.unspin.cli.ReportBench [chars [docs]]}.
 */
public final class ReportBench {
    public static void main(String[] args) throws Exception {
        int chars = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path jsonl = Path.of("target/report-bench-" + chars + ".jsonl");
        Path html = Path.of("target/report-bench-" + chars + ".html");
        writeDocuments(jsonl, chars, count);
        long started = System.nanoTime();
        Cli.Result r = Cli.run("", "report", "--jsonl", "-o", html.toString(), jsonl.toString());
        if (r.exit() != 0) {
            throw new IllegalStateException(r.err());
        }
        System.out.printf("%d documents of ~%d chars (%.1f MB of text): report written in %.1f s, %.2f MB%n",
                count, chars, Files.size(jsonl) / 1e6, (System.nanoTime() - started) / 1e9, Files.size(html) / 1e6);
        WebDriver browser = HeadlessChromium.start();
        try {
            for (int round = 1; round <= 3; round++) {
                browser.get("about:blank");
                browser.get(html.toUri().toString());
                new WebDriverWait(browser, Duration.ofSeconds(60)).until(b ->
                        "true".equals(b.findElement(By.tagName("body")).getAttribute("data-rendered")));
                @SuppressWarnings("unchecked")
                List<Object> t = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                        "var n = performance.getEntriesByType('navigation')[0];"
                        + "return [performance.getEntriesByName('unspin-rendered')[0].startTime,"
                        + " n.domContentLoadedEventEnd, n.loadEventEnd, document.querySelectorAll('.edit').length];");
                System.out.printf("open %d: rendered at %.0f ms, DOMContentLoaded %.0f ms, load %.0f ms"
                        + " (%s edits on the first page)%n", round, num(t.get(0)), num(t.get(1)), num(t.get(2)), t.get(3));
            }
        } finally {
            browser.quit();
        }
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static void writeDocuments(Path out, int chars, int count) throws Exception {
        List<String> paragraphs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("target/corpora/sotu/package/data"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                // The addresses are one line each: paragraphs of five sentences.
                String[] sentences = Files.readString(f).strip().split("(?<=[.!?])\\s+");
                for (int i = 0; i < sentences.length; i += 5) {
                    paragraphs.add(String.join(" ", List.of(sentences).subList(i, Math.min(sentences.length, i + 5))));
                }
            }
        }
        List<String> spun = new ArrayList<>();
        for (String f : List.of("testdata/spun-news.txt", "testdata/spun-science.txt")) {
            spun.addAll(List.of(Files.readString(Path.of(f)).split("\n\\s*\n")));
        }
        SplittableRandom random = new SplittableRandom(42);
        ObjectMapper json = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (int d = 0; d < count; d++) {
            StringBuilder doc = new StringBuilder();
            while (doc.length() < chars) {
                if (d % 3 == 0 && doc.length() > chars / 2 && doc.indexOf("\u0000") < 0) {
                    doc.append(spun.get(random.nextInt(spun.size())).strip()).append("\n\n");
                    doc.append('\u0000'); // marks "spun paragraph added"; removed below
                }
                doc.append(paragraphs.get(next++ % paragraphs.size())).append("\n\n");
            }
            String text = doc.toString().replace("\u0000", "");
            sb.append(json.writeValueAsString(Map.of("id", d, "text", text))).append('\n');
        }
        Files.writeString(out, sb);
    }
}
