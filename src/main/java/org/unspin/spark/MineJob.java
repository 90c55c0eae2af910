package org.unspin.spark;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.sql.SparkSession;
import org.unspin.corpus.CorpusException;
import org.unspin.corpus.JsonlRecord;
import org.unspin.lexicon.MinedSubstitution;
import org.unspin.corpus.SubstitutionMiner;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.Thesaurus;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.Tokeniser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scala.Tuple2;

/**
 * Substitution mining on Spark: {@code spark-submit --class org.unspin.spark.MineJob unspin.jar --input IN
 * --output subs.tsv}. Each partition of the JSONL input collects what {@code unspin learn} collects
 * ({@link SubstitutionMiner.State}: counts, document counts and bottom-k context samples per word type); the
 * per-type statistics merge by key ({@code reduceByKey}: counts add up, samples merge into the same bottom-k
 * sample), and the driver scores them with the same code as the CLI. On the same records it writes the same
 * table as {@code unspin learn --jsonl --export-substitutions}: a record is a document, as in the CLI's JSONL
 * mode, and nothing depends on the partitioning. Every executor needs the language model at the same path
 * ({@code --lm}; ship it with {@code --files} and name it, or install {@code pocketsphinx-en-us}).
 */
@Command(name = "unspin-spark-mine", mixinStandardHelpOptions = true,
        description = "Mine the substitutions a spinner made in a JSONL corpus, on Spark; writes a candidate TSV.")
public final class MineJob implements Callable<Integer> {
    private static final ConcurrentHashMap<String, SubstitutionMiner> MINERS = new ConcurrentHashMap<>();
    private static final int TOKENS = -1;
    private static final int DOCUMENTS = -2;

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "JSONL file or folder.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "FILE.tsv",
            description = "The table to write on the driver (atomically replaced).")
    Path output;

    @Option(names = "--text-field", paramLabel = "NAME", description = "Field with the text. Default: ${DEFAULT-VALUE}.")
    String textField = "text";

    @Option(names = "--lm", paramLabel = "FILE", description = "Language model (every executor reads it). "
            + "Default: UNSPIN_LM or the Debian pocketsphinx-en-us model.")
    String lm;

    private final Supplier<SparkSession> session;
    private final PrintWriter err;

    private MineJob(Supplier<SparkSession> session, PrintWriter err) {
        this.session = session;
        this.err = err;
    }

    public static void main(String[] args) {
        UnspinJob.exitWith(UnspinJob.launch("unspin-mine", MineJob::commandLine, args));
    }

    /** Runs the job on a session the caller owns; returns the exit code. */
    public static int run(SparkSession spark, PrintWriter err, String... args) {
        return commandLine(() -> spark, err).execute(args);
    }

    private static CommandLine commandLine(Supplier<SparkSession> session, PrintWriter err) {
        CommandLine cl = new CommandLine(new MineJob(session, err));
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, args) -> {
            err.println("unspin-spark-mine: " + e.getMessage().lines().findFirst().orElse("") + " (see --help)");
            return UnspinJob.USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof JobError || e instanceof CorpusException) {
                err.println("unspin-spark-mine: " + e.getMessage());
                return UnspinJob.USAGE;
            }
            err.println("unspin-spark-mine: internal error: " + e);
            e.printStackTrace(err);
            return UnspinJob.INTERNAL;
        });
        return cl;
    }

    /** One miner per JVM and model file (executors share it across tasks; it is read-only). */
    static SubstitutionMiner miner(String lmPath) {
        return MINERS.computeIfAbsent(lmPath, path -> {
            try {
                return new SubstitutionMiner(NgramModel.open(Unspinners.locate("--lm", path)), Thesaurus.shipped(),
                        SubstitutionMiner.Settings.DEFAULT);
            } catch (IOException e) {
                throw new JobError("--lm " + path + ": cannot read the language model (" + e.getMessage() + ")");
            }
        });
    }

    @Override
    public Integer call() throws IOException {
        String lmPath = lm != null ? lm : NgramModel.configuredPath().toString();
        SparkSession spark = session.get();
        SubstitutionMiner miner = miner(lmPath); // a shipped copy (--files) first, as for UnspinJob's --dict
        JavaPairRDD<Integer, SubstitutionMiner.TypeStats> stats = JsonlInput.read(spark, input)
                .mapPartitionsToPair(new PartitionMiner(lmPath, textField))
                .reduceByKey(SubstitutionMiner.TypeStats::merge);
        SubstitutionMiner.State state = miner.newState();
        for (Tuple2<Integer, SubstitutionMiner.TypeStats> t : stats.collect()) {
            if (t._1() == TOKENS) {
                state.addTotals(t._2().count(), 0);
            } else if (t._1() == DOCUMENTS) {
                state.addDocuments(t._2());
            } else {
                state.put(t._1(), t._2());
            }
        }
        List<MinedSubstitution> mined = miner.mine(state, Runtime.getRuntime().availableProcessors());
        write(output, MinedSubstitution.tsv(mined));
        err.printf(Locale.ROOT, "unspin-spark-mine: %d substitutions from %d documents, %d words, written to %s%n",
                mined.size(), state.documents(), state.tokens(), output);
        return UnspinJob.OK;
    }

    private static void write(Path target, String text) {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + System.nanoTime() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new JobError("--output " + target + ": cannot write (" + e.getMessage() + ")");
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing left to clean
            }
        }
    }

    /**
     * One partition's statistics by word type, plus its word and document totals under negative keys. Bad
     * lines (the CLI's bad records: invalid UTF-8, malformed JSON, not an object, no string text field) are
     * skipped, as {@code learn} skips them.
     */
    static final class PartitionMiner implements PairFlatMapFunction<Iterator<JsonlInput.Line>, Integer,
            SubstitutionMiner.TypeStats> {
        private static final long serialVersionUID = 1L;
        private final String lmPath;
        private final String textField;

        PartitionMiner(String lmPath, String textField) {
            this.lmPath = lmPath;
            this.textField = textField;
        }

        @Override
        public Iterator<Tuple2<Integer, SubstitutionMiner.TypeStats>> call(Iterator<JsonlInput.Line> lines) {
            SubstitutionMiner miner = miner(lmPath);
            SubstitutionMiner.State state = miner.newState();
            SubstitutionMiner.Batch batch = miner.newBatch();
            long document = 0;
            while (lines.hasNext()) {
                JsonlRecord record = lines.next().parse(textField);
                if (record == null || record.bad()) {
                    continue;
                }
                String text = record.text();
                TokenList tokens = Tokeniser.tokenise(text);
                long key = SubstitutionMiner.keyOf(text);
                batch.observe(text, tokens, ++document, key, key);
                state.apply(batch);
            }
            List<Tuple2<Integer, SubstitutionMiner.TypeStats>> out = new ArrayList<>();
            for (int id = 0; id < state.vocabulary(); id++) {
                SubstitutionMiner.TypeStats s = state.stats(id);
                if (s != null) {
                    out.add(new Tuple2<>(id, s));
                }
            }
            out.add(new Tuple2<>(TOKENS, SubstitutionMiner.TypeStats.total(state.tokens())));
            out.add(new Tuple2<>(DOCUMENTS, state.documentTotals()));
            return out.iterator();
        }
    }
}
