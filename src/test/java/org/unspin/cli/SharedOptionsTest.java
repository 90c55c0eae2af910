package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.unspin.Settings;
import org.unspin.spark.UnspinJob;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@link Options} are declared once: every command that takes one accepts the same values and
 * rejects the same ones with the same message. Nothing runs: a value is accepted when the command line parses
 * up to {@code --help}, rejected with a usage error otherwise.
 */
class SharedOptionsTest {
    /** The commands that take each shared option; spark is the Spark job. */
    private static final Map<String, List<String>> TAKEN_BY = new LinkedHashMap<>();

    static {
        List<String> pipeline = List.of("fix", "check", "serve");
        TAKEN_BY.put("--min-confidence", with(pipeline, "export-lt", "eval", "spark"));
        TAKEN_BY.put("--no-context-rules", with(pipeline, "export-lt", "eval", "bench", "spark"));
        TAKEN_BY.put("--dict", with(pipeline, "export-lt", "eval", "spark"));
        TAKEN_BY.put("--no-shipped", with(pipeline, "export-lt", "spark"));
        TAKEN_BY.put("--rules", with(pipeline, "export-lt"));
        TAKEN_BY.put("--allow", with(pipeline, "spark"));
        TAKEN_BY.put("--deny", with(pipeline, "spark"));
        TAKEN_BY.put("--no-restore", with(pipeline, "eval", "bench"));
        TAKEN_BY.put("--model", with(pipeline, "eval"));
    }

    private static List<String> with(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private record Outcome(int exit, String error) {
    }

    private static final Pattern USAGE_LINE = Pattern.compile("unspin(?:-spark)?: (.*) \\(see .*--help'?\\)");

    /** Parses {@code args} for {@code command} followed by --help; the usage error without its program framing. */
    private static Outcome parse(String command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> line = new ArrayList<>(List.of(args));
        line.add("--help");
        int exit;
        if (command.equals("spark")) {
            // a parse error or --help returns before the job asks for its Spark session
            exit = UnspinJob.run(null, new PrintWriter(err, true), line.toArray(String[]::new));
        } else {
            line.add(0, command);
            exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), line.toArray(String[]::new));
        }
        String e = err.toString().strip();
        Matcher m = USAGE_LINE.matcher(e);
        return new Outcome(exit, m.matches() ? m.group(1) : e);
    }

    @Test
    void everyCommandAcceptsTheSameValues() {
        Map<String, List<String>> good = Map.of(
                "--min-confidence", List.of("0", "0.5", "1", " 0.9"),
                "--dict", List.of("some.tsv"), "--rules", List.of("r.xml"), "--allow", List.of("a.tsv"),
                "--deny", List.of("d.tsv"), "--model", List.of("m.model"));
        TAKEN_BY.forEach((option, commands) -> {
            for (String command : commands) {
                for (String value : good.getOrDefault(option, List.of())) {
                    assertThat(parse(command, option, value)).as(command + " " + option + " " + value)
                            .isEqualTo(new Outcome(0, ""));
                }
                if (!good.containsKey(option)) {
                    assertThat(parse(command, option)).as(command + " " + option).isEqualTo(new Outcome(0, ""));
                }
            }
        });
    }

    @Test
    void everyCommandRejectsTheSameValuesWithTheSameMessage() {
        Map<String, List<String[]>> bad = Map.of(
                "--min-confidence", List.of(new String[] {"1.5"}, new String[] {"-0.1"}, new String[] {"NaN"},
                        new String[] {"abc"}, new String[] {}),
                "--no-context-rules", List.<String[]>of(new String[] {"--no-context-rules=maybe"}),
                "--dict", List.<String[]>of(new String[] {}));
        bad.forEach((option, cases) -> {
            for (String[] value : cases) {
                List<String> args = new ArrayList<>();
                if (value.length == 1 && value[0].startsWith("--")) {
                    args.add(value[0]);
                } else {
                    args.add(option);
                    args.addAll(List.of(value));
                }
                Map<String, Outcome> outcomes = new LinkedHashMap<>();
                for (String command : TAKEN_BY.get(option)) {
                    outcomes.put(command, parse(command, args.toArray(String[]::new)));
                }
                Outcome first = outcomes.values().iterator().next();
                assertThat(first.exit()).as(args.toString()).isEqualTo(Main.USAGE);
                assertThat(first.error()).as(args.toString()).isNotBlank();
                assertThat(outcomes).as(args.toString()).allSatisfy((command, o) -> assertThat(o).isEqualTo(first));
            }
        });
        assertThat(parse("fix", "--min-confidence", "1.5").error())
                .isEqualTo("Invalid value for option '--min-confidence': '1.5' is outside 0..1");
        assertThat(parse("spark", "--min-confidence", "abc").error())
                .isEqualTo("Invalid value for option '--min-confidence': 'abc' is not a number");
    }

    @Test
    void thePipelineOptionsSayWhatTheSettingsHold() {
        ParseResult parsed = Main.commandLine(java.io.InputStream.nullInputStream(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).parseArgs("fix", "--dict", "a.tsv", "--no-shipped",
                "--min-confidence", "0.9", "--collapse-spaces", "--fold-typography", "--no-restore", "--no-flags",
                "--candidates", "c.tsv", "--lm", "lm.bin", "--model", "m.model", "--no-context-rules", "--thorough",
                "--lt-rules", "EN_A_VS_AN,COMMA_PARENTHESIS_WHITESPACE", "--rules", "r.xml", "--allow", "al.tsv",
                "--deny", "de.tsv");
        FixCommand fix = (FixCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(fix.pipeline.settings()).isEqualTo(Settings.builder().addDictionary("a.tsv")
                .shippedDictionaries(false).minConfidence(0.9).collapseSpaces(true).foldTypography(true)
                .restorer(false).flags(false).addCandidateFile("c.tsv").languageModel("lm.bin").corpusModel("m.model")
                .contextRules(false).thorough(true).ltRules(List.of("EN_A_VS_AN", "COMMA_PARENTHESIS_WHITESPACE"))
                .addRuleFile("r.xml").addAllowList("al.tsv").addDenyList("de.tsv").build());

        ParseResult none = Main.commandLine(java.io.InputStream.nullInputStream(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).parseArgs("check");
        assertThat(((CheckCommand) none.subcommand().commandSpec().userObject()).pipeline.settings())
                .isEqualTo(Settings.DEFAULTS);
    }
}
