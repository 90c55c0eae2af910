package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.unspin.Unspinner;
import org.unspin.server.UnspinServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Serve unspin over HTTP: LanguageTool's /v2/check API and a review page at /.",
        footer = {"",
            "Endpoints: GET|POST /v2/check, GET /v2/languages, GET|POST /v2/configinfo,",
            "GET|POST /v2/maxtextlength, GET /v2/info, GET /health, POST /api/repair,",
            "GET / (review page); HEAD wherever GET works. One log line per request goes",
            "to standard error. Built on Jetty 12: headers and bodies are read off the",
            "checking threads, a connection silent for 10 s is closed.",
            "SIGTERM or Ctrl-C stops accepting and lets requests in progress finish (10 s at",
            "most); an idle server exits at once."})
final class ServeCommand implements Callable<Integer> {
    private static final Duration GRACE = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "Port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port = 8081;

    @Option(names = "--max-text-chars", paramLabel = "N",
            description = "Refuse longer texts with 413. Default: ${DEFAULT-VALUE}.")
    int maxTextChars = 100_000;

    @Option(names = "--threads", paramLabel = "N",
            description = "Requests checked at once. Default: the number of processors.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--queue", paramLabel = "N",
            description = "Complete requests waiting for a thread; more are answered 503. Default: ${DEFAULT-VALUE}.")
    int queue = 512;

    @Option(names = "--max-connections", paramLabel = "N", description = "Open connections at most; beyond, new "
            + "ones wait to be accepted. Default: ${DEFAULT-VALUE}.")
    int maxConnections = UnspinServer.DEFAULT_MAX_CONNECTIONS;

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", description = "Let web pages from ORIGIN (e.g. "
            + "https://example.org, or * for any) call the server: CORS headers and preflight answers.")
    String allowOrigin;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UserError("--port must be 0..65535, not " + port);
        }
        if (maxTextChars < 1 || threads < 1 || queue < 1 || maxConnections < 1) {
            throw new UserError("--max-text-chars, --threads, --queue and --max-connections must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Unspinner unspinner = pipeline.unspinner();
        // Loads LanguageTool now (a sentence with a context-rule trigger), not on the first client's request.
        unspinner.repair("They will carry sanctions on Tehran.");
        UnspinServer server;
        try {
            server = new UnspinServer(unspinner,
                    new UnspinServer.Config(host, port, maxTextChars, threads, queue, allowOrigin, maxConnections),
                    new Main.Version().getVersion()[0].replace("unspin ", ""), err::println);
        } catch (IOException e) {
            throw new UserError("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("unspin: stopping, letting requests in progress finish");
            server.stop(GRACE);
            stopped.countDown();
        }, "unspin-shutdown"));
        server.start();
        out.println("unspin serving on " + server.url() + " (LanguageTool API: " + server.url() + "v2/check)");
        out.flush();
        stopped.await();
        return Main.OK;
    }
}
