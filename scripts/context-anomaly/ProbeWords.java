import java.io.PrintWriter;
import java.nio.file.*;
import java.util.*;
import org.unspin.corpus.CorpusModel;
import org.unspin.eval.*; // run from the repository root: see fit.py
import org.unspin.lexicon.*;
import org.unspin.tokenise.*;

/** Dumps the context-anomaly features of every checked word of spun and clean dev documents (see fit.py). */
public class ProbeWords {
    public static void main(String[] a) throws Exception {
        String split = a[0];
        int max = Integer.parseInt(a[1]);
        CorpusModel cm = CorpusModel.open(Path.of(a[2]));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(a[3])));
        NgramModel lm = NgramModel.open(NgramModel.findInstalled().orElseThrow());
        Thesaurus th = Thesaurus.shipped();
        var spinner = new SpinnerSimulator(ThesaurusSplit.Mode.HASH.spinnerWords(), 0.15, 0.05);
        var sets = EvalSets.load(Path.of("testdata/eval"), Path.of("target/corpora/sotu/package/data"), split,
                EvalSets.DOMAINS);
        out.println("doc\tdomain\tgroup\tspun\tlabel\tuni\tbl\tbr\ttl\ttr\tpmil\tpmir\thasl\thasr\tbestalt\tnalt\tcu\tcl\tcr\tct\tcalt\tcap\trepeats");
        int d = 0;
        for (var e : sets.entrySet()) {
            for (EvalDocument doc : EvalSets.spread(e.getValue(), max)) {
                var spun = spinner.spin(doc.text(), Evaluation.documentSeed(1, doc.id()));
                List<int[]> truth = Metrics.phraseSpans(spun);
                dump(out, d, doc, 1, spun.spun(), truth, lm, th, cm);
                dump(out, d, doc, 0, doc.text(), List.of(), lm, th, cm);
                d++;
            }
        }
        out.close();
    }

    static void dump(PrintWriter out, int d, EvalDocument doc, int version, String text, List<int[]> truth,
            NgramModel lm, Thesaurus th, CorpusModel cm) {
        TokenList t = Tokeniser.tokenise(text);
        int n = t.size();
        String[] w = new String[n];
        int[] id = new int[n];
        boolean[] linked = new boolean[n];
        for (int i = 0; i < n; i++) {
            w[i] = t.type(i) == TokenType.WORD ? PhraseKey.fold(text, t.start(i), t.end(i)) : null;
            id[i] = w[i] == null ? -1 : lm.wordId(w[i]);
            if (i > 0) {
                String gap = text.substring(t.end(i - 1), t.start(i));
                linked[i] = gap.isBlank() && gap.chars().filter(c -> c == '\n').count() <= 1;
            }
        }
        Map<String, Integer> inDocument = new HashMap<>();
        for (String word : w) {
            if (word != null) inDocument.merge(word, 1, Integer::sum);
        }
        for (int i = 0; i < n; i++) {
            String x = w[i];
            if (x == null || x.length() < 3 || FunctionWords.contains(x) || !x.chars().allMatch(Character::isLetter)) {
                continue;
            }
            boolean cap = Character.isUpperCase(text.charAt(t.start(i)));
            boolean midCap = cap && i > 0 && linked[i];
            if (midCap) continue;
            boolean hasL = i > 0 && linked[i] && w[i - 1] != null;
            boolean hasR = i + 1 < n && linked[i + 1] && w[i + 1] != null;
            int h1 = hasL ? id[i - 1] : -1;
            int h2 = h1 >= 0 && i > 1 && linked[i - 1] && w[i - 2] != null ? id[i - 2] : -1;
            int n1 = hasR ? id[i + 1] : -1;
            int n2 = n1 >= 0 && i + 2 < n && linked[i + 2] && w[i + 2] != null ? id[i + 2] : -1;
            int s = t.start(i), en = t.end(i);
            int label = truth.stream().anyMatch(sp -> s < sp[1] && sp[0] < en) ? 1 : 0;
            int w0 = id[i];
            double uni = lm.log10Prob(w0, -1, -1);
            int bl = h1 >= 0 && w0 >= 0 && lm.storedOrder(w0, h1, -1) >= 2 ? 1 : 0;
            int br = n1 >= 0 && w0 >= 0 && lm.storedOrder(n1, w0, -1) >= 2 ? 1 : 0;
            int tl = h2 >= 0 && w0 >= 0 && lm.storedOrder(w0, h1, h2) >= 3 ? 1 : 0;
            int tr = n1 >= 0 && h1 >= 0 && w0 >= 0 && lm.storedOrder(n1, w0, h1) >= 3 ? 1 : 0;
            double pmil = h1 >= 0 ? lm.log10Prob(w0, h1, h2) - uni : 0;
            double pmir = n1 >= 0 && w0 >= 0 ? lm.log10Prob(n1, w0, h1) - lm.log10Prob(n1, -1, -1) : 0;
            double obs = ctx(lm, w0, h1, h2, n1, n2);
            double best = -99;
            int nalt = 0;
            double calt = -99;
            long obsc = (hasL ? cm.count(w[i - 1], x) : 0) + (hasR ? cm.count(x, w[i + 1]) : 0);
            Thesaurus.Neighbours nb = th.neighbours(x);
            for (int o : nb.ids()) {
                String ow = th.wordOf(o);
                if (!ThesaurusSplit.Mode.HASH.detectorLinks().test(x, ow) || ow.indexOf(' ') >= 0) continue;
                int oid = lm.wordId(ow);
                if (oid < 0) continue;
                nalt++;
                best = Math.max(best, ctx(lm, oid, h1, h2, n1, n2) - obs);
                long oc = (hasL ? cm.count(w[i - 1], ow) : 0) + (hasR ? cm.count(ow, w[i + 1]) : 0);
                calt = Math.max(calt, Math.log10((oc + 1.0) / (obsc + 1.0)));
            }
            long cu = cm.count(x);
            long cl = hasL ? cm.count(w[i - 1], x) : -1;
            long cr = hasR ? cm.count(x, w[i + 1]) : -1;
            long ct = hasL && hasR ? cm.count(w[i - 1], x, w[i + 1]) : -1;
            out.printf(Locale.ROOT, "%d\t%s\t%s\t%d\t%d\t%.3f\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%d\t%d\t%.3f\t%d\t%d\t%d\t%d\t%d\t%.3f\t%d\t%d%n",
                    d, doc.domain(), doc.group(), version, label, uni, bl, br, tl, tr, pmil, pmir, hasL ? 1 : 0, hasR ? 1 : 0,
                    best, nalt, cu, cl, cr, ct, calt, cap ? 1 : 0, inDocument.get(x) - 1);
        }
    }

    static double ctx(NgramModel lm, int w, int h1, int h2, int n1, int n2) {
        double s = lm.log10Prob(w, h1, h2);
        if (n1 >= 0) {
            s += lm.log10Prob(n1, w, h1);
            if (n2 >= 0) s += lm.log10Prob(n2, n1, w);
        }
        return s;
    }
}
