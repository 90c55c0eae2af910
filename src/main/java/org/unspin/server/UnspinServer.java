package org.unspin.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.unspin.Repair;
import org.unspin.Unspinner;
import org.unspin.corpus.EditJson;
import org.unspin.corpus.RecordAnnotator;
import org.unspin.edit.Edit;

/**
 * unspin over HTTP: LanguageTool's {@code /v2/check}, {@code /v2/languages}, {@code /v2/configinfo},
 * {@code /v2/maxtextlength} and {@code /v2/info}, a health check, the review page at {@code /} and its JSON
 * endpoint {@code /api/repair}.
 *
 * <p>Built on Jetty 12 (its core API, no servlets), because the JDK's HttpServer reads request headers and
 * bodies on its worker threads: a few slow clients held them all. Here Jetty's non-blocking I/O threads read
 * headers and bodies, each connection bounded by an idle timeout ({@link #IDLE_TIMEOUT}) and the number of
 * open connections capped; only a complete request reaches unspin's own pool of {@code threads} checkers
 * with a queue of {@code queue}, and a request that finds the queue full is answered 503 at once. Cheap
 * endpoints (health, languages, the page) are answered on the I/O thread and never wait behind checks.
 * {@link #stop} closes the listening socket, lets requests in flight finish, and returns at once when idle.
 */
public final class UnspinServer {
    /** Longest silence on a connection (headers, body, keep-alive) before Jetty closes it. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;

    /**
     * Settings: where to listen and how much to accept.
     *
     * @param allowOrigin    the CORS origin allowed to call the server from a web page ({@code *}: any), or null
     * @param maxConnections open connections at most; beyond it the server stops accepting until one closes
     */
    public record Config(String host, int port, int maxTextChars, int threads, int queue, String allowOrigin,
                         int maxConnections) {
        public Config {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535 || maxTextChars < 1 || threads < 1 || queue < 1 || maxConnections < 1) {
                throw new IllegalArgumentException("bad server config " + port + "/" + maxTextChars + "/"
                        + threads + "/" + queue + "/" + maxConnections);
            }
        }

        public Config(String host, int port, int maxTextChars, int threads, int queue) {
            this(host, port, maxTextChars, threads, queue, null, DEFAULT_MAX_CONNECTIONS);
        }
    }

    private static final String RESOURCES = "/org/unspin/server/review/";
    private static final Map<String, String[]> STATIC = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/review.css", new String[] {"review.css", "text/css; charset=utf-8"},
            "/review.js", new String[] {"review.js", "text/javascript; charset=utf-8"});
    private static final List<String> GET = List.of("GET", "HEAD");
    private static final List<String> GET_POST = List.of("GET", "HEAD", "POST");
    private static final List<String> POST = List.of("POST");

    private final Unspinner unspinner;
    private final Config config;
    private final ServerInfo info;
    private final Consumer<String> log;
    private final ObjectMapper json = new ObjectMapper();
    private final Server server;
    private final ServerConnector connector;
    private final ThreadPoolExecutor workers;
    private final AtomicInteger inFlight = new AtomicInteger();

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
        this.workers = new ThreadPoolExecutor(config.threads(), config.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queue()), daemons("unspin-check-"), new ThreadPoolExecutor.AbortPolicy());
        // Jetty's threads only parse, read and write (never check): a small pool; the selector and acceptor
        // take one each.
        QueuedThreadPool io = new QueuedThreadPool(32, 4);
        io.setName("unspin-io");
        io.setDaemon(true);
        server = new Server(io);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(config.maxConnections(), connector));
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                UnspinServer.this.handle(new Exchange(request, response, callback));
                return true;
            }
        });
        server.setHandler(graceful);
        server.setStopAtShutdown(false); // ServeCommand's shutdown hook stops it, with its grace
        try {
            connector.open();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the server: " + e.getMessage(), e);
        }
    }

    /** The port it listens on (the real one when the config said 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8081/}. */
    public String url() {
        String host = config.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    /**
     * Stops accepting connections, lets requests in flight finish for up to {@code grace} (returns as soon
     * as there are none), then stops the checkers.
     */
    public void stop(Duration grace) {
        server.setStopTimeout(Math.max(1, grace.toMillis()));
        try {
            server.stop();
        } catch (Exception e) {
            // Stopped as far as it could be; the checkers are stopped below either way.
        }
        workers.shutdownNow();
    }

    /** Requests received and not yet answered (for tests). */
    int activeRequests() {
        return inFlight.get();
    }

    /** Complete requests waiting for a checker. */
    int queuedRequests() {
        return workers.getQueue().size();
    }

    /** The checkers' pool, for tests that need it busy. */
    ExecutorService checkers() {
        return workers;
    }

    private static java.util.concurrent.ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One request and its answer; {@link #send} completes it exactly once and logs it. */
    private final class Exchange {
        final Request request;
        final Response response;
        final Callback callback;
        final long started = System.nanoTime();
        final String method;
        final String path;
        int chars;
        private boolean sent;

        Exchange(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.method = request.getMethod();
            this.path = request.getHttpURI().getPath() == null ? "/" : request.getHttpURI().getPath();
        }

        String header(String name) {
            return request.getHeaders().get(name);
        }

        void setHeader(String name, String value) {
            response.getHeaders().put(name, value);
        }

        synchronized void send(int status, String contentType, byte[] bytes) {
            if (sent) {
                return;
            }
            sent = true;
            response.setStatus(status);
            if (contentType != null) {
                setHeader("Content-Type", contentType);
            }
            setHeader("X-Content-Type-Options", "nosniff");
            if (status == 413) {
                // The rest of an unread body is not worth reading: say so, and close after the answer.
                setHeader("Connection", "close");
            }
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            boolean head = method.equals("HEAD");
            response.write(true, head || bytes.length == 0 ? null : ByteBuffer.wrap(bytes), Callback.from(() -> {
                done(status);
                callback.succeeded();
            }, failure -> {
                done(status);
                callback.failed(failure);
            }));
        }

        void fail(Throwable failure) {
            synchronized (this) {
                if (sent) {
                    return;
                }
                sent = true;
            }
            done(0);
            callback.failed(failure);
        }

        private void done(int status) {
            inFlight.decrementAndGet();
            long ms = (System.nanoTime() - started) / 1_000_000;
            log.accept(method + " " + path + " " + status + " " + ms + "ms " + chars + " chars");
        }
    }

    private void handle(Exchange ex) {
        inFlight.incrementAndGet();
        try {
            cors(ex);
            if (ex.method.equals("OPTIONS")) {
                preflight(ex);
                return;
            }
            switch (ex.path) {
                case "/v2/check" -> {
                    allow(ex, GET_POST);
                    withBody(ex, body -> check(ex, body));
                }
                case "/api/repair" -> {
                    allow(ex, POST);
                    withBody(ex, body -> repair(ex, body));
                }
                default -> cheap(ex);
            }
        } catch (HttpError e) {
            sendText(ex, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            sendText(ex, 500, "Error: internal error: " + e);
        }
    }

    /** The endpoints that need no checker: answered here, on the I/O thread. */
    private void cheap(Exchange ex) {
        switch (ex.path) {
            case "/v2/languages" -> {
                allow(ex, GET);
                ArrayNode list = json.createArrayNode();
                for (Languages.Language l : Languages.ALL) {
                    list.addObject().put("name", l.name()).put("code", l.code()).put("longCode", l.longCode());
                }
                sendJson(ex, 200, list);
            }
            case "/health", "/v2/healthcheck" -> {
                allow(ex, GET);
                ObjectNode health = json.createObjectNode();
                health.put("status", "ok");
                health.put("version", info.version());
                health.put("threads", config.threads());
                health.put("queued", queuedRequests());
                sendJson(ex, 200, health);
            }
            case "/v2/maxtextlength" -> {
                // LanguageTool's Java client asks this with a POST; the answer is the bare number.
                allow(ex, GET_POST);
                send(ex, 200, "text/plain; charset=utf-8", (config.maxTextChars() + "").getBytes(StandardCharsets.US_ASCII));
            }
            case "/v2/configinfo" -> {
                allow(ex, GET_POST);
                withBody(ex, body -> {
                    Params p = new Params().add(ex.request.getHttpURI().getQuery()).add(body);
                    String code = p.get("language");
                    if (code == null) {
                        throw new HttpError(400, "Error: 'language' parameter missing");
                    }
                    Languages.forCode(code);
                    sendJson(ex, 200, ConfigInfo.of(json, info, config.maxTextChars()));
                }, false);
            }
            case "/v2/info" -> {
                allow(ex, GET);
                ObjectNode root = json.createObjectNode();
                root.set("software", CheckResponse.software(json, info));
                sendJson(ex, 200, root);
            }
            default -> {
                String[] resource = STATIC.get(ex.path);
                if (resource == null) {
                    throw new HttpError(404, "Error: no such path: " + ex.path);
                }
                allow(ex, GET);
                page(ex, resource[0], resource[1]);
            }
        }
    }

    /** CORS for web pages on the {@code --allow-origin} origin: the header on every answer. */
    private void cors(Exchange ex) {
        if (config.allowOrigin() != null) {
            ex.setHeader("Access-Control-Allow-Origin", config.allowOrigin());
            if (!config.allowOrigin().equals("*")) {
                ex.setHeader("Vary", "Origin");
            }
        }
    }

    /** A CORS preflight (or a plain OPTIONS): what may be sent here. */
    private void preflight(Exchange ex) {
        String methods = ex.path.equals("/v2/check") || ex.path.equals("/v2/configinfo")
                || ex.path.equals("/v2/maxtextlength") ? "GET, HEAD, POST, OPTIONS"
                : ex.path.equals("/api/repair") ? "POST, OPTIONS" : "GET, HEAD, OPTIONS";
        ex.setHeader("Allow", methods);
        if (config.allowOrigin() != null && ex.header("Access-Control-Request-Method") != null) {
            ex.setHeader("Access-Control-Allow-Methods", methods);
            String headers = ex.header("Access-Control-Request-Headers");
            ex.setHeader("Access-Control-Allow-Headers", headers == null ? "Content-Type" : headers);
            ex.setHeader("Access-Control-Max-Age", "86400");
        }
        send(ex, 204, null, new byte[0]);
    }

    private static void allow(Exchange ex, List<String> allowed) {
        if (!allowed.contains(ex.method)) {
            ex.setHeader("Allow", String.join(", ", allowed));
            List<String> shown = allowed.stream().filter(m -> !m.equals("HEAD")).toList();
            throw new HttpError(405, "Error: " + ex.method + " is not allowed here, use " + String.join(" or ", shown));
        }
    }

    /** The limit of a body: a form carrying maxTextChars needs at most 9 bytes per UTF-16 char (%-escaped). */
    private long bodyLimit() {
        return Math.min(Integer.MAX_VALUE - 16, 9L * config.maxTextChars() + 65_536);
    }

    private interface BodyHandler {
        void accept(String body);
    }

    private void withBody(Exchange ex, BodyHandler then) {
        withBody(ex, then, true);
    }

    /**
     * Reads the body without holding a thread (Jetty calls back when it is complete; the connection's idle
     * timeout ends a client that stops sending), then runs {@code then} on a checker ({@code checked}) or
     * here. A declared length over the limit is refused before reading; a body growing past it, as soon as
     * it does. A full checkers' queue is answered 503.
     */
    private void withBody(Exchange ex, BodyHandler then, boolean checked) {
        long limit = bodyLimit();
        if (ex.request.getLength() > limit) {
            throw tooLarge();
        }
        Content.Source.asByteArrayAsync(ex.request, (int) limit).whenComplete((bytes, failure) -> {
            if (failure != null) {
                if (failure instanceof IllegalArgumentException || failure.getCause() instanceof IllegalArgumentException) {
                    sendText(ex, 413, tooLarge().getMessage());
                } else {
                    ex.fail(failure);
                }
                return;
            }
            String body = ex.method.equals("POST") ? new String(bytes, StandardCharsets.UTF_8) : "";
            Runnable work = () -> {
                try {
                    then.accept(body);
                } catch (HttpError e) {
                    sendText(ex, e.status(), e.getMessage());
                } catch (UncheckedIOException e) {
                    ex.fail(e);
                } catch (RuntimeException e) {
                    sendText(ex, 500, "Error: internal error: " + e);
                }
            };
            if (!checked) {
                work.run();
                return;
            }
            try {
                workers.execute(work);
            } catch (RejectedExecutionException e) {
                ex.setHeader("Retry-After", "1");
                sendText(ex, 503, "Error: the server is busy, please try again in a moment");
            }
        });
    }

    private HttpError tooLarge() {
        return new HttpError(413, "Error: Your text exceeds the limit of " + config.maxTextChars()
                + " characters. Please submit a shorter text.");
    }

    private void check(Exchange ex, String body) {
        Params p = new Params().add(ex.request.getHttpURI().getQuery()).add(body);
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
        boolean auto = code.strip().equalsIgnoreCase("auto");
        Languages.Language language = Languages.forCode(code);
        String preferred = p.get("preferredVariants");
        if (preferred != null && !preferred.isBlank()) {
            if (!auto) {
                throw new HttpError(400, "Error: You specified 'preferredVariants' but you didn't specify "
                        + "'language=auto'");
            }
            language = Languages.preferred(preferred);
        }
        Mode mode = Mode.of(p.get("mode"));
        RuleFilter filter = RuleFilter.of(p);
        AnnotatedText annotated = text != null ? AnnotatedText.ofText(text) : AnnotatedText.ofData(data, json);
        ex.chars = annotated.plain().length();
        checkLength(ex.chars);
        // unspin's findings are all sentence-level: a text-level-only pass has none and need not check.
        Repair repair = mode == Mode.TEXT_LEVEL_ONLY ? unspinner.repair("") : unspinner.repair(annotated.plain());
        sendJson(ex, 200, CheckResponse.of(json, info, language, auto, annotated, repair, filter));
    }

    /** LanguageTool's {@code mode} parameter. */
    enum Mode {
        ALL, TEXT_LEVEL_ONLY, ALL_BUT_TEXT_LEVEL_ONLY;

        static Mode of(String mode) {
            if (mode == null || mode.equals("all")) {
                return ALL;
            }
            return switch (mode) {
                case "textLevelOnly" -> TEXT_LEVEL_ONLY;
                case "allButTextLevelOnly" -> ALL_BUT_TEXT_LEVEL_ONLY;
                default -> throw new HttpError(400, "Error: Mode must be one of 'textLevelOnly', "
                        + "'allButTextLevelOnly', or 'all' but was: '" + mode + "'");
            };
        }
    }

    /** The review page's endpoint: the whole repair, every edit with what the page needs to show it. */
    private void repair(Exchange ex, String body) {
        String contentType = ex.header("Content-Type");
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
        ex.chars = text.length();
        checkLength(text.length());
        Repair repair = unspinner.repair(text);
        ObjectNode root = json.createObjectNode();
        root.put("input", repair.input());
        root.put("text", repair.text());
        EditJson.writeScore(root.putObject("score"), repair.score());
        ArrayNode edits = root.putArray(EditJson.EDITS);
        for (Edit e : repair.edits()) {
            ObjectNode o = EditJson.write(edits.addObject(), e, RecordAnnotator.EditDetail.FULL);
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

    private void page(Exchange ex, String name, String contentType) {
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
        ex.setHeader("Content-Security-Policy", "default-src 'self'");
        send(ex, 200, contentType, bytes);
    }

    private void sendJson(Exchange ex, int status, JsonNode node) {
        try {
            send(ex, status, "application/json; charset=utf-8", json.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static void sendText(Exchange ex, int status, String message) {
        send(ex, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Exchange ex, int status, String contentType, byte[] bytes) {
        ex.send(status, contentType, bytes);
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
