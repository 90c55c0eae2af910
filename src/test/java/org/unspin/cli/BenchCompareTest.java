package org.unspin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A run of the comparison on the small clean excerpt; no timing is asserted, only what each engine found. */
class BenchCompareTest {
    @Test
    void comparesAllEnginesOnTheSameInput() {
        Cli.Result r = Cli.run("", "bench", "--compare", "--text", "testdata/clean-sotu-excerpt.txt", "--mb", "1",
                "--sample-kb", "4");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("sentences sent to LanguageTool by the context-rule stage: \\d+ of [1-9]");
        Map<String, Long> findings = new TreeMap<>();
        r.out().substring(r.out().indexOf("engine (one thread)")).lines().filter(l -> l.startsWith("(")).forEach(l -> {
            String[] f = l.trim().split("\\s+");
            findings.put(f[0], Long.parseLong(f[f.length - 3])); // ... findings, seconds, "s"
        });
        assertThat(findings.keySet()).containsExactly("(a')", "(a)", "(b)", "(c')", "(c)", "(d)", "(e)", "(f)");
        // Clean text: unspin changes nothing, LanguageTool with only unspin's rules finds nothing, and no table
        // key occurs in it.
        assertThat(findings).containsEntry("(a)", 0L).containsEntry("(a')", 0L).containsEntry("(b)", 0L)
                .containsEntry("(c)", 0L).containsEntry("(c')", 0L).containsEntry("(e)", 0L);
        // Stock LanguageTool finds the same with unspin's table added as without it: the table adds nothing.
        assertThat(findings.get("(f)")).isEqualTo(findings.get("(d)"));
    }
}
