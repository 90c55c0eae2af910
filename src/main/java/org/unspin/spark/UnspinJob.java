package org.unspin.spark;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.unspin.Settings;
import org.unspin.cli.Options;
import org.unspin.corpus.CorpusException;
import org.unspin.corpus.RecordAnnotator.EditDetail;
import org.unspin.lexicon.DictionaryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The Spark job: {@code spark-submit --class org.unspin.spark.UnspinJob unspin.jar --input IN --output OUT}.
 * Every record gets what {@code RecordAnnotator} gives it in the CLI's JSONL mode, so both write the same lines.
 *
 * <p>JSONL is worked on as raw lines ({@link JsonlInput}: read as bytes, each line decoded and parsed as the CLI
 * does, annotated, written back), so a record keeps its fields, their order and its values as written, and a
 * bad line (the CLI's bad records: invalid UTF-8, malformed JSON, not an object, no string text field) passes
 * through byte for byte.
 * Parquet rows become JSON lines ({@code Dataset.toJSON}), go through the same function, and are read back
 * with the input schema plus the {@code unspin} struct ({@link OutputSchema}): one code path for both formats,
 * and an explicit schema, so no inference pass and no guessed types.
 */
@Command(name = "unspin-spark", mixinStandardHelpOptions = true, resourceBundle = "org.unspin.spark.UnspinJob",
        description = "Repair spun phrases in a JSONL or Parquet data set with Spark.",
        footer = {"",
            "Each record gets an 'unspin' object (score, words, findings, spinProbability, changed, byCategory, edits), as in the",
            "CLI's JSONL mode. Bad lines (invalid UTF-8, malformed JSON, not an object, no string text field) pass",
            "through unchanged and are counted, as in the CLI. Extra dictionaries: ship them with spark-submit --files and name them with --dict."})
public final class UnspinJob implements Callable<Integer> {
    enum Format { jsonl, parquet }

    enum Mode { fix, check }

    enum Edits { none, summary, full }

    static final int OK = 0;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    /** A column name no input has. */
    private static final String NO_CORRUPT_RECORD_COLUMN = "\u0000unspin-no-corrupt-record";

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "Input file or folder (any path Spark reads: local, hdfs://, s3a://...).")
    String input;

    @Option(names = "--output", required = true, paramLabel = "PATH", description = "Output folder (Spark part files).")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Input format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format = Format.jsonl;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: the input format.")
    Format outputFormat;

    @Option(names = "--text-field", paramLabel = "NAME", description = "Field with the text. Default: ${DEFAULT-VALUE}.")
    String textField = "text";

    @Option(names = "--mode", paramLabel = "MODE", description = "fix: replace the text by the repaired text; "
            + "check: leave it as it is. Default: ${DEFAULT-VALUE}.")
    Mode mode = Mode.fix;

    @Option(names = "--edits", paramLabel = "DETAIL",
            description = "Edit detail: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Edits edits = Edits.summary;

    @Option(names = "--keep-original", paramLabel = "NAME", description = "In fix mode, keep the input text in this field.")
    String keepOriginal;

    @Mixin
    Options.Dictionaries dictionaries;

    @Mixin
    Options.Lists lists;

    @Mixin
    Options.Shipped shipped;

    @Mixin
    Options.Confidence confidence;

    @Mixin
    Options.ContextRules contextRules;

    @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
    boolean overwrite;

    private final Supplier<SparkSession> session;
    private final PrintWriter err;

    private UnspinJob(Supplier<SparkSession> session, PrintWriter err) {
        this.session = session;
        this.err = err;
    }

    public static void main(String[] args) {
        exitWith(launch("unspin", UnspinJob::commandLine, args));
    }

    /**
     * Runs a job's command line on a session started on first use (and stopped after), printing to standard
     * error; returns the exit code. Shared by the jobs' {@code main} methods.
     */
    static int launch(String appName, java.util.function.BiFunction<Supplier<SparkSession>, PrintWriter,
            CommandLine> commandLine, String[] args) {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        SparkSession[] started = new SparkSession[1];
        int code = commandLine.apply(() -> started[0] = SparkSession.builder().appName(appName).getOrCreate(), err)
                .execute(args);
        if (started[0] != null) {
            started[0].stop();
        }
        err.flush();
        return code;
    }

    /** Exits with {@code code} unless it is success: exiting on success would make YARN's cluster mode report
     * the application as failed. */
    static void exitWith(int code) {
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Runs the job on a session the caller owns (tests, notebooks); returns the exit code. */
    public static int run(SparkSession spark, PrintWriter err, String... args) {
        return commandLine(() -> spark, err).execute(args);
    }

    private static CommandLine commandLine(Supplier<SparkSession> session, PrintWriter err) {
        CommandLine cl = new CommandLine(new UnspinJob(session, err));
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, args) -> {
            err.println("unspin-spark: " + firstLine(e.getMessage()) + " (see --help)");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof JobError || e instanceof DictionaryException || e instanceof CorpusException
                    || e instanceof AnalysisException) {
                err.println("unspin-spark: " + firstLine(e.getMessage()));
                return USAGE;
            }
            err.println("unspin-spark: internal error: " + e);
            e.printStackTrace(err);
            return INTERNAL;
        });
        return cl;
    }

    @Override
    public Integer call() {
        SparkSession spark = session.get();
        checkInputExists(spark);
        AnnotatorSpec annotator = new AnnotatorSpec(settings(), textField, mode == Mode.fix, EditDetail.valueOf(edits.name().toUpperCase(Locale.ROOT)), keepOriginal);
        Unspinners.of(annotator.pipeline()); // a broken table fails here, once, not in every task
        JobCounters counters = new JobCounters(spark.sparkContext());
        Format outFormat = outputFormat == null ? format : outputFormat;

        JavaRDD<JsonlInput.Line> lines;
        StructType inputSchema = null;
        if (format == Format.jsonl) {
            lines = JsonlInput.read(spark, input);
            if (outFormat == Format.parquet) {
                // Malformed lines make Spark add a _corrupt_record column, where they then keep their text.
                inputSchema = spark.read().json(input).schema();
            }
        } else {
            Dataset<Row> rows = spark.read().parquet(input);
            inputSchema = rows.schema();
            checkTextColumn(inputSchema);
            String where = input + " (a Parquet row)";
            lines = rows.toJSON().javaRDD().map(json -> new JsonlInput.Line(where, -1,
                    json.getBytes(StandardCharsets.UTF_8)));
        }
        // Lines as bytes, cast to strings without decoding: a bad line is written back byte for byte.
        Dataset<String> annotated = spark.createDataset(lines.mapPartitions(new LineAnnotator(annotator, counters))
                .rdd(), Encoders.BINARY()).select(functions.col("value").cast(DataTypes.StringType))
                .as(Encoders.STRING());

        SaveMode saveMode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
        if (outFormat == Format.jsonl) {
            annotated.write().mode(saveMode).text(output);
        } else {
            var reader = spark.read().schema(OutputSchema.of(inputSchema, annotator));
            if (format == Format.parquet) {
                // Lines made by toJSON are never malformed; without this a real column named _corrupt_record
                // would be taken for Spark's corrupt-record column and come back empty.
                reader = reader.option("columnNameOfCorruptRecord", NO_CORRUPT_RECORD_COLUMN);
            }
            reader.json(annotated).write().mode(saveMode).parquet(output);
        }
        counters.report(10).forEach(err::println);
        return OK;
    }

    /** What the pipeline options say; files as given, found on each executor by {@link Unspinners}. */
    Settings settings() {
        return Options.settings(Settings.builder(), dictionaries, lists, shipped, confidence, contextRules);
    }

    /** Spark would log a stack trace before its own error; a glob that matches nothing is an error too. */
    private void checkInputExists(SparkSession spark) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
        try {
            FileStatus[] found = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(path);
            if (found == null || found.length == 0) {
                throw new JobError("--input " + input + ": no such file or folder");
            }
        } catch (IOException e) {
            throw new JobError("--input " + input + ": " + e.getMessage());
        }
    }

    private void checkTextColumn(StructType schema) {
        if (!List.of(schema.fieldNames()).contains(textField)) {
            throw new JobError("--text-field " + textField + ": the input has no such column (it has "
                    + String.join(", ", schema.fieldNames()) + ")");
        }
        if (!schema.apply(textField).dataType().equals(DataTypes.StringType)) {
            throw new JobError("--text-field " + textField + ": the column is "
                    + schema.apply(textField).dataType().simpleString() + ", not a string");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
