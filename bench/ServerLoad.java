import java.io.IOException;
import java.io.InputStream;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded loopback load test of {@code unspin serve} (bench/server-load.sh starts the server and runs this
 * with {@code java bench/ServerLoad.java PORT ...}). Only 127.0.0.1 is ever a target; every loop is bounded in
 * time and count, and the program stops by itself.
 *
 * <ol>
 *   <li>CLIENTS concurrent clients, each on its own keep-alive connection, POST /v2/check with a spun
 *       paragraph for SECONDS seconds (at most 2,000,000 requests in all): requests, errors (any status but
 *       200, or a failed request), p50/p99/max latency;</li>
 *   <li>10 stalled clients (headers sent, body never finished) held open while /health is asked 20 times:
 *       the slowest answer.</li>
 * </ol>
 * Prints one {@code key=value} line per figure.
 */
public final class ServerLoad {
    private static final String HOST = "127.0.0.1";
    private static final long MAX_REQUESTS = 2_000_000;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String text = args.length > 3 ? Files.readString(Path.of(args[3]), StandardCharsets.UTF_8)
                : "Secretary of Condition Mike Pompeo spoke at the Countrywide Press Club.";
        if (clients < 1 || clients > 1000 || seconds < 1 || seconds > 300) {
            throw new IllegalArgumentException("clients 1..1000 and seconds 1..300");
        }
        load(port, clients, seconds, text);
        stalled(port, 10);
    }

    private static void load(int port, int clients, int seconds, String text) throws InterruptedException {
        URI check = URI.create("http://" + HOST + ":" + port + "/v2/check");
        String form = "language=en-US&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong firstError = new AtomicLong(-1);
        String[] errorText = new String[1];
        // Latency histogram in 0.1 ms buckets up to 60 s.
        AtomicLongArray histogram = new AtomicLongArray(600_001);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                // One client per thread: its own connection, as 200 separate editors would have.
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                HttpRequest request = HttpRequest.newBuilder(check).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                long lastDone = System.nanoTime();
                while (System.nanoTime() < deadline && requests.incrementAndGet() <= MAX_REQUESTS) {
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            if (firstError.compareAndSet(-1, r.statusCode())) {
                                errorText[0] = r.statusCode() + " " + r.body().strip();
                            }
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        if (firstError.compareAndSet(-1, 0)) {
                            errorText[0] = e + " (after " + (System.nanoTime() - started) / 1_000_000 + " ms; "
                                    + (started - lastDone) / 1_000_000 + " ms since this client's previous answer)";
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    lastDone = System.nanoTime();
                    long tenthsOfMs = (lastDone - started) / 100_000;
                    histogram.incrementAndGet((int) Math.min(tenthsOfMs, histogram.length() - 1));
                }
            }, "load-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long total = 0;
        for (int i = 0; i < histogram.length(); i++) {
            total += histogram.get(i);
        }
        System.out.printf(Locale.ROOT, "clients=%d%nseconds=%d%nrequests=%d%nerrors=%d%nrequests_per_second=%.0f%n"
                        + "p50_ms=%.1f%np99_ms=%.1f%nmax_ms=%.1f%n", clients, seconds, total, errors.get(),
                total / (double) seconds, percentile(histogram, total, 0.50), percentile(histogram, total, 0.99),
                percentile(histogram, total, 1.0));
        if (errorText[0] != null) {
            System.out.println("first_error=" + errorText[0].replace('\n', ' '));
        }
    }

    private static double percentile(AtomicLongArray histogram, long total, double p) {
        long wanted = Math.max(1, (long) Math.ceil(total * p));
        long seen = 0;
        for (int i = 0; i < histogram.length(); i++) {
            seen += histogram.get(i);
            if (seen >= wanted) {
                return (i + 1) / 10.0;
            }
        }
        return Double.NaN;
    }

    /** Clients that send headers and part of a body, then nothing; /health meanwhile. */
    private static void stalled(int port, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Socket s = new Socket(HOST, port);
                s.getOutputStream().write(("POST /v2/check HTTP/1.1\r\nHost: " + HOST + "\r\nContent-Type: "
                        + "application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nlanguage=en&text=")
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                sockets.add(s);
            }
            long[] ms = new long[20];
            for (int i = 0; i < ms.length; i++) {
                long started = System.nanoTime();
                try (Socket s = new Socket(HOST, port)) {
                    s.setSoTimeout(10_000);
                    s.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: " + HOST + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    InputStream in = s.getInputStream();
                    String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                    in.readAllBytes();
                    if (!status.endsWith("200")) {
                        throw new IOException("/health answered " + status);
                    }
                }
                ms[i] = (System.nanoTime() - started) / 1_000_000;
            }
            System.out.printf(Locale.ROOT, "stalled_clients=%d%nhealth_max_ms_while_stalled=%d%n", count,
                    Arrays.stream(ms).max().orElse(-1));
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
