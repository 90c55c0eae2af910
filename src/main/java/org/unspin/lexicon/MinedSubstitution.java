package org.unspin.lexicon;

import java.util.List;
import java.util.Locale;
import org.unspin.lexicon.CandidateDictionary;

/**
 * A substitution {@code unspin learn} found in a corpus ({@link org.unspin.corpus.SubstitutionMiner}): the spinner wrote
 * {@code observed} where the text had {@code original}.
 *
 * @param observed      the observed word, folded (lower-case)
 * @param original      the thesaurus original the language model prefers in the observed word's contexts
 * @param weight        (0, 1]: how sure the miner is (share, margin and documents combined)
 * @param occurrences   how often the observed word occurred in the corpus
 * @param documents     in how many documents
 * @param contexts      how many of its contexts were sampled and scored
 * @param meanMargin    mean log10 margin of the original over the observed word in those contexts, weighted
 *                      by the documents' spin evidence
 * @param contextMargin the same less the unigram log10 ratio of original and observed word: what the contexts
 *                      add to the model's preference beyond word frequency
 * @param sharePositive weighted share of the contexts where the context margin is positive
 * @param frequencyRatio log10 of how much more often the corpus has the observed word, relative to the
 *                      original, than general English (the language model's unigrams) does
 * @param spinAffinity  the mean spin evidence of the documents the observed word's contexts come from,
 *                      relative to the whole corpus (above 1: it occurs in documents that look spun)
 * @param sharedDocuments documents that have both words (-1: unknown, a model written before it was counted)
 * @param cooccurrence  how far those exceed what two independent words would share: (shared − expected) /
 *                      √(expected + 1), expected from each word's documents per document-length class. A
 *                      spinner swaps only some of a document's words, so its substitute keeps company with the
 *                      unswapped original; a domain's own word does not (NaN: unknown)
 * @param round         the mining round that kept the pair: 1 weighs its contexts by the documents' own spin
 *                      evidence; 2 and later by the documents the earlier rounds' rows mark, and then
 *                      {@code spinAffinity} is the affinity to those marked documents
 * @param examples      up to 3 sampled contexts with the original in [brackets]
 */
public record MinedSubstitution(String observed, String original, double weight, long occurrences, long documents,
                                int contexts, double meanMargin, double contextMargin, double sharePositive,
                                double frequencyRatio, double spinAffinity, long sharedDocuments,
                                double cooccurrence, int round, List<String> examples) {
    public static final String SOURCE = "corpus-model";

    public MinedSubstitution {
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight out of (0, 1]: " + weight);
        }
        if (round < 1 || round > 255) {
            throw new IllegalArgumentException("round out of 1..255: " + round);
        }
        examples = List.copyOf(examples);
    }

    /** Header of the exported table: {@link CandidateDictionary}'s columns. */
    public static final String TSV_HEADER = "observed\toriginal\tweight\texample\tnote";

    /**
     * The substitutions as a candidate-dictionary file ({@link CandidateDictionary#parse} reads it back): a
     * comment, the header, one row each.
     */
    public static String tsv(List<MinedSubstitution> mined) {
        StringBuilder sb = new StringBuilder("# substitutions mined by unspin learn: review, edit, and pass as a "
                + "candidate file\n").append(TSV_HEADER).append('\n');
        for (MinedSubstitution m : mined) {
            sb.append(m.observed()).append('\t').append(m.original()).append('\t')
                    .append(formatWeight(m.weight())).append('\t')
                    .append(m.examples().isEmpty() ? "" : m.examples().get(0)).append('\t').append(m.note())
                    .append('\n');
        }
        return sb.toString();
    }

    private static String formatWeight(double w) {
        String s = String.format(Locale.ROOT, "%.3f", w);
        return s.equals("0.000") ? "0.001" : s;
    }

    /** The counts for people, as the row's note. */
    public String note() {
        return String.format(Locale.ROOT, "mined: %d occurrences in %d documents; %d contexts scored, %.0f%% prefer "
                        + "the original, mean margin %+.2f log10 (context %+.2f); frequency ratio %+.2f log10; %s %.2f%s",
                occurrences, documents, contexts, 100 * sharePositive, meanMargin, contextMargin, frequencyRatio,
                round == 1 ? "spin affinity" : "round " + round + ", affinity to the documents other mined rows mark",
                spinAffinity, sharedDocuments < 0 ? "" : String.format(Locale.ROOT,
                        "; %d documents with the original (co-occurrence %+.1f)", sharedDocuments, cooccurrence));
    }

    /** As a candidate-dictionary row: source {@value #SOURCE}, the first example, the counts in the note. */
    public CandidateDictionary.Row row() {
        return new CandidateDictionary.Row(CandidateDictionary.keyOf(observed), original, weight, SOURCE,
                examples.isEmpty() ? "" : examples.get(0), note());
    }
}
