package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @Test
    void badOptionsAreUsageErrors() {
        Cli.Result port = Cli.run("", "serve", "--port", "70000");
        assertThat(port.exit()).isEqualTo(Main.USAGE);
        assertThat(port.err()).isEqualTo("unspin: --port must be 0..65535, not 70000\n");
        Cli.Result threads = Cli.run("", "serve", "--threads", "0");
        assertThat(threads.exit()).isEqualTo(Main.USAGE);
        assertThat(threads.err()).contains("--threads");
        // The pipeline options are the same as fix's and check's.
        Cli.Result dict = Cli.run("", "serve", "--dict", "no-such-table.tsv");
        assertThat(dict.exit()).isEqualTo(Main.USAGE);
        assertThat(dict.err()).contains("no-such-table.tsv");
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli.Result r = Cli.run("", "serve", "--no-context-rules", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r.exit()).isEqualTo(Main.USAGE);
            assertThat(r.err()).startsWith("unspin: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    /** The real command in its own JVM: prints the URL of the free port, serves, and stops on SIGTERM. */
    @Test
    void servesOnTheFreePortItPrintsAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path table = Path.of(Cli.table(dir));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0", "--no-shipped", "--dict", table.toString(),
                "--no-context-rules")
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).startsWith("unspin serving on http://127.0.0.1:");
            Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(line);
            assertThat(m.find()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isPositive();
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(m.group() + "v2/check?language=en-US&text=Secretary%20of%20Condition"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            // The --dict table is the only one loaded: its row is the finding.
            assertThat(r.body()).contains("\"value\":\"Secretary of State\"").contains("state -> condition");
        } finally {
            // Idle, with the client's keep-alive connection still open: the exit must not wait for it.
            long signalled = System.nanoTime();
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat((System.nanoTime() - signalled) / 1e9).as("seconds from SIGTERM to exit, idle").isLessThan(2.0);
        }
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(err).containsPattern("GET /v2/check 200 \\d+ms 22 chars")
                .contains("unspin: stopping, letting requests in progress finish");
    }
}
