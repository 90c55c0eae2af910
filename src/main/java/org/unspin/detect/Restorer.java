package org.unspin.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.unspin.lexicon.CorpusModel;
import org.unspin.edit.Edit;
import org.unspin.lexicon.CandidateDictionary;
import org.unspin.lexicon.CanonicalLexicon;
import org.unspin.lexicon.FoldedVocabulary;
import org.unspin.lexicon.FunctionWords;
import org.unspin.lexicon.NgramModel;
import org.unspin.lexicon.PhraseKey;
import org.unspin.lexicon.Thesaurus;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.TokenType;

/**
 * The restorer: candidates × arbiter. For every span of 1 to {@link CandidateDictionary#MAX_TOKENS} words
 * that a candidate dictionary names, each candidate original is scored against the text as written:
 *
 * <pre>
 * score = LM margin + corpus margin + log10(dictionary weight) + lexicon bonus - length correction
 * </pre>
 *
 * <ul>
 *   <li><b>LM margin</b>: log10 P(window with the candidate) − log10 P(window as written), by the trigram
 *       model over the span and up to two words on each side (sentence marks at sentence edges);</li>
 *   <li><b>corpus margin</b> (with a corpus model from {@code unspin learn}): the log10 ratio of the corpus's
 *       bigram probabilities for the candidate and for the observed words with their neighbours,
 *       P(first | before) · P(after | last) ({@link #edges});</li>
 *   <li><b>lexicon bonus</b> {@link #LEXICON_BONUS}: the candidate makes a known name, title, term or idiom
 *       with its neighbours ("Countrywide Press Club" → "national press club") that the text as written is
 *       not;</li>
 *   <li><b>case evidence</b>: a capitalised word inside a sentence is a name's; it is only restored when the
 *       candidate makes a known phrase, and acronyms are never touched.</li>
 *   <li><b>the text's own word</b> ({@link DocumentWords}): a one-word proposal for a word the document
 *       writes twice or more, with the original nowhere, is only reported and lends the prior nothing.</li>
 *   <li><b>runner-up</b>: a proposal that beats another original for the same span by less than the report
 *       margin is only reported (it still counts as evidence: some original reads better than the text).</li>
 * </ul>
 *
 * Overlapping and neighbouring spans of a sentence are decided jointly: the best-scoring proposal is taken,
 * the text around it is read with that repair in place, the others near it are scored again, and so on.
 * A proposal at or above {@link Margins#candidate()} is a rewrite candidate, which lends the document prior its
 * evidence; from {@link Margins#rewrite()} on its confidence reaches the threshold, and the {@link Resolver}
 * applies it, only in documents its prior marks as spun unless the score is strong. A proposal at or above
 * {@link Margins#report()} and under the rewrite margin is reported with its suggestion. Each edit names the
 * dictionary row, the log10 margin and the runner-up. Thread-safe.
 */
public final class Restorer implements Stage {
    public static final String RULE = "restorer";
    /** Bonus, in log10 units, for a candidate that makes a known phrase the observed text is not. */
    public static final double LEXICON_BONUS = 2.0;
    /**
     * Weight of the corpus model's bigram evidence against the trigram model's. Until 2026-12-08 the evidence
     * was the ratio of the summed edge counts, which favours a common candidate twice (the trigram model
     * already has its frequency), at weight 0.5; as conditional probabilities at weight 1 the corpus setting
     * restored 3.5 % instead of 3.1 % of the dev swaps at the same precision (docs/evaluation.md).
     */
    static final double CORPUS_WEIGHT = 1.0;
    /** Pseudo-count added to a word's corpus count in P(after | word): a rare word's few bigrams say little. */
    static final double CORPUS_PSEUDO_COUNT = 50;
    /**
     * log10 cost of one more word: the trigram model charges every predicted word (about -2.5 log10 on clean
     * text), so a shorter candidate would always win by that much: a contraction ("at all times" → "always")
     * pays it back per word it saves. An expansion is not credited: the words inside a fixed phrase are cheap
     * ("at [the same time]"), so its margin is fair as it stands (measured on the clean SOTU and manuals).
     */
    static final double WORD_COST = 2.0;
    /**
     * Highest confidence of a row cut from the phrase tables: below {@link Resolver#STRONG}, so it is rewritten
     * only in a document other findings mark as spun (a word of a table row is weaker evidence than the row).
     */
    static final double CUT_ROW_CONFIDENCE = 0.89;
    /** Uses of the observed word, with none of the original, that make it the text's own ({@link DocumentWords}). */
    static final int OWN_WORD_USES = 2;
    /**
     * Confidence of a proposal that is only reported whatever its score (the document's own word, or another
     * original that reads almost as well): under every threshold.
     */
    static final double REPORT_ONLY_CONFIDENCE = 0.7;
    /** Source of a proposal for a name one word off a known name ({@link #nameProposals}). */
    public static final String NAME_SOURCE = "lexicon-name";
    /** Weight of such a proposal, as for a curated row that needs its context. */
    static final double NAME_WEIGHT = 0.5;
    /** An unknown observed word makes any margin large; such spans are reported at most. */
    private static final double UNKNOWN_CAP = 0.5;

    /**
     * Decision thresholds on the score, in log10 units (fitted on the dev split of {@code unspin eval}, see
     * docs/evaluation.md, "Rewrite and candidate margins").
     *
     * @param candidate least score of a rewrite candidate: it counts as evidence in the document prior, and
     *                  below {@code rewrite} it is reported with its suggestion (confidence 0.67–0.8)
     * @param rewrite   least score rewritten where the document prior marks the text as spun (confidence 0.8)
     * @param strong    least score rewritten even where the document prior does not mark the text as spun
     * @param report    least score reported with its suggestion
     */
    public record Margins(double candidate, double rewrite, double strong, double report) {
        public static final Margins DEFAULT = new Margins(3.5, 4.5, 8.0, 2.0);

        public Margins {
            if (!(report <= candidate && candidate <= rewrite && rewrite <= strong)) {
                throw new IllegalArgumentException("need report <= candidate <= rewrite <= strong, got " + report
                        + ", " + candidate + ", " + rewrite + ", " + strong);
            }
        }

        /**
         * The confidence of a score: 0.8 at {@link #rewrite}, 0.9 at {@link #strong}, below 0.8 under it, so that
         * the threshold of 0.8 rewrites what {@link #rewrite} names.
         */
        public double confidence(double score) {
            if (score >= rewrite) {
                double x = (score - rewrite) / Math.max(1e-9, strong - rewrite); // 1 at strong
                return Math.min(0.99, 0.8 + 0.19 * (1 - Math.exp(-x * Math.log(1.9))));
            }
            double x = (score - report) / Math.max(1e-9, rewrite - report);
            return Math.max(0.3, 0.5 + 0.29 * x);
        }
    }

    private final CandidateDictionary dictionary;
    private final Lazy<Thesaurus> thesaurus;
    private final Lazy<NameIndex> nameIndex;
    private final NgramModel lm;
    private final CanonicalLexicon lexicon;
    private final CorpusModel corpus;
    private final Margins margins;
    private final int sentenceStart;
    private final int sentenceEnd;
    /** The dictionary's keys as a trie over their tokens, so that scanning the text builds no key strings. */
    private final KeyTrie keys = new KeyTrie();
    /**
     * For the originals of known-phrase-only rows: the words a lexicon phrase puts just before the original
     * ("press" before "club") and just after it. A proposal with neither neighbour can make no known phrase,
     * so it is dropped before the model is asked (most cut rows in clean text stop here).
     */
    private final Map<String, Set<String>> lexiconBefore = new HashMap<>();
    private final Map<String, Set<String>> lexiconAfter = new HashMap<>();
    /** Multiword originals that are lexicon phrases themselves ("state department"). */
    private final Set<String> knownOriginals = new HashSet<>();

    /**
     * @param lexicon known phrases for the lexicon bonus, or null
     * @param corpus  n-gram counts of the user's corpus, or null
     */
    public Restorer(CandidateDictionary dictionary, NgramModel lm, CanonicalLexicon lexicon, CorpusModel corpus,
                    Margins margins) {
        this(dictionary, lm, lexicon, corpus, margins, null);
    }

    /**
     * @param thesaurus the thesaurus for names one word off a known name ({@link #nameProposals}), loaded on
     *                  first use; null for none
     */
    public Restorer(CandidateDictionary dictionary, NgramModel lm, CanonicalLexicon lexicon, CorpusModel corpus,
                    Margins margins, java.util.function.Supplier<Thesaurus> thesaurus) {
        this.thesaurus = thesaurus == null || lexicon == null ? null : new Lazy<>(thesaurus);
        this.nameIndex = this.thesaurus == null ? null : new Lazy<>(() -> new NameIndex(lexicon, this.thesaurus.get()));
        this.dictionary = Objects.requireNonNull(dictionary);
        this.lm = Objects.requireNonNull(lm);
        this.lexicon = lexicon;
        this.corpus = corpus;
        this.margins = Objects.requireNonNull(margins);
        this.sentenceStart = lm.wordId(NgramModel.SENTENCE_START);
        this.sentenceEnd = lm.wordId(NgramModel.SENTENCE_END);
        Set<String> phraseOnly = new HashSet<>();
        Map<String, Candidate> byOriginal = new HashMap<>();
        Set<String> seenKeys = new HashSet<>();
        for (CandidateDictionary.Row row : dictionary.all()) {
            if (row.knownPhraseOnly()) {
                phraseOnly.add(row.original().toLowerCase(Locale.ROOT));
            }
        }
        if (lexicon != null && !phraseOnly.isEmpty()) {
            indexNeighbours(lexicon, phraseOnly);
        }
        for (CandidateDictionary.Row row : dictionary.all()) {
            if (!seenKeys.add(row.observed())) {
                continue;
            }
            List<CandidateDictionary.Row> rows = dictionary.candidates(row.observed());
            Candidate[] candidates = new Candidate[rows.size()];
            for (int c = 0; c < candidates.length; c++) {
                String original = rows.get(c).original().toLowerCase(Locale.ROOT);
                Candidate shared = byOriginal.computeIfAbsent(original, o -> new Candidate(null, o, o.split(" "),
                        ids(o), knownOriginals.contains(o), lexiconBefore.get(o), lexiconAfter.get(o)));
                candidates[c] = shared.of(rows.get(c));
            }
            keys.add(row.observed().split(" ", -1), candidates);
        }
    }

    /**
     * A row with what scoring it needs that does not depend on the text: its original lower-cased, the
     * original's words and model ids, and the lexicon words that may neighbour it (see {@link #lexiconBefore}).
     */
    private record Candidate(CandidateDictionary.Row row, String original, String[] words, int[] ids,
                             boolean knownOriginal, Set<String> before, Set<String> after) {
        Candidate of(CandidateDictionary.Row r) {
            return new Candidate(r, original, words, ids, knownOriginal, before, after);
        }
    }

    /**
     * The observed keys of the dictionary, token by token: node 0 is the empty key, and a node's child for a
     * token is the key extended by it. A token no key uses is not in {@link #tokens}, so most text words cost
     * one probe of a table that allocates nothing.
     */
    private static final class KeyTrie {
        final FoldedVocabulary tokens = new FoldedVocabulary();
        /** Per node: the candidates of the key it ends, or null; whether some longer key continues it. */
        private Candidate[][] candidates = new Candidate[64][];
        private boolean[] continued = new boolean[64];
        private int nodes = 1;
        /** Open addressing: (parent node << 32 | token id) → child node + 1 (0 marks an empty slot). */
        private long[] edgeKeys = new long[1024];
        private int[] edgeChildren = new int[1024];

        void add(String[] key, Candidate[] rows) {
            for (String token : key) {
                if (token.isEmpty() || !token.equals(PhraseKey.fold(token, 0, token.length()))) {
                    return; // a text word is never empty and always folded: such a key cannot match
                }
            }
            int node = 0;
            for (int k = 0; k < key.length; k++) {
                int token = tokens.add(key[k]);
                int child = child(node, token);
                if (child < 0) {
                    child = addChild(node, token);
                }
                if (k + 1 < key.length) {
                    continued[child] = true;
                }
                node = child;
            }
            candidates[node] = rows;
        }

        /** The node of the key {@code node} extended by the token, or -1. */
        int child(int node, int token) {
            long key = (long) node << 32 | token;
            int mask = edgeKeys.length - 1;
            for (int slot = slot(key, mask); edgeChildren[slot] != 0; slot = (slot + 1) & mask) {
                if (edgeKeys[slot] == key) {
                    return edgeChildren[slot] - 1;
                }
            }
            return -1;
        }

        Candidate[] candidates(int node) {
            return candidates[node];
        }

        boolean continued(int node) {
            return continued[node];
        }

        private int addChild(int node, int token) {
            if (nodes == candidates.length) {
                candidates = java.util.Arrays.copyOf(candidates, nodes * 2);
                continued = java.util.Arrays.copyOf(continued, nodes * 2);
            }
            if (2 * nodes > edgeKeys.length) {
                long[] oldKeys = edgeKeys;
                int[] oldChildren = edgeChildren;
                edgeKeys = new long[oldKeys.length * 2];
                edgeChildren = new int[oldKeys.length * 2];
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldChildren[i] != 0) {
                        put(oldKeys[i], oldChildren[i]);
                    }
                }
            }
            int child = nodes++;
            put((long) node << 32 | token, child + 1);
            return child;
        }

        private void put(long key, int value) {
            int mask = edgeKeys.length - 1;
            int slot = slot(key, mask);
            while (edgeChildren[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            edgeKeys[slot] = key;
            edgeChildren[slot] = value;
        }

        private static int slot(long key, int mask) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        }
    }

    private void indexNeighbours(CanonicalLexicon lexicon, Set<String> originals) {
        for (int i = 0; i < lexicon.size(); i++) {
            String[] words = lexicon.phrase(i).split(" ");
            for (int a = 0; a < words.length; a++) {
                StringBuilder piece = new StringBuilder();
                for (int b = a; b < words.length && b < a + CandidateDictionary.MAX_TOKENS; b++) {
                    piece.append(b == a ? "" : " ").append(words[b]);
                    String key = piece.toString();
                    if (originals.contains(key)) {
                        if (a == 0 && b == words.length - 1 && b > 0) {
                            knownOriginals.add(key);
                        }
                        if (a > 0) {
                            lexiconBefore.computeIfAbsent(key, k -> new HashSet<>()).add(words[a - 1]);
                        }
                        if (b + 1 < words.length) {
                            lexiconAfter.computeIfAbsent(key, k -> new HashSet<>()).add(words[b + 1]);
                        }
                    }
                }
            }
        }
    }

    /** Whether a neighbour could make the original part of a lexicon phrase (see {@link #lexiconBefore}). */
    private static boolean mayMakeKnownPhrase(Candidate c, String left, String right) {
        return c.knownOriginal() || c.before() != null && left != null && c.before().contains(left)
                || c.after() != null && right != null && c.after().contains(right);
    }

    private int[] ids(String phrase) {
        String[] words = phrase.split(" ");
        int[] ids = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            ids[i] = lm.wordId(words[i]);
        }
        return ids;
    }

    /** One scored candidate for a span of a run. */
    private static final class Proposal {

        final int first;      // token index
        final int length;     // tokens
        final Candidate candidate;
        final CandidateDictionary.Row row;
        final String[] words;  // the original's words, lower case
        final int[] ids;
        double margin;        // LM margin as last scored
        double corpusMargin;
        double score;
        boolean lexicon;
        String runnerUp;
        double runnerUpScore;

        Proposal(int first, int length, Candidate candidate) {
            this.first = first;
            this.length = length;
            this.candidate = candidate;
            this.row = candidate.row();
            this.words = candidate.words();
            this.ids = candidate.ids();
        }

        int end() {
            return first + length;
        }
    }

    /** Token kinds for {@link #find}: not a prose word (ends a run), or a word no dictionary key uses. */
    private static final int NOT_WORD = -2, NO_KEY = -1;

    @Override
    public List<Edit> find(TokenList tokens) {
        return find(tokens, null);
    }

    /** Whether {@link #findWithNames} can propose names one word off a known name (a thesaurus was given). */
    public boolean proposesNames() {
        return thesaurus != null;
    }

    /**
     * {@link #find}, with names one word off a known name among the proposals ({@link #nameProposals}). For a
     * document the prior marks as spun only: such a name is rewritten nowhere else, and looking names up
     * needs the thesaurus, which a clean corpus never has to load.
     */
    public List<Edit> findWithNames(TokenList tokens, List<Edit> found) {
        return thesaurus == null ? found : find(tokens, Objects.requireNonNull(found));
    }

    /**
     * The restorations of a text; with {@code found}, what {@link #find} gave for it, only the runs that have
     * names one word off a known name are decided again, and {@code found} stands elsewhere.
     */
    private List<Edit> find(TokenList tokens, List<Edit> found) {
        boolean names = found != null;
        int n = tokens.size();
        if (n == 0 || dictionary.size() == 0) {
            return List.of();
        }
        String text = tokens.text();
        int[] keyTokens = new int[n]; // a key token's id, or NO_KEY, NOT_WORD
        for (int i = 0; i < n; i++) {
            keyTokens[i] = tokens.type(i) != TokenType.WORD || inCode(tokens, i) ? NOT_WORD
                    : Math.max(NO_KEY, keys.tokens.find(text, tokens.start(i), tokens.end(i)));
        }
        boolean[] linked = wordRuns(tokens);
        List<Edit> out = new ArrayList<>();
        List<int[]> decidedAgain = names ? new ArrayList<>() : null; // character ranges of the runs with names
        DocumentWords documentWords = new DocumentWords(tokens);
        String[] words = null; // folded words, made for the runs that have proposals
        int i = 0;
        while (i < n) {
            if (keyTokens[i] == NOT_WORD) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && keyTokens[end] != NOT_WORD && linked[end]) {
                end++;
            }
            List<Proposal> proposals;
            if (names) {
                List<Proposal> named = nameProposals(tokens, i, end);
                if (named.isEmpty()) {
                    i = end;
                    continue;
                }
                proposals = new ArrayList<>(proposals(keyTokens, i, end));
                proposals.addAll(named);
                decidedAgain.add(new int[] {tokens.start(i), tokens.end(end - 1)});
            } else {
                proposals = proposals(keyTokens, i, end);
            }
            if (!proposals.isEmpty()) {
                if (words == null) {
                    words = new String[n];
                }
                for (int k = i; k < end; k++) {
                    words[k] = PhraseKey.fold(text, tokens.start(k), tokens.end(k));
                }
                restoreRun(tokens, words, i, end, proposals, documentWords, out);
            }
            i = end;
        }
        if (names) {
            if (decidedAgain.isEmpty()) {
                return found;
            }
            for (Edit e : found) {
                if (decidedAgain.stream().noneMatch(r -> e.start() >= r[0] && e.end() <= r[1])) {
                    out.add(e);
                }
            }
        }
        out.sort(org.unspin.edit.EditSet.BY_POSITION);
        return out;
    }

    /** Every dictionary key in the run [from, to), in text order and shorter keys first. */
    private List<Proposal> proposals(int[] keyTokens, int from, int to) {
        List<Proposal> proposals = null;
        for (int i = from; i < to; i++) {
            int node = 0;
            for (int len = 1; len <= CandidateDictionary.MAX_TOKENS && i + len <= to; len++) {
                int token = keyTokens[i + len - 1];
                node = token < 0 ? -1 : keys.child(node, token);
                if (node < 0) {
                    break;
                }
                Candidate[] candidates = keys.candidates(node);
                if (candidates != null) {
                    if (proposals == null) {
                        proposals = new ArrayList<>();
                    }
                    for (Candidate c : candidates) {
                        proposals.add(new Proposal(i, len, c));
                    }
                }
                if (!keys.continued(node)) {
                    break;
                }
            }
        }
        return proposals == null ? List.of() : proposals;
    }

    /**
     * Proposals for names one word off a known name: a stretch of 2 to {@link CandidateDictionary#MAX_TOKENS}
     * words inside a sentence that starts and ends with a capitalised word (lower-case words between them),
     * is no known phrase, and equals a capitalised lexicon name but for one word that the thesaurus links to
     * the name's word ("the United Standings" → "the United States", "Holy Smoke" → "Holy Spirit"). Scored
     * like any proposal; a capitalised span is only restored into a known phrase. Asked only for a document
     * the prior already marks as spun ({@link #findWithNames}), and such a finding needs that
     * ({@link #CUT_ROW_CONFIDENCE}).
     */
    private List<Proposal> nameProposals(TokenList tokens, int from, int to) {
        List<Proposal> out = null;
        String text = tokens.text();
        String[] folded = null; // the run's words, folded when first needed
        NameIndex index = null;
        for (int a = from; a + 1 < to; a++) {
            if (!capitalised(text, tokens.start(a)) || tokens.end(a) - tokens.start(a) < 2
                    || a == from && startsSentence(tokens, from)) {
                continue;
            }
            int misses = 0; // words of the span no name has
            for (int b = a; b < to && b < a + CandidateDictionary.MAX_TOKENS; b++) {
                boolean upper = capitalised(text, tokens.start(b));
                if (folded == null) {
                    folded = new String[to - from];
                    index = nameIndex.get();
                }
                if (folded[b - from] == null) {
                    folded[b - from] = PhraseKey.fold(text, tokens.start(b), tokens.end(b));
                }
                if (!upper && !FunctionWords.contains(folded[b - from])) {
                    break;
                }
                misses += index.hasWord(folded[b - from]) ? 0 : 1;
                if (misses > 1) {
                    break; // a name one word off the span has all its other words
                }
                if (b == a || !upper) {
                    continue;
                }
                List<String> span = java.util.Arrays.asList(folded).subList(a - from, b - from + 1);
                String key = String.join(" ", span);
                if (lexicon.contains(key)) {
                    continue;
                }
                for (int[] miss : index.oneOff(span)) {
                    int at = miss[1];
                    if (FunctionWords.contains(span.get(at)) || attestedAround(span, at)) {
                        continue;
                    }
                    String name = lexicon.phrase(miss[0]);
                    String proper = lexicon.properForm(name);
                    String[] names = name.split(" ");
                    CandidateDictionary.Row row = new CandidateDictionary.Row(key, proper, NAME_WEIGHT, NAME_SOURCE,
                            "", "'" + span.get(at) + "' is a thesaurus neighbour of '" + names[at] + "' in the known"
                            + " name '" + proper + "'", false);
                    Candidate c = new Candidate(row, name, names, ids(name), true, null, null);
                    if (out == null) {
                        out = new ArrayList<>();
                    }
                    out.add(new Proposal(a, b - a + 1, c));
                }
            }
        }
        return out == null ? List.of() : out;
    }

    /**
     * Whether the trigram model stores the span's word at {@code at} with each neighbour inside the span: then
     * the span is a name English uses ("Mutual Security", "Geneva Agreements"), not a garbled one.
     */
    private boolean attestedAround(List<String> span, int at) {
        int word = lm.wordId(span.get(at));
        if (word < 0) {
            return false;
        }
        if (at > 0) {
            int before = lm.wordId(span.get(at - 1));
            if (before < 0 || lm.storedOrder(word, before, -1) < 2) {
                return false;
            }
        }
        if (at + 1 < span.size()) {
            int after = lm.wordId(span.get(at + 1));
            if (after < 0 || lm.storedOrder(after, word, -1) < 2) {
                return false;
            }
        }
        return true;
    }

    private static boolean capitalised(String text, int at) {
        return Character.isUpperCase(text.charAt(at));
    }

    /** The restorations of one run of words [from, to) between punctuation. */
    private void restoreRun(TokenList tokens, String[] words, int from, int to, List<Proposal> proposals,
                            DocumentWords documentWords, List<Edit> out) {
        boolean sentenceStarts = startsSentence(tokens, from);
        boolean sentenceEnds = endsSentence(tokens, to);
        Slots slots = new Slots(java.util.Arrays.copyOfRange(words, from, to), sentenceStarts, sentenceEnds);
        for (Proposal p : proposals) {
            score(p, tokens, words, slots, from, to, sentenceStarts, sentenceEnds);
        }
        boolean[] taken = new boolean[to - from];
        while (true) {
            Proposal best = null;
            for (Proposal p : proposals) {
                if (p.score >= margins.report() && free(taken, p, from)
                        && (best == null || p.score > best.score)) {
                    best = p;
                }
            }
            if (best == null) {
                return;
            }
            runnerUp(best, proposals);
            out.add(edit(tokens, best, documentWords));
            for (int k = best.first; k < best.end(); k++) {
                taken[k - from] = true;
            }
            slots.take(best, from);
            for (Proposal p : proposals) { // its neighbours now read the repaired text
                if (free(taken, p, from) && p.first < best.end() + 2 && best.first < p.end() + 2) {
                    score(p, tokens, words, slots, from, to, sentenceStarts, sentenceEnds);
                }
            }
        }
    }

    private static boolean free(boolean[] taken, Proposal p, int from) {
        for (int k = p.first; k < p.end(); k++) {
            if (taken[k - from]) {
                return false;
            }
        }
        return true;
    }

    /** The best other candidate for the same span, or keeping the text as written (score 0). */
    private static void runnerUp(Proposal best, List<Proposal> proposals) {
        best.runnerUp = null;
        best.runnerUpScore = 0;
        for (Proposal p : proposals) {
            if (p != best && p.first == best.first && p.length == best.length && p.score > best.runnerUpScore) {
                best.runnerUp = p.row.original();
                best.runnerUpScore = p.score;
            }
        }
    }

    private void score(Proposal p, TokenList tokens, String[] words, Slots slots, int from, int to,
                       boolean sentenceStarts, boolean sentenceEnds) {
        if (p.row.knownPhraseOnly() && !mayMakeKnownPhrase(p.candidate, slots.wordBefore(p.first - from),
                slots.wordAfter(p.end() - from))) {
            p.score = Double.NEGATIVE_INFINITY; // cheap test first: most cut rows stop here
            return;
        }
        // Context: up to two words on each side as the run reads now, sentence marks at its edges.
        List<String> left = new ArrayList<>(2);
        int[] leftIds = new int[2];
        for (int k = p.first - 1; k >= from && left.size() < 2; k--) {
            String[] slot = slots.words[k - from];
            for (int w = slot.length - 1; w >= 0 && left.size() < 2; w--) {
                left.add(0, slot[w]);
                leftIds[2 - left.size()] = slots.id(k - from, w);
            }
        }
        int[] before = java.util.Arrays.copyOfRange(leftIds, 2 - left.size(), 2);
        boolean leftEdge = left.size() < 2 && sentenceStarts;
        List<String> right = new ArrayList<>(2);
        int[] after = new int[2];
        for (int k = p.end(); k < to && right.size() < 2; k++) {
            String[] slot = slots.words[k - from];
            for (int w = 0; w < slot.length && right.size() < 2; w++) {
                after[right.size()] = slots.id(k - from, w);
                right.add(slot[w]);
            }
        }
        after = java.util.Arrays.copyOf(after, right.size());
        boolean rightEdge = right.size() < 2 && sentenceEnds;
        int[] observed = new int[p.length];
        for (int k = 0; k < p.length; k++) {
            observed[k] = slots.originalId(p.first + k - from);
        }
        boolean nameCase = hasNameCase(tokens, p.first, p.end(), from);
        boolean needsPhrase = nameCase || p.row.knownPhraseOnly();
        if (p.row.knownPhraseOnly() && !unattested(slots, p.first - from, p.end() - from, before, observed, after)) {
            p.score = Double.NEGATIVE_INFINITY;
            return;
        }
        boolean unknown = false;
        for (int id : observed) {
            unknown |= id < 0;
        }
        double asWritten = slots.originalWindow(p.first - from, p.end() - from);
        if (Double.isNaN(asWritten)) {
            asWritten = window(before, leftEdge, observed, after, rightEdge, Double.NEGATIVE_INFINITY);
        }
        double wordCost = Math.max(0, observed.length - p.ids.length) * WORD_COST;
        double corpusMargin = corpus == null ? 0 : CORPUS_WEIGHT * corpusMargin(left, p, words, right);
        double prior = Math.log10(p.row.weight());
        // A score under both 0 and the report margin is never reported nor a runner-up: the candidate's
        // window need only be summed while it can still reach that (with the lexicon bonus if possible).
        double least = Math.min(0, margins.report()) - 1e-6 + asWritten + wordCost - corpusMargin - prior
                - (lexicon != null ? LEXICON_BONUS : 0);
        double candidate = window(before, leftEdge, p.ids, after, rightEdge, least);
        if (candidate == Double.NEGATIVE_INFINITY) {
            p.score = Double.NEGATIVE_INFINITY;
            return;
        }
        double margin = candidate - asWritten;
        margin -= wordCost;
        if (unknown) {
            margin = Math.min(margin, margins.candidate() - UNKNOWN_CAP);
        }
        p.margin = margin;
        p.corpusMargin = corpusMargin;
        double base = margin + p.corpusMargin + prior;
        // The lexicon is only read where its bonus can decide something.
        p.lexicon = lexicon != null && base + LEXICON_BONUS >= margins.report()
                && makesKnownPhrase(left, p.words, right)
                && !makesKnownPhrase(left, slice(words, p.first, p.end()), right);
        p.score = needsPhrase && !p.lexicon ? Double.NEGATIVE_INFINITY : base + (p.lexicon ? LEXICON_BONUS : 0);
    }

    /**
     * What a run reads now: a taken proposal fills its first slot with its words and empties the others. The
     * model ids of the run's own words are looked up on first use (most words are never context).
     */
    private final class Slots {
        private static final int UNSET = Integer.MIN_VALUE;
        final String[][] words;
        private final int[][] taken;
        private final int[] originalIds;
        private final String[] runWords;
        private final boolean sentenceStarts;
        private final boolean sentenceEnds;
        /** log10 P of original word k given the original words before it (k = length: the sentence end), or NaN. */
        private final double[] originalTerms;
        /** For {@link #storedPair}: 0 not asked yet, 1 stored, 2 not. */
        private final byte[] storedPairs;

        Slots(String[] runWords, boolean sentenceStarts, boolean sentenceEnds) {
            this.runWords = runWords;
            this.sentenceStarts = sentenceStarts;
            this.sentenceEnds = sentenceEnds;
            words = new String[runWords.length][];
            taken = new int[runWords.length][];
            originalIds = new int[runWords.length];
            java.util.Arrays.fill(originalIds, UNSET);
            for (int k = 0; k < runWords.length; k++) {
                words[k] = new String[] {runWords[k]};
            }
            storedPairs = new byte[runWords.length];
            originalTerms = new double[runWords.length + 1];
            java.util.Arrays.fill(originalTerms, Double.NaN);
        }

        /**
         * What {@link #window} gives for the original words [f, e) in their original context, or NaN if a
         * repair is in that window. Spans that overlap share most of these terms, so each is computed once.
         */
        double originalWindow(int f, int e) {
            int n = runWords.length;
            for (int k = Math.max(0, f - 2); k < Math.min(n, e + 2); k++) {
                if (taken[k] != null) {
                    return Double.NaN;
                }
            }
            double s = 0; // summed in window's order, so the result is the same double
            for (int k = f; k < Math.min(n, e + 2); k++) {
                s += originalTerm(k);
            }
            if (n - e < 2 && sentenceEnds) {
                s += originalTerm(n);
            }
            return s;
        }

        private double originalTerm(int k) {
            if (Double.isNaN(originalTerms[k])) {
                int w = k < runWords.length ? originalId(k) : sentenceEnd;
                int h1 = k > 0 ? originalId(k - 1) : sentenceStarts ? sentenceStart : -1;
                int h2 = h1 < 0 ? -1 : k > 1 ? originalId(k - 2) : k == 1 && sentenceStarts ? sentenceStart : -1;
                originalTerms[k] = lm.log10Prob(w, h1, h2);
            }
            return originalTerms[k];
        }

        int originalId(int k) {
            if (originalIds[k] == UNSET) {
                originalIds[k] = lm.wordId(runWords[k]);
            }
            return originalIds[k];
        }

        /** The last word before slot k as the run reads now, or null. */
        String wordBefore(int k) {
            for (int j = k - 1; j >= 0; j--) {
                if (words[j].length > 0) {
                    return words[j][words[j].length - 1];
                }
            }
            return null;
        }

        /** The first word from slot k on as the run reads now, or null. */
        String wordAfter(int k) {
            for (int j = k; j < words.length; j++) {
                if (words[j].length > 0) {
                    return words[j][0];
                }
            }
            return null;
        }

        /** Whether slot k holds its original word (no repair took it). */
        boolean original(int k) {
            return k >= 0 && k < taken.length && taken[k] == null;
        }

        /** Whether the model stores the bigram of original words k - 1 and k, both known; asked once per k. */
        boolean storedPair(int k) {
            if (storedPairs[k] == 0) {
                storedPairs[k] = (byte) (lm.storedOrder(originalId(k), originalId(k - 1), -1) >= 2 ? 1 : 2);
            }
            return storedPairs[k] == 1;
        }

        /** The model id of word w of slot k as the run reads now. */
        int id(int k, int w) {
            return taken[k] != null ? taken[k][w] : originalId(k);
        }

        void take(Proposal p, int from) {
            for (int k = p.first; k < p.end(); k++) {
                boolean head = k == p.first;
                words[k - from] = head ? p.words : new String[0];
                taken[k - from] = head ? p.ids : new int[0];
            }
        }
    }

    /** Whether the model stores no bigram of the observed span with a neighbour (real text does not say it). */
    private boolean unattested(Slots slots, int f, int e, int[] left, int[] observed, int[] right) {
        int before = left.length == 0 ? -1 : left[left.length - 1];
        int after = right.length == 0 ? -1 : right[0];
        boolean leftStored = before >= 0 && observed[0] >= 0 && (slots.original(f - 1) ? slots.storedPair(f)
                : lm.storedOrder(observed[0], before, -1) >= 2);
        if (leftStored ? after < 0 : before >= 0) {
            return !leftStored; // decided without the right side's bigram
        }
        int last = observed[observed.length - 1];
        boolean rightStored = after >= 0 && last >= 0 && (slots.original(e) ? slots.storedPair(e)
                : lm.storedOrder(after, last, -1) >= 2);
        return !(leftStored && rightStored) && !(leftStored && after < 0) && !(rightStored && before < 0);
    }

    private static String[] slice(String[] words, int from, int to) {
        String[] out = new String[to - from];
        System.arraycopy(words, from, out, 0, out.length);
        return out;
    }

    /**
     * log10 P of the span's words and the right context given the left context; negative infinity as soon
     * as the words still to come cannot lift the sum to {@code least}.
     */
    private double window(int[] left, boolean leftEdge, int[] span, int[] right, boolean rightEdge, double least) {
        int total = (leftEdge ? 1 : 0) + left.length + span.length + right.length + (rightEdge ? 1 : 0);
        int[] seq = new int[total];
        int k = 0;
        if (leftEdge) {
            seq[k++] = sentenceStart;
        }
        for (int id : left) {
            seq[k++] = id;
        }
        int firstPredicted = k;
        for (int id : span) {
            seq[k++] = id;
        }
        for (int id : right) {
            seq[k++] = id;
        }
        if (rightEdge) {
            seq[k++] = sentenceEnd;
        }
        return lm.log10ProbSum(seq, firstPredicted, total, least);
    }

    /** log10 of how much more often the corpus pairs the candidate with its neighbours than the observed span. */
    private double corpusMargin(List<String> left, Proposal p, String[] words, List<String> right) {
        String before = left.isEmpty() ? null : left.get(left.size() - 1);
        String after = right.isEmpty() ? null : right.get(0);
        return edges(before, p.words[0], p.words[p.words.length - 1], after)
                - edges(before, words[p.first], words[p.end() - 1], after);
    }

    /**
     * log10 of the corpus's bigram evidence for a span between its neighbours: P(first | before), whose
     * denominator count(before) is the same for every candidate and is left out, times P(after | last), each
     * count plus one and the last word's count plus {@link #CORPUS_PSEUDO_COUNT}.
     */
    private double edges(String before, String first, String last, String after) {
        double log10 = 0;
        if (before != null) {
            log10 += Math.log10(corpus.count(before, first) + 1.0);
        }
        if (after != null) {
            log10 += Math.log10((corpus.count(last, after) + 1.0) / (corpus.count(last) + CORPUS_PSEUDO_COUNT));
        }
        return log10;
    }

    /**
     * Whether some stretch of 2 to 5 words that includes part of the span is a lexicon phrase: of three words
     * or more, or of two content words ("back to" is no evidence, "press club" is).
     */
    private boolean makesKnownPhrase(List<String> left, String[] span, List<String> right) {
        String[] seq = new String[left.size() + span.length + right.size()];
        int spanFrom = left.size();
        int spanTo = spanFrom + span.length;
        for (int k = 0; k < seq.length; k++) {
            seq[k] = k < spanFrom ? left.get(k) : k < spanTo ? span[k - spanFrom] : right.get(k - spanTo);
        }
        for (int a = 0; a < spanTo; a++) {
            for (int b = Math.max(a + 2, spanFrom + 1); b <= Math.min(seq.length, a + 5); b++) {
                if (b <= spanFrom || (a >= spanFrom && b <= spanTo && span.length == 1)) {
                    continue;
                }
                if ((b - a >= 3 || !FunctionWords.contains(seq[a]) && !FunctionWords.contains(seq[a + 1]))
                        && lexicon.contains(String.join(" ", java.util.Arrays.asList(seq).subList(a, b)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a word of the span is capitalised inside a sentence, or is an acronym. */
    private static boolean hasNameCase(TokenList tokens, int first, int end, int runStart) {
        String text = tokens.text();
        for (int k = first; k < end; k++) {
            int s = tokens.start(k), e = tokens.end(k);
            int capitals = 0;
            for (int c = s; c < e; c++) {
                capitals += Character.isUpperCase(text.charAt(c)) ? 1 : 0;
            }
            if (capitals >= 2 || (capitals == 1 && Character.isUpperCase(text.charAt(s))
                    && !(k == runStart && startsSentence(tokens, k)))) {
                return true;
            }
        }
        return false;
    }

    /** Characters that glue words into identifiers, paths and markup ("retrieve_pdb_file", "a/b", "x=y"). */
    private static final String CODE_GLUE = "_/\\=@#<>{}[]|~^*`$%";

    /** Whether word i is glued to code punctuation or sits inside a dotted name ("os.path"): not prose. */
    private static boolean inCode(TokenList tokens, int i) {
        String text = tokens.text();
        for (int side = -1; side <= 1; side += 2) {
            int j = i + side;
            if (j < 0 || j >= tokens.size() || tokens.type(j) != TokenType.PUNCT) {
                continue;
            }
            boolean glued = side < 0 ? tokens.end(j) == tokens.start(i) : tokens.end(i) == tokens.start(j);
            if (!glued) {
                continue;
            }
            char c = text.charAt(tokens.start(j));
            if (CODE_GLUE.indexOf(c) >= 0) {
                return true;
            }
            int k = j + side; // a dot with a word glued on its other side too
            if (c == '.' && k >= 0 && k < tokens.size() && tokens.type(k) == TokenType.WORD
                    && (side < 0 ? tokens.end(k) == tokens.start(j) : tokens.end(j) == tokens.start(k))) {
                return true;
            }
        }
        return false;
    }

    /** Whether token i begins a sentence: the text's start, after . ! ? : or a blank line. */
    static boolean startsSentence(TokenList tokens, int i) {
        if (i == 0) {
            return true;
        }
        int prev = i - 1;
        if (tokens.type(prev) == TokenType.PUNCT) {
            char c = tokens.text().charAt(tokens.start(prev));
            if (c == '"' || c == '\u201C' || c == '(' || c == '\'' || c == '\u2018') {
                return prev == 0 || startsSentence(tokens, prev);
            }
            return c == '.' || c == '!' || c == '?' || c == ':' || c == '\u2026';
        }
        return tokens.text().substring(tokens.end(prev), tokens.start(i)).contains("\n\n");
    }

    /** Whether the run ending before token i ends a sentence. */
    private static boolean endsSentence(TokenList tokens, int i) {
        if (i >= tokens.size()) {
            return true;
        }
        if (tokens.type(i) != TokenType.PUNCT) {
            return false;
        }
        char c = tokens.text().charAt(tokens.start(i));
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    /**
     * How often each word occurs in the document, folded; counted on first use. A spinner swaps only a share of
     * a word's occurrences and writes the same substitute each time, so it leaves most of the original
     * standing: a document that writes the observed word at least twice and the original never uses the
     * observed word as its own ("concerning" in scripture, "upon" in an 1850 address).
     */
    private static final class DocumentWords {
        private final TokenList tokens;
        private Map<String, Integer> counts;

        DocumentWords(TokenList tokens) {
            this.tokens = tokens;
        }

        int count(String folded) {
            if (counts == null) {
                counts = new HashMap<>();
                String text = tokens.text();
                for (int i = 0; i < tokens.size(); i++) {
                    if (tokens.type(i) == TokenType.WORD) {
                        counts.merge(PhraseKey.fold(text, tokens.start(i), tokens.end(i)), 1, Integer::sum);
                    }
                }
            }
            return counts.getOrDefault(folded, 0);
        }

        /** Whether the document writes the one-word observed form twice or more and the one-word original never. */
        boolean ownWord(String observed, String original) {
            return count(observed) >= OWN_WORD_USES && count(original) == 0;
        }
    }

    private Edit edit(TokenList tokens, Proposal p, DocumentWords documentWords) {
        int start = tokens.start(p.first), end = tokens.end(p.end() - 1);
        String original = tokens.text().substring(start, end);
        String replacement = CaseStyle.apply(original, p.row.original());
        StringBuilder why = new StringBuilder();
        why.append(String.format(Locale.ROOT, "'%s' reads better here: language model %+.1f log10", p.row.original(),
                p.margin));
        if (p.corpusMargin != 0) {
            why.append(String.format(Locale.ROOT, ", corpus %+.1f", p.corpusMargin));
        }
        if (p.lexicon) {
            why.append(", makes a known phrase");
        }
        why.append(String.format(Locale.ROOT, ", dictionary weight %.2f (%s%s); score %.1f, runner-up %s %.1f",
                p.row.weight(), p.row.source(), p.row.note().isEmpty() ? "" : ": " + p.row.note(), p.score,
                p.runnerUp == null ? "as written" : "'" + p.runnerUp + "'", p.runnerUpScore));
        double confidence = Math.round(margins.confidence(p.score) * 1000) / 1000.0;
        if (p.row.knownPhraseOnly() || NAME_SOURCE.equals(p.row.source())) {
            confidence = Math.min(confidence, CUT_ROW_CONFIDENCE); // never rewritten on its own evidence alone
        }
        boolean candidate = p.score >= margins.candidate();
        if (p.runnerUp != null && p.score - p.runnerUpScore < margins.report()) {
            // two originals fit: the text is likely spun (still evidence), but which one it was is not clear
            why.append(String.format(Locale.ROOT, "; '%s' reads almost as well (within %.1f log10): reported only",
                    p.runnerUp, margins.report()));
            confidence = Math.min(confidence, REPORT_ONLY_CONFIDENCE);
        }
        String observedWord = p.length == 1 ? PhraseKey.fold(original, 0, original.length()) : null;
        if (observedWord != null && p.words.length == 1 && !p.lexicon
                && documentWords.ownWord(observedWord, p.words[0])) {
            why.append(String.format(Locale.ROOT, "; but the text writes '%s' %d times and '%s' never: its own word,"
                    + " reported only", observedWord, documentWords.count(observedWord), p.words[0]));
            confidence = Math.min(confidence, REPORT_ONLY_CONFIDENCE);
            candidate = false;
        }
        String category = p.length > 1 || p.words.length > 1 ? "spun-phrase" : "spun-word";
        return Edit.at(start, end, original).replacement(replacement).category(category).rule(RULE)
                .source(p.row.source()).confidence(confidence).explanation(why.toString())
                .applied(candidate).build();
    }

    /** linked[i]: token i continues a run of words from token i-1 (only spaces, at most one line break). */
    static boolean[] wordRuns(TokenList tokens) {
        boolean[] linked = new boolean[tokens.size()];
        String text = tokens.text();
        for (int i = 1; i < tokens.size(); i++) {
            int gapStart = tokens.end(i - 1), gapEnd = tokens.start(i);
            if (gapStart == gapEnd) {
                continue;
            }
            int breaks = 0;
            boolean blank = true;
            for (int c = gapStart; c < gapEnd && blank; c++) {
                char ch = text.charAt(c);
                blank = Character.isWhitespace(ch) || ch == '\u00A0';
                breaks += ch == '\n' ? 1 : 0;
            }
            linked[i] = blank && breaks <= 1;
        }
        return linked;
    }
}
