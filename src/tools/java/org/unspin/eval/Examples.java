package org.unspin.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.unspin.Repair;
import org.unspin.SpinScore;
import org.unspin.edit.Edit;
import org.unspin.edit.OffsetMap;

/**
 * Keeps a fixed-size, evenly drawn sample (seeded reservoir sampling, so reproducible) of missed phrases and
 * of wrong rewrites, each shown in its context, to guide development.
 */
final class Examples {
    private static final int CONTEXT = 50;

    private record Sample(long seq, String text) {
    }

    private final int size;
    private final Random random;
    private final List<Sample> missed = new ArrayList<>();
    private final List<Sample> wrong = new ArrayList<>();
    private long missedSeen, wrongSeen;

    Examples(int size, long seed) {
        this.size = size;
        this.random = new Random(seed);
    }

    void add(EvalDocument doc, Spun spun, Repair spunRepair, Repair cleanRepair) {
        if (size == 0) {
            return;
        }
        String s = spun.spun();
        OffsetMap truthMap = OffsetMap.of(spun.clean().length(), spun.swaps());
        List<Edit> findings = spunRepair.edits().stream().filter(Examples::isSpin).toList();
        for (int[] phrase : Metrics.phraseSpans(spun)) {
            if (findings.stream().noneMatch(e -> e.start() < phrase[1] && phrase[0] < e.end())) {
                String clean = spun.clean().substring(truthMap.toInput(phrase[0]), truthMap.toInput(phrase[1]));
                missedSeen = offer(missed, missedSeen, doc.id() + ": " + show(s, phrase[0], phrase[1], clean));
            }
        }
        for (Edit e : findings) {
            String clean = spun.clean().substring(truthMap.toInput(e.start()), truthMap.toInputEnd(e.end()));
            if (e.applied() && !Metrics.restoresItsSwaps(spun, e)) {
                wrongSeen = offer(wrong, wrongSeen, doc.id() + " (spun): " + show(s, e.start(), e.end(), e.replacement())
                        + "  clean: \"" + clean + "\"  [" + e.rule() + "]");
            }
        }
        for (Edit e : cleanRepair.edits()) {
            if (isSpin(e) && e.applied()) {
                wrongSeen = offer(wrong, wrongSeen, doc.id() + " (clean): "
                        + show(doc.text(), e.start(), e.end(), e.replacement()) + "  [" + e.rule() + "]");
            }
        }
    }

    private static boolean isSpin(Edit e) {
        return !SpinScore.HOUSEKEEPING.contains(e.category());
    }

    /** Reservoir sampling: after n offers each has had the same chance to be kept. */
    private long offer(List<Sample> kept, long seen, String text) {
        if (kept.size() < size) {
            kept.add(new Sample(seen, text));
        } else {
            long slot = (long) (random.nextDouble() * (seen + 1));
            if (slot < size) {
                kept.set((int) slot, new Sample(seen, text));
            }
        }
        return seen + 1;
    }

    /** "…left [[span -> replacement]] right…" on one line. */
    static String show(String text, int start, int end, String replacement) {
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(text.length(), end + CONTEXT);
        return ((from > 0 ? "…" : "") + text.substring(from, start) + "[[" + text.substring(start, end) + " -> "
                + replacement + "]]" + text.substring(end, to) + (to < text.length() ? "…" : ""))
                .replaceAll("\\s+", " ");
    }

    List<String> missed() {
        return inOrder(missed);
    }

    List<String> wrong() {
        return inOrder(wrong);
    }

    private static List<String> inOrder(List<Sample> samples) {
        return samples.stream().sorted(Comparator.comparingLong(Sample::seq)).map(Sample::text).toList();
    }
}
