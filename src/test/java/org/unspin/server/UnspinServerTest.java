package org.unspin.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unspin.Repair;
import org.unspin.Unspinner;
import org.unspin.edit.Edit;

/** The server in-process on a free loopback port, spoken to over real HTTP. */
class UnspinServerTest {
    private static final int MAX_CHARS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static Unspinner unspinner;
    private static UnspinServer server;
    private static final Queue<String> LOG = new ConcurrentLinkedQueue<>();
    /** The first paragraph of testdata/spun-news.txt, after an emoji and curly quotes (UTF-16 offsets). */
    private static String paragraph;

    @BeforeAll
    static void start() throws IOException {
        unspinner = Unspinner.withDefaults();
        server = new UnspinServer(unspinner, new UnspinServer.Config("127.0.0.1", 0, MAX_CHARS, 4, 64), "test",
                LOG::add);
        server.start();
        String news = Files.readString(Path.of("testdata", "spun-news.txt"), StandardCharsets.UTF_8);
        paragraph = "😀 “Breaking” 👍🏽: " + news.substring(0, news.indexOf("\n\n"));
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(2));
    }

    private static String form(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    private static HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery.substring(1))).build());
    }

    private static JsonNode checkOk(String form) throws IOException, InterruptedException {
        HttpResponse<String> r = send(post("/v2/check", form));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return JSON.readTree(r.body());
    }

    /** The matches a client sees are the library's edits, at the same UTF-16 offsets. */
    private static void assertMatchesAreTheEdits(String text, JsonNode matches) {
        List<Edit> edits = unspinner.repair(text).edits();
        assertThat(matches).hasSize(edits.size());
        for (int i = 0; i < edits.size(); i++) {
            Edit e = edits.get(i);
            JsonNode m = matches.get(i);
            int offset = m.get("offset").asInt();
            int length = m.get("length").asInt();
            assertThat(text.substring(offset, offset + length)).isEqualTo(e.original());
            assertThat(offset).isEqualTo(e.start());
            assertThat(m.get("message").asText()).isEqualTo(e.explanation());
            assertThat(m.at("/replacements/0/value").asText()).isEqualTo(e.replacement());
        }
    }

    @Test
    void checkAnswersInLanguageToolsShapeWithUtf16Offsets() throws Exception {
        JsonNode root = checkOk(form("text", paragraph, "language", "en-US"));
        assertThat(root.at("/software/name").asText()).isEqualTo("unspin");
        assertThat(root.at("/software/version").asText()).isEqualTo("test");
        assertThat(root.at("/software/apiVersion").asInt()).isEqualTo(1);
        assertThat(root.at("/software/buildDate").isTextual()).isTrue();
        assertThat(root.at("/language/code").asText()).isEqualTo("en-US");
        assertThat(root.at("/language/name").asText()).isEqualTo("English (US)");
        assertThat(root.at("/language/detectedLanguage/code").asText()).isEqualTo("en-US");

        JsonNode matches = root.get("matches");
        assertMatchesAreTheEdits(paragraph, matches);
        JsonNode secretary = null;
        for (JsonNode m : matches) {
            int offset = m.get("offset").asInt();
            if (paragraph.substring(offset, offset + m.get("length").asInt()).equals("Secretary of Condition")) {
                secretary = m;
            }
        }
        assertThat(secretary).as("match of 'Secretary of Condition'").isNotNull();
        // 😀 and 👍🏽 are two and four UTF-16 units: the offset counts them as a Java or JavaScript string does.
        assertThat(secretary.get("offset").asInt()).isEqualTo(paragraph.indexOf("Secretary of Condition"));
        assertThat(secretary.at("/replacements/0/value").asText()).isEqualTo("Secretary of State");
        assertThat(secretary.at("/rule/id").asText()).isEqualTo("UNSPIN_SPUN_NAME");
        assertThat(secretary.at("/rule/category/id").asText()).isEqualTo("UNSPIN_SPUN_NAME");
        assertThat(secretary.at("/rule/category/name").asText()).isEqualTo("Spun name");
        assertThat(secretary.at("/rule/issueType").asText()).isEqualTo("misspelling");
        assertThat(secretary.at("/rule/description").asText()).isNotBlank();
        assertThat(secretary.at("/type/typeName").asText()).isEqualTo("Other");
        assertThat(secretary.get("shortMessage").asText()).isEqualTo("Spun name");
        assertThat(secretary.get("sentence").asText())
                .isEqualTo("😀 “Breaking” 👍🏽: Secretary of Condition Mike Pompeo spoke at the Countrywide Press Club.");
        assertThat(secretary.get("ignoreForIncompleteSentence").isBoolean()).isTrue();
        assertThat(secretary.get("contextForSureMatch").isInt()).isTrue();
        JsonNode context = secretary.get("context");
        String contextText = context.get("text").asText();
        int contextOffset = context.get("offset").asInt();
        assertThat(contextText.substring(contextOffset, contextOffset + context.get("length").asInt()))
                .isEqualTo("Secretary of Condition");
        assertThat(contextText).endsWith("...");

        // A finding unspin only reports is a hint that still offers its suggestion.
        JsonNode innovative = null;
        for (JsonNode m : matches) {
            int offset = m.get("offset").asInt();
            if (paragraph.substring(offset, offset + m.get("length").asInt()).equals("Innovative Guard")) {
                innovative = m;
            }
        }
        assertThat(innovative).isNotNull();
        assertThat(innovative.at("/type/typeName").asText()).isEqualTo("Hint");
        assertThat(innovative.at("/replacements/0/value").asText()).isEqualTo("Revolutionary Guard");
    }

    @Test
    void getWithQueryStringWorksLikePost() throws Exception {
        HttpResponse<String> r = get("/v2/check?language=en&text="
                + URLEncoder.encode(paragraph, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertMatchesAreTheEdits(paragraph, JSON.readTree(r.body()).get("matches"));
    }

    @Test
    void annotatedDataSkipsMarkupAndCountsOffsetsInTheWholeDocument() throws Exception {
        String data = "{\"annotation\":[{\"markup\":\"<p class=\\\"lead\\\">\"},{\"text\":\"“Quote” 😀 The \"},"
                + "{\"markup\":\"<b>\"},{\"text\":\"Countrywide Press Club\"},{\"markup\":\"</b>\"},"
                + "{\"text\":\" met.\"},{\"markup\":\"<br>\",\"interpretAs\":\"\\n\"},"
                + "{\"text\":\"Secretary of Condition Pompeo spoke.\"}]}";
        String document = "<p class=\"lead\">“Quote” 😀 The <b>Countrywide Press Club</b> met.<br>"
                + "Secretary of Condition Pompeo spoke.";
        JsonNode root = checkOk(form("data", data, "language", "en-GB"));
        assertThat(root.at("/language/code").asText()).isEqualTo("en-GB");
        List<String> found = new ArrayList<>();
        for (JsonNode m : root.get("matches")) {
            int offset = m.get("offset").asInt();
            found.add(document.substring(offset, offset + m.get("length").asInt()));
            String context = m.at("/context/text").asText();
            int at = m.at("/context/offset").asInt();
            assertThat(context.substring(at, at + m.at("/context/length").asInt())).isEqualTo(found.get(found.size() - 1));
        }
        assertThat(found).containsExactly("Countrywide Press Club", "Secretary of Condition");
        // The sentence is plain text: markup left out, interpretAs put in.
        assertThat(root.at("/matches/0/sentence").asText()).isEqualTo("“Quote” 😀 The Countrywide Press Club met.");
    }

    @Test
    void ruleAndCategorySelectionFollowsLanguageTool() throws Exception {
        String text = "The Countrywide Press Club met. The journey paperwork was lost.";
        JsonNode all = checkOk(form("text", text, "language", "en-US")).get("matches");
        assertThat(all).extracting(m -> m.at("/rule/id").asText())
                .containsExactly("UNSPIN_SPUN_NAME", "UNSPIN_SPUN_PHRASE");
        assertThat(checkOk(form("text", text, "language", "en-US", "disabledRules", "UNSPIN_SPUN_NAME"))
                .get("matches")).extracting(m -> m.at("/rule/id").asText()).containsExactly("UNSPIN_SPUN_PHRASE");
        assertThat(checkOk(form("text", text, "language", "en-US", "disabledCategories", "UNSPIN_SPUN_PHRASE"))
                .get("matches")).extracting(m -> m.at("/rule/id").asText()).containsExactly("UNSPIN_SPUN_NAME");
        assertThat(checkOk(form("text", text, "language", "en-US", "enabledOnly", "true",
                "enabledRules", "UNSPIN_SPUN_PHRASE")).get("matches"))
                .extracting(m -> m.at("/rule/id").asText()).containsExactly("UNSPIN_SPUN_PHRASE");
    }

    @Test
    void cleanUpEditsAppearOnlyWhenAskedFor() throws Exception {
        String text = "Fish&amp;chips at\u200B the Countrywide Press Club.";
        Repair repair = unspinner.repair(text);
        assertThat(repair.edits()).extracting(Edit::category).contains("markup", "unicode");
        JsonNode plain = checkOk(form("text", text, "language", "en-US")).get("matches");
        assertThat(plain).extracting(m -> m.at("/rule/category/id").asText())
                .doesNotContain("UNSPIN_MARKUP", "UNSPIN_UNICODE");
        JsonNode picky = checkOk(form("text", text, "language", "en-US", "level", "picky")).get("matches");
        assertMatchesAreTheEdits(text, picky);
        JsonNode entity = checkOk(form("text", text, "language", "en-US", "enabledCategories", "UNSPIN_MARKUP"))
                .get("matches");
        assertThat(entity).extracting(m -> m.at("/rule/id").asText()).contains("UNSPIN_HTML_ENTITY")
                .doesNotContain("UNSPIN_ZERO_WIDTH");
    }

    @Test
    void badRequestsGetAStatusAndAOneLineMessage() throws Exception {
        HttpResponse<String> missing = send(post("/v2/check", form("language", "en-US")));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("Error: Missing 'text' or 'data' parameter\n");
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");

        HttpResponse<String> german = send(post("/v2/check", form("text", "Hallo Welt", "language", "de-DE")));
        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(german.body()).startsWith("Error: 'de-DE' is not a language code known to unspin").contains("en-GB");

        assertThat(send(post("/v2/check", form("text", "x"))).statusCode()).isEqualTo(400);
        assertThat(send(post("/v2/check", form("text", "x", "language", "en", "level", "pedantic"))).body())
                .startsWith("Error: 'level' must be");
        HttpResponse<String> badData = send(post("/v2/check", form("data", "{\"annotation\": 5}", "language", "en")));
        assertThat(badData.statusCode()).isEqualTo(400);
        assertThat(badData.body()).contains("annotation");
        assertThat(send(post("/v2/check", form("data", "{not json", "language", "en"))).body())
                .startsWith("Error: 'data' is not valid JSON");

        HttpResponse<String> tooLong = send(post("/v2/check", form("text", "a".repeat(MAX_CHARS + 1), "language", "en")));
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(tooLong.body()).contains("limit of " + MAX_CHARS + " characters").contains("it's " + (MAX_CHARS + 1));
        assertThat(send(post("/v2/check", form("text", "a".repeat(MAX_CHARS), "language", "en"))).statusCode())
                .isEqualTo(200);
        // A body far beyond what the limit allows is refused before it is read whole.
        HttpResponse<String> huge = send(post("/v2/check", form("language", "en", "text", "x".repeat(20 * MAX_CHARS))));
        assertThat(huge.statusCode()).isEqualTo(413);

        assertThat(get("/v2/nothing").statusCode()).isEqualTo(404);
        HttpResponse<String> delete = send(HttpRequest.newBuilder(URI.create(server.url() + "v2/check"))
                .DELETE().build());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
        assertThat(send(post("/v2/languages", "")).statusCode()).isEqualTo(405);
    }

    @Test
    void fiftyConcurrentRequestsAreAllAnsweredWithTheirOwnOffsets() throws Exception {
        List<String> texts = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Each text shifts the findings by a different number of UTF-16 units.
            String text = "🙂".repeat(i % 7) + "“" + "x".repeat(i) + "” " + paragraph;
            texts.add(text);
            answers.add(CLIENT.sendAsync(post("/v2/check", form("text", text, "language", "en-US")),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r = answers.get(i).get();
            assertThat(r.statusCode()).isEqualTo(200);
            assertMatchesAreTheEdits(texts.get(i), JSON.readTree(r.body()).get("matches"));
        }
    }

    @Test
    void languagesAndHealth() throws Exception {
        HttpResponse<String> languages = get("/v2/languages");
        assertThat(languages.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(languages.body());
        assertThat(list).extracting(l -> l.get("longCode").asText()).contains("en-US", "en-GB");
        assertThat(list).allSatisfy(l -> {
            assertThat(l.get("code").asText()).isEqualTo("en");
            assertThat(l.get("name").asText()).startsWith("English");
        });
        for (String path : List.of("/health", "/v2/healthcheck")) {
            HttpResponse<String> health = get(path);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void repairEndpointGivesTheWholeRepairForTheReviewPage() throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("text", paragraph));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.url() + "api/repair"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode root = JSON.readTree(r.body());
        Repair expected = unspinner.repair(paragraph);
        assertThat(root.get("input").asText()).isEqualTo(paragraph);
        assertThat(root.get("text").asText()).isEqualTo(expected.text());
        assertThat(root.get("edits")).hasSize(expected.edits().size());
        for (int i = 0; i < expected.edits().size(); i++) {
            Edit e = expected.edits().get(i);
            JsonNode o = root.get("edits").get(i);
            assertThat(o.get("start").asInt()).isEqualTo(e.start());
            assertThat(o.get("end").asInt()).isEqualTo(e.end());
            assertThat(o.get("replacement").asText()).isEqualTo(e.replacement());
            assertThat(o.get("applied").asBoolean()).isEqualTo(e.applied());
            assertThat(o.get("confidence").asDouble()).isEqualTo(e.confidence());
            assertThat(o.get("explanation").asText()).isEqualTo(e.explanation());
        }
        assertThat(send(HttpRequest.newBuilder(URI.create(server.url() + "api/repair"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build())
                .statusCode()).isEqualTo(400);
    }

    @Test
    void reviewPageIsServedWithoutExternalResources() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'");
        assertThat(page.body()).contains("id=\"input\"", "id=\"repair\"", "id=\"result\"", "src=\"review.js\"");
        for (String asset : List.of("/review.js", "/review.css")) {
            HttpResponse<String> r = get(asset);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("http://", "https://");
        }
        assertThat(page.body()).doesNotContain("http://", "https://");
    }

    @Test
    void everyRequestIsLoggedOnOneLine() throws Exception {
        get("/health?probe=log");
        get("/no/such/page");
        assertThat(LOG).anySatisfy(line -> assertThat(line).matches("GET /health 200 \\d+ms 0 chars"));
        assertThat(LOG).anySatisfy(line -> assertThat(line).matches("GET /no/such/page 404 \\d+ms 0 chars"));
    }

    /**
     * Requests whose bodies never arrive hold no checker: the health check and a check are answered at once.
     * When the checker and its queue are busy with complete requests, the next check is answered 503 at once.
     */
    @Test
    void stalledBodiesHoldNoCheckerAndAFullQueueIsAnswered503() throws Exception {
        UnspinServer small = new UnspinServer(unspinner, new UnspinServer.Config("127.0.0.1", 0, 100, 1, 1),
                "test", line -> { });
        small.start();
        List<Socket> stalled = new ArrayList<>();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            for (int i = 0; i < 10; i++) {
                stalled.add(stalledRequest(small.port()));
            }
            waitFor(() -> small.activeRequests() == 10);
            long started = System.nanoTime();
            assertThat(rawGetStatus(small.port(), "/health")).isEqualTo(200);
            assertThat(rawRequest(small.port(), "GET /v2/check?language=en&text=Secretary+of+Condition"))
                    .startsWith("HTTP/1.1 200").contains("Secretary of State");
            assertThat((System.nanoTime() - started) / 1e9).as("seconds, with 10 stalled clients").isLessThan(1.0);

            small.checkers().execute(() -> await(release)); // the one checker
            waitFor(() -> small.queuedRequests() == 0);
            small.checkers().execute(() -> await(release)); // the queue of one
            assertThat(rawRequest(small.port(), "GET /v2/check?language=en&text=x")).startsWith("HTTP/1.1 503")
                    .contains("Retry-After: 1");
            assertThat(rawGetStatus(small.port(), "/health")).as("cheap endpoints never queue").isEqualTo(200);
        } finally {
            release.countDown();
            for (Socket s : stalled) {
                s.close();
            }
            small.stop(Duration.ofSeconds(1));
        }
    }

    /** The idle timeout bounds silent clients, not a request that waits its turn for a checker. */
    @Test
    void aRequestQueuedLongerThanTheIdleTimeoutIsStillAnswered() throws Exception {
        UnspinServer small = new UnspinServer(unspinner, new UnspinServer.Config("127.0.0.1", 0, 100, 1, 4),
                "test", line -> { });
        small.start();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            small.checkers().execute(() -> await(release));
            Thread releaser = new Thread(() -> {
                try {
                    Thread.sleep(UnspinServer.IDLE_TIMEOUT.toMillis() + 1500);
                } catch (InterruptedException e) {
                    return;
                } finally {
                    release.countDown();
                }
            });
            releaser.start();
            // On one keep-alive connection: the slow answer, then the connection still serves the next request.
            try (Socket s = new Socket("127.0.0.1", small.port())) {
                s.setSoTimeout(20_000);
                InputStream in = s.getInputStream();
                for (int i = 0; i < 2; i++) {
                    s.getOutputStream().write(("GET /v2/check?language=en&text=Secretary+of+Condition HTTP/1.1\r\n"
                            + "Host: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    String head = readHead(in);
                    assertThat(head).as("answer " + (i + 1)).startsWith("HTTP/1.1 200").doesNotContain("Connection: close");
                    int length = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                    assertThat(new String(in.readNBytes(length), StandardCharsets.UTF_8)).contains("Secretary of State");
                }
            }
        } finally {
            release.countDown();
            small.stop(Duration.ofSeconds(1));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stopping refuses new connections but lets a request in progress finish and get its answer. */
    @Test
    void stopLetsARequestInProgressFinish() throws Exception {
        UnspinServer stopping = new UnspinServer(unspinner, new UnspinServer.Config("127.0.0.1", 0, 100, 1, 1),
                "test", line -> { });
        stopping.start();
        int port = stopping.port();
        String first = "language=en";
        String rest = "&text=Secretary+of+Condition";
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(("POST /v2/check HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                    + (first.length() + rest.length()) + "\r\n\r\n" + first).getBytes(StandardCharsets.US_ASCII));
            waitFor(() -> stopping.activeRequests() == 1);
            Thread stopper = new Thread(() -> stopping.stop(Duration.ofSeconds(20)));
            stopper.start();
            waitFor(() -> {
                try (Socket probe = new Socket("127.0.0.1", port)) {
                    return false;
                } catch (IOException refused) {
                    return true;
                }
            });
            s.getOutputStream().write(rest.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"value\":\"Secretary of State\"");
            stopper.join(30_000);
            assertThat(stopper.isAlive()).isFalse();
        }
    }

    /** Polls a condition that another thread makes true (a bounded wait, not a timing assertion). */
    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1_000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    private static Socket stalledRequest(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        OutputStream out = s.getOutputStream();
        out.write(("POST /v2/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 100\r\n\r\nlanguage=en").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /** One request line on a fresh connection; the whole answer, headers and body. */
    private static String rawRequest(int port, String requestLine) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int rawGetStatus(int port, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
