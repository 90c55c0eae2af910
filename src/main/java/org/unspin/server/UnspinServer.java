package org.unspin.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.unspin.Repair;
import org.unspin.SpinScore;
import org.unspin.corpus.RecordAnnotator;
import org.unspin.Unspinner;
import org.unspin.edit.Edit;

/**
 * unspin over HTTP: LanguageTool's {@code /v2/check} and {@code /v2/languages}, a health check, the review
 * page at {@code /} and its JSON endpoint {@code /api/repair}. Built on the JDK's HttpServer. Requests run
 * on a fixed pool of {@code threads} workers with a bounded queue; a request that finds the queue full is
 * answered 503 by a small overflow pool, and when that is full too its connection is closed.
 */
public final class UnspinServer {
    /** Settings: where to listen and how much to accept. */
    public record Config(String host, int port, int maxTextChars, int threads, int queue) {
        public Config {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535 || maxTextChars < 1 || threads < 1 || queue < 1) {
                throw new IllegalArgumentException("bad server config " + port + "/" + maxTextChars + "/"
                        + threads + "/" + queue);
            }
        }
    }

    private static final String RESOURCES = "/org/unspin/server/review/";
    private static final Map<String, String[]> STATIC = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/review.css", new String[] {"review.css", "text/css; charset=utf-8"},
            "/review.js", new String[] {"review.js", "text/javascript; charset=utf-8"});
    private static final List<String> GET = List.of("GET");
    private static final List<String> GET_POST = List.of("GET", "POST");
    private static final List<String> POST = List.of("POST");

    private final Unspinner unspinner;
    private final Config config;
    private final ServerInfo info;
    private final Consumer<String> log;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer http;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor overflow;

    /**
     * Binds the socket (port 0: any free port) without serving yet.
     *
     * @param log receives one line per request: method, path, status, milliseconds, characters checked
     */
    public UnspinServer(Unspinner unspinner, Config config, String version, Consumer<String> log)
            throws IOException {
        this.unspinner = Objects.requireNonNull(unspinner);
        this.config = config;
        this.info = new ServerInfo(version, buildDate());
        this.log = Objects.requireNonNull(log);
        this.http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
        this.workers = new ThreadPoolExecutor(config.threads(), config.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queue()), daemons("unspin-http-", false), this::overloaded);
        this.overflow = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(4 * config.queue()), daemons("unspin-busy-", true),
                new ThreadPoolExecutor.DiscardPolicy());
        http.createContext("/", this::handle);
        http.setExecutor(workers);
    }

    public void start() {
        http.start();
    }

    /** The port it listens on (the real one when the config said 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8081/}. */
    public String url() {
        String host = http.getAddress().getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    /**
     * Stops accepting connections, lets requests in progress finish for up to {@code grace}, then stops the
     * workers.
     */
    public void stop(Duration grace) {
        http.stop((int) Math.max(0, grace.toSeconds()));
        workers.shutdown();
        overflow.shutdown();
        try {
            workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        overflow.shutdownNow();
    }

    /** Requests being checked now (for tests and the health check). */
    int activeRequests() {
        return workers.getActiveCount();
    }

    /** Requests waiting for a worker. */
    int queuedRequests() {
        return workers.getQueue().size();
    }

    /** Threads of the overflow pool answer every request 503, which is how a handler knows it must. */
    private static final class BusyThread extends Thread {
        BusyThread(Runnable r, String name) {
            super(r, name);
        }
    }

    private static java.util.concurrent.ThreadFactory daemons(String prefix, boolean busy) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            String name = prefix + n.incrementAndGet();
            Thread t = busy ? new BusyThread(r, name) : new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void overloaded(Runnable exchange, ThreadPoolExecutor full) {
        if (!overflow.isShutdown()) {
            overflow.execute(exchange);
        }
    }

    private void handle(HttpExchange ex) {
        long started = System.nanoTime();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        int[] chars = {0};
        try {
            if (Thread.currentThread() instanceof BusyThread) {
                ex.getResponseHeaders().set("Retry-After", "1");
                throw new HttpError(503, "Error: the server is busy, please try again in a moment");
            }
            route(ex, method, path, chars);
        } catch (HttpError e) {
            sendText(ex, e.status(), e.getMessage());
        } catch (UncheckedIOException e) {
            // The client went away; nothing to answer.
        } catch (RuntimeException e) {
            sendText(ex, 500, "Error: internal error: " + e);
        } finally {
            ex.close();
            long ms = (System.nanoTime() - started) / 1_000_000;
            log.accept(method + " " + path + " " + ex.getResponseCode() + " " + ms + "ms " + chars[0] + " chars");
        }
    }

    private void route(HttpExchange ex, String method, String path, int[] chars) {
        switch (path) {
            case "/v2/check" -> {
                allow(ex, method, GET_POST);
                check(ex, chars);
            }
            case "/v2/languages" -> {
                allow(ex, method, GET);
                ArrayNode list = json.createArrayNode();
                for (Languages.Language l : Languages.ALL) {
                    list.addObject().put("name", l.name()).put("code", l.code()).put("longCode", l.longCode());
                }
                sendJson(ex, 200, list);
            }
            case "/health", "/v2/healthcheck" -> {
                allow(ex, method, GET);
                ObjectNode health = json.createObjectNode();
                health.put("status", "ok");
                health.put("version", info.version());
                health.put("threads", config.threads());
                health.put("queued", queuedRequests());
                sendJson(ex, 200, health);
            }
            case "/api/repair" -> {
                allow(ex, method, POST);
                repair(ex, chars);
            }
            default -> {
                String[] resource = STATIC.get(path);
                if (resource == null) {
                    throw new HttpError(404, "Error: no such path: " + path);
                }
                allow(ex, method, GET);
                page(ex, resource[0], resource[1]);
            }
        }
    }

    private static void allow(HttpExchange ex, String method, List<String> allowed) {
        if (!allowed.contains(method)) {
            ex.getResponseHeaders().set("Allow", String.join(", ", allowed));
            throw new HttpError(405, "Error: " + method + " is not allowed here, use " + String.join(" or ", allowed));
        }
    }

    private void check(HttpExchange ex, int[] chars) {
        Params p = new Params().add(ex.getRequestURI().getRawQuery());
        if (ex.getRequestMethod().equals("POST")) {
            p.add(body(ex));
        }
        String text = p.get("text");
        String data = p.get("data");
        if (text == null && data == null) {
            throw new HttpError(400, "Error: Missing 'text' or 'data' parameter");
        }
        if (text != null && data != null) {
            throw new HttpError(400, "Error: Set only 'text' or 'data', not both");
        }
        String code = p.get("language");
        if (code == null) {
            throw new HttpError(400, "Error: Missing 'language' parameter, use 'language=auto' to auto-detect "
                    + "the language of the input text");
        }
        Languages.Language language = Languages.forCode(code);
        RuleFilter filter = RuleFilter.of(p);
        AnnotatedText annotated = text != null ? AnnotatedText.ofText(text) : AnnotatedText.ofData(data, json);
        chars[0] = annotated.plain().length();
        checkLength(chars[0]);
        Repair repair = unspinner.repair(annotated.plain());
        sendJson(ex, 200, CheckResponse.of(json, info, language, code.strip().equalsIgnoreCase("auto"),
                annotated, repair, filter));
    }

    /** The review page's endpoint: the whole repair, every edit with what the page needs to show it. */
    private void repair(HttpExchange ex, int[] chars) {
        String body = body(ex);
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        String text;
        if (contentType != null && contentType.startsWith("application/json")) {
            JsonNode node;
            try {
                node = json.readTree(body);
            } catch (JsonProcessingException e) {
                throw new HttpError(400, "Error: body is not valid JSON: " + e.getOriginalMessage());
            }
            JsonNode t = node == null ? null : node.get("text");
            text = t != null && t.isTextual() ? t.asText() : null;
        } else {
            text = new Params().add(body).get("text");
        }
        if (text == null) {
            throw new HttpError(400, "Error: Missing 'text' (a JSON string field or a form parameter)");
        }
        chars[0] = text.length();
        checkLength(text.length());
        Repair repair = unspinner.repair(text);
        ObjectNode root = json.createObjectNode();
        root.put("input", repair.input());
        root.put("text", repair.text());
        SpinScore score = repair.score();
        root.putObject("score").put("words", score.words()).put("findings", score.findings())
                .put("perThousandWords", score.perThousandWords());
        ArrayNode edits = root.putArray("edits");
        for (Edit e : repair.edits()) {
            ObjectNode o = edits.addObject();
            RecordAnnotator.writeEdit(o, e, RecordAnnotator.EditDetail.FULL);
            o.put("categoryName", CheckResponse.categoryName(e.category()));
            o.put("ruleId", CheckResponse.ruleId(e));
        }
        sendJson(ex, 200, root);
    }

    private void checkLength(int length) {
        if (length > config.maxTextChars()) {
            throw new HttpError(413, "Error: Your text exceeds the limit of " + config.maxTextChars()
                    + " characters (it's " + length + " characters). Please submit a shorter text.");
        }
    }

    /**
     * The request body as UTF-8, read no further than a form carrying maxTextChars could need (9 bytes per
     * UTF-16 char when every byte is %-escaped), so an oversized upload is refused without reading it all.
     */
    private String body(HttpExchange ex) {
        long limit = Math.min(Integer.MAX_VALUE - 16, 9L * config.maxTextChars() + 65_536);
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                throw new HttpError(413, "Error: Your text exceeds the limit of " + config.maxTextChars()
                        + " characters. Please submit a shorter text.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void page(HttpExchange ex, String name, String contentType) {
        byte[] bytes;
        try (InputStream in = UnspinServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("review page resource missing from the jar: " + name);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The page must not reach beyond this server: no CDN, fonts or analytics.
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'");
        send(ex, 200, contentType, bytes);
    }

    private void sendJson(HttpExchange ex, int status, JsonNode node) {
        try {
            send(ex, status, "application/json; charset=utf-8", json.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static void sendText(HttpExchange ex, int status, String message) {
        if (ex.getResponseCode() != -1) {
            return; // headers already sent: the client sees a cut answer
        }
        send(ex, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] bytes) {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        try {
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            ex.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the server's classes were built (the class file's time in the jar), for LanguageTool's buildDate. */
    private static String buildDate() {
        try {
            long t = UnspinServer.class.getResource("UnspinServer.class").openConnection().getLastModified();
            return t <= 0 ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochMilli(t));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
