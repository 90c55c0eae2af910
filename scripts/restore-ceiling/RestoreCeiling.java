import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unspin.edit.Edit;
import org.unspin.eval.EvalDocument;
import org.unspin.eval.EvalSets;
import org.unspin.eval.Evaluation;
import org.unspin.eval.SpinnerSimulator;
import org.unspin.eval.ThesaurusSplit;
import org.unspin.lexicon.FunctionWords;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.PhraseKey;
import org.unspin.lexicon.Thesaurus;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.TokenType;
import org.unspin.tokenise.Tokeniser;

/**
 * How far can word-level restoring go with the evidence unspin has? On dev documents spun as `unspin eval`
 * spins them, for every checked content word (three letters or more, not a function word, not capitalised
 * mid-sentence) of the spun and the clean text: the detector's thesaurus originals of the word, each scored
 * by the trigram model in its five-word window. Prints the share of swapped words whose original is among
 * those candidates (reach), the share the model ranks first (top-1), and the best precision any simple rule
 * on the model's margins reaches, with the clean words it would rewrite.
 *
 * Run from the repository root after `mvn -q -B package -DskipTests` and `scripts/fetch-corpora.sh`:
 *   java -cp target/unspin.jar scripts/restore-ceiling/RestoreCeiling.java source 200
 *   java -cp target/unspin.jar scripts/restore-ceiling/RestoreCeiling.java hash 200
 */
public class RestoreCeiling {
    /** One checked word: the best candidate's margins and whether it restores the clean word. */
    record Row(double margin, double gap, boolean storedBigram, boolean swapped, boolean correct, boolean clean) {
    }

    public static void main(String[] args) throws Exception {
        ThesaurusSplit.Mode mode = ThesaurusSplit.Mode.of(args[0]);
        int maxDocs = Integer.parseInt(args[1]);
        List<EvalDocument> docs = new ArrayList<>();
        EvalSets.load(Path.of("testdata/eval"), Path.of("target/corpora/sotu/package/data"), "dev",
                EvalSets.DOMAINS).forEach((domain, d) -> docs.addAll(EvalSets.spread(d, maxDocs)));
        SpinnerSimulator spinner = new SpinnerSimulator(mode.spinnerWords(), 0.15, 0.05);
        Thesaurus thesaurus = mode.detectorThesaurus();
        NgramModel lm = NgramModel.open(NgramModel.findInstalled().orElseThrow());
        List<Row> rows = new ArrayList<>();
        int swapped = 0, reachable = 0, top1 = 0;
        long cleanWords = 0;
        for (EvalDocument doc : docs) {
            SpinnerSimulator.Spun spun = spinner.spin(doc.text(), Evaluation.documentSeed(1, doc.id()));
            Map<Integer, String> truth = new HashMap<>(); // spun-text start of each swap -> clean word
            int shift = 0;
            for (Edit swap : spun.swaps()) {
                truth.put(swap.start() + shift, swap.original().toLowerCase(Locale.ROOT));
                shift += swap.replacement().length() - swap.original().length();
            }
            for (boolean clean : new boolean[] {false, true}) {
                String text = clean ? spun.clean() : spun.spun();
                TokenList tokens = Tokeniser.tokenise(text);
                int n = tokens.size();
                String[] words = new String[n];
                int[] ids = new int[n];
                for (int i = 0; i < n; i++) {
                    words[i] = tokens.type(i) == TokenType.WORD ? PhraseKey.fold(text, tokens.start(i), tokens.end(i)) : null;
                    ids[i] = words[i] == null ? -1 : lm.wordId(words[i]);
                    cleanWords += clean && words[i] != null ? 1 : 0;
                }
                for (int i = 0; i < n; i++) {
                    String w = words[i];
                    if (w == null || w.length() < 3 || FunctionWords.contains(w) || !w.chars().allMatch(Character::isLetter)
                            || i > 0 && words[i - 1] != null && Character.isUpperCase(text.charAt(tokens.start(i)))) {
                        continue;
                    }
                    String original = clean ? null : truth.get(tokens.start(i));
                    int h1 = i > 0 ? ids[i - 1] : -1, h2 = i > 1 && h1 >= 0 ? ids[i - 2] : -1;
                    int n1 = i + 1 < n ? ids[i + 1] : -1, n2 = n1 >= 0 && i + 2 < n ? ids[i + 2] : -1;
                    double observed = lm.windowLog10Prob(ids[i], h1, h2, n1, n2);
                    double best = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY;
                    String bestWord = null;
                    boolean reach = false;
                    for (Thesaurus.Link link : thesaurus.originalsFor(w)) {
                        String c = link.original();
                        int id = lm.wordId(c);
                        if (c.indexOf(' ') >= 0 || FunctionWords.contains(c) || id < 0
                                || !mode.detectorLinks().test(w, c)) {
                            continue;
                        }
                        reach |= c.equals(original);
                        double score = lm.windowLog10Prob(id, h1, h2, n1, n2);
                        if (score > best) {
                            second = best;
                            best = score;
                            bestWord = c;
                        } else if (score > second) {
                            second = score;
                        }
                    }
                    boolean correct = bestWord != null && bestWord.equals(original);
                    if (original != null) {
                        swapped++;
                        reachable += reach ? 1 : 0;
                        top1 += correct ? 1 : 0;
                    }
                    if (bestWord != null) {
                        boolean stored = ids[i] >= 0 && (h1 >= 0 && lm.storedOrder(ids[i], h1, -1) >= 2
                                || n1 >= 0 && lm.storedOrder(n1, ids[i], -1) >= 2);
                        rows.add(new Row(best - observed, best - second, stored, original != null, correct, clean));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s split, %d dev documents (%,d clean words): %,d swapped content words; "
                + "original among the detector's candidates %.1f %%; ranked first by the trigram model %.1f %%%n",
                mode.id(), docs.size(), cleanWords, swapped, 100.0 * reachable / swapped, 100.0 * top1 / swapped);
        System.out.println("best rules (rewrite the top candidate when margin >= m, lead over the runner-up >= g, "
                + "optionally only words without a stored bigram), by precision on the spun text:");
        List<String> lines = new ArrayList<>();
        for (double m : new double[] {1, 2, 3, 4, 5, 6}) {
            for (double g : new double[] {0, 0.5, 1, 1.5, 2, 3}) {
                for (boolean unstoredOnly : new boolean[] {false, true}) {
                    long correct = 0, wrongOnSpun = 0, onClean = 0;
                    for (Row r : rows) {
                        if (r.margin() < m || r.gap() < g || unstoredOnly && r.storedBigram()) {
                            continue;
                        }
                        if (r.clean()) {
                            onClean++;
                        } else if (r.correct()) {
                            correct++;
                        } else {
                            wrongOnSpun++;
                        }
                    }
                    if (correct > 0) {
                        double precision = (double) correct / (correct + wrongOnSpun);
                        lines.add(String.format(Locale.ROOT, "%.3f  m>=%.0f g>=%.1f%s: %d exact restores (%.1f %% of "
                                        + "swaps), %d wrong on spun text, %d rewrites of clean words", precision, m, g,
                                unstoredOnly ? " unstored" : "", correct, 100.0 * correct / swapped, wrongOnSpun,
                                onClean));
                    }
                }
            }
        }
        lines.sort(java.util.Comparator.reverseOrder());
        lines.stream().limit(5).forEach(line -> System.out.println("  precision " + line));
    }
}
