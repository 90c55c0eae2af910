package org.unspin.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.languagetool.remote.CheckConfigurationBuilder;
import org.languagetool.remote.RemoteConfigurationInfo;
import org.languagetool.remote.RemoteLanguageTool;
import org.languagetool.remote.RemoteResult;
import org.languagetool.remote.RemoteRuleMatch;
import org.unspin.Unspinner;

/**
 * The server against clients nobody on the project wrote: LanguageTool's own Java client
 * ({@code org.languagetool:languagetool-http-client}, {@link RemoteLanguageTool}), and the requests of web
 * pages (CORS), HEAD probes and oversized uploads.
 */
class LanguageToolCompatibilityTest {
    private static final int MAX_CHARS = 2_000;
    private static final String SPUN = "The Secretary of Condition spoke. Then the Countrywide Press Club met.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static UnspinServer server;
    private static RemoteLanguageTool lt;

    @BeforeAll
    static void start() throws IOException {
        server = new UnspinServer(Unspinner.withDefaults(), new UnspinServer.Config("127.0.0.1", 0, MAX_CHARS, 2, 16,
                "https://editor.example", UnspinServer.DEFAULT_MAX_CONNECTIONS), "test", line -> { });
        server.start();
        lt = new RemoteLanguageTool(new URL(server.url().substring(0, server.url().length() - 1)));
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(2));
    }

    @Test
    void theJavaClientChecksAndReadsTheMatches() {
        RemoteResult result = lt.check(SPUN, "en-US");
        assertThat(result.getLanguageCode()).isEqualTo("en-US");
        assertThat(result.getRemoteServer().getSoftware()).isEqualTo("unspin");
        assertThat(result.getMatches()).extracting(RemoteRuleMatch::getErrorOffset)
                .containsExactly(SPUN.indexOf("Secretary of Condition"), SPUN.indexOf("Countrywide Press Club"));
        RemoteRuleMatch first = result.getMatches().get(0);
        assertThat(first.getErrorLength()).isEqualTo("Secretary of Condition".length());
        assertThat(first.getReplacements()).hasValue(List.of("Secretary of State"));
        assertThat(first.getRuleId()).isEqualTo("UNSPIN_SPUN_NAME");
    }

    /** The Java client sends enabledOnly=yes, as LanguageTool reads it (true or yes). */
    @Test
    void enabledOnlyAsTheJavaClientSendsIt() {
        RemoteResult only = lt.check(SPUN, new CheckConfigurationBuilder("en-US")
                .enabledRuleIds("UNSPIN_SPUN_PHRASE").enabledOnly().build());
        assertThat(only.getMatches()).isEmpty();
        RemoteResult names = lt.check(SPUN, new CheckConfigurationBuilder("en-US")
                .enabledRuleIds("UNSPIN_SPUN_NAME").enabledOnly().build());
        assertThat(names.getMatches()).hasSize(2);
    }

    @Test
    void maxTextLengthAndConfigInfo() {
        assertThat(lt.getMaxTextLength()).isEqualTo(MAX_CHARS);
        RemoteConfigurationInfo info = lt.getConfigurationInfo("language=en-US"); // the client takes the form parameters
        assertThat(info.getMaxTextLength()).isEqualTo(MAX_CHARS);
        assertThat(info.getSoftwareInfo()).containsEntry("name", "unspin");
        assertThat(info.getRemoteRules()).extracting(r -> r.get("ruleId")).contains("UNSPIN_SPUN_NAME");
    }

    /** unspin's findings are all sentence-level: LanguageTool's text-level pass has none of them. */
    @Test
    void modeAndLevelAsLanguageToolTakesThem() {
        assertThat(lt.check(SPUN, new CheckConfigurationBuilder("en-US").mode("textLevelOnly").build()).getMatches())
                .isEmpty();
        assertThat(lt.check(SPUN, new CheckConfigurationBuilder("en-US").mode("allButTextLevelOnly").build())
                .getMatches()).hasSize(2);
        assertThat(lt.check(SPUN, new CheckConfigurationBuilder("en-US").mode("all").build()).getMatches()).hasSize(2);
        for (String level : List.of("default", "picky", "academic", "clarity", "professional")) {
            assertThat(lt.check(SPUN, new CheckConfigurationBuilder("en-US").level(level).build()).getMatches())
                    .as(level).hasSize(2);
        }
    }

    @Test
    void badModeAndPreferredVariantsWithoutAutoAre400() throws Exception {
        HttpResponse<String> mode = post("/v2/check", "language=en-US&mode=sometimes&text=x");
        assertThat(mode.statusCode()).isEqualTo(400);
        assertThat(mode.body()).startsWith("Error: Mode must be one of");
        HttpResponse<String> variants = post("/v2/check", "language=en-US&preferredVariants=en-GB&text=x");
        assertThat(variants.statusCode()).isEqualTo(400);
        assertThat(variants.body()).contains("language=auto");
    }

    @Test
    void preferredVariantsPickTheEnglishVariantOfAuto() throws Exception {
        JsonNode gb = json(post("/v2/check", "language=auto&preferredVariants=de-AT,en-GB&text="
                + URLEncoder.encode(SPUN, StandardCharsets.UTF_8)));
        assertThat(gb.at("/language/code").asText()).isEqualTo("en-GB");
        assertThat(gb.at("/language/detectedLanguage/code").asText()).isEqualTo("en-GB");
        assertThat(gb.get("matches")).hasSize(2);
        JsonNode plain = json(post("/v2/check", "language=auto&text=x"));
        assertThat(plain.at("/language/code").asText()).isEqualTo("en-US");
    }

    @Test
    void sentenceRangesAreInTheAnswer() throws Exception {
        JsonNode answer = json(post("/v2/check", "language=en-US&text=" + URLEncoder.encode(SPUN, StandardCharsets.UTF_8)));
        int second = SPUN.indexOf("Then");
        assertThat(answer.get("sentenceRanges").toString())
                .isEqualTo("[[0," + (second - 1) + "],[" + second + "," + SPUN.length() + "]]");
    }

    @Test
    void infoAndHeadWork() throws Exception {
        assertThat(json(get("/v2/info")).at("/software/name").asText()).isEqualTo("unspin");
        for (String path : List.of("/health", "/v2/languages", "/", "/v2/info")) {
            HttpResponse<String> head = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValueAsLong("Content-Length").orElse(0)).as(path)
                    .isEqualTo(get(path).body().getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void corsHeadersAndPreflight() throws Exception {
        HttpResponse<String> check = post("/v2/check", "language=en-US&text=x");
        assertThat(check.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://editor.example");
        HttpResponse<String> preflight = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + "v2/check"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://editor.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://editor.example");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type");
    }

    /** Without --allow-origin there is no CORS header: a web page elsewhere cannot read the answers. */
    @Test
    void noCorsHeaderUnlessAllowed() throws Exception {
        UnspinServer plain = new UnspinServer(Unspinner.withDefaults(),
                new UnspinServer.Config("127.0.0.1", 0, 100, 1, 4), "test", line -> { });
        plain.start();
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(plain.url() + "health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        } finally {
            plain.stop(Duration.ofSeconds(1));
        }
    }

    /**
     * A 10 MB upload against a 2,000-character limit: the 413 arrives whole and the connection is closed in
     * order (end of stream), not reset, while the client is still sending.
     */
    @Test
    void anOversizedBodyGets413WithoutAReset() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            int length = 10 << 20;
            out.write(("POST /v2/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nContent-Length: " + length + "\r\n\r\nlanguage=en&text=").getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[1 << 16];
                java.util.Arrays.fill(chunk, (byte) 'a');
                try {
                    for (int sent = 0; sent < length; sent += chunk.length) {
                        out.write(chunk);
                    }
                } catch (IOException closedByServer) {
                    // expected: the server stops reading after its answer
                }
            });
            writer.start();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8); // throws on a reset
            assertThat(answer).startsWith("HTTP/1.1 413").contains("exceeds the limit of " + MAX_CHARS);
            writer.join(10_000);
        }
        // A declared length is refused before any byte of the body is read.
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /v2/check HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("Connection: close");
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String form) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
