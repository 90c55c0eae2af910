package org.unspin.languagetool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Pattern;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.patterns.AbstractPatternRule;
import org.languagetool.rules.patterns.PatternToken;
import org.unspin.edit.Edit;
import org.unspin.tokenise.TokenList;

/**
 * LanguageTool as an unspin stage: runs unspin's context rules ({@code dictionaries/rules/*.xml}) and,
 * optionally, chosen LanguageTool English rules, and turns their matches into {@link Edit}s.
 *
 * <p>Speed: the text is split into sentences with ICU (20 times faster than LanguageTool's SRX splitter), and
 * only sentences that contain a trigger of some rule ({@link TriggerIndex}) and whose LanguageTool tokens hold
 * every fixed word of some rule are analysed, unless {@code thorough}.
 * Only the rules asked for are loaded (LanguageTool's custom-rules constructor, none of its ~6,000 built-in
 * rules), and only the analysis they read ({@link UnspinEnglish.Analysis}): the shipped rules match on words
 * alone, so by default LanguageTool only tokenises (no tagger, disambiguator, chunker or second sentence
 * split); a rule file that uses tags or chunks, or any of LanguageTool's own rules, brings them back.
 *
 * <p>Thread-safe: LanguageTool is loaded on first use, one {@link JLanguageTool} with its own rule objects
 * per thread, all sharing one {@link Language}. {@link #preload} starts that loading on a background thread.
 */
public final class LanguageToolStage {
    /** Confidence of a match of unspin's own context rules: rewritten under the default 0.8 threshold. */
    public static final double CONTEXT_CONFIDENCE = 0.9;
    /**
     * Confidence of a match of one of unspin's rules marked {@code type="grammar"} (articles after a swap):
     * reported, not rewritten, because correcting the grammar would not restore the spun word.
     */
    public static final double CONTEXT_GRAMMAR_CONFIDENCE = 0.6;
    /** Confidence of a match of a LanguageTool rule enabled by {@link Options#ltRules()}: reported only. */
    public static final double GRAMMAR_CONFIDENCE = 0.5;
    public static final String CONTEXT_CATEGORY = "context";
    public static final String GRAMMAR_CATEGORY = "grammar";

    private static final Pattern QUOTED_SUGGESTION = Pattern.compile("([\"“‘'])<suggestion>(.*?)</suggestion>");
    private static final Pattern SUGGESTION = Pattern.compile("<suggestion>(.*?)</suggestion>");

    /**
     * @param ltRules       ids of LanguageTool's own English rules to run as {@code grammar} findings, e.g.
     *                      {@code EN_A_VS_AN}, {@code UPPERCASE_SENTENCE_START}; with any, LanguageTool checks
     *                      the whole text in one call (no trigger filter)
     * @param ruleFiles     extra rule files, loaded after the shipped ones
     * @param shippedRules  whether to load {@code dictionaries/rules/*.xml}
     * @param minConfidence matches at or above it are marked applied (unspin's default 0.8)
     */
    public record Options(Set<String> ltRules, List<Path> ruleFiles, boolean shippedRules, double minConfidence) {
        public Options {
            ltRules = Set.copyOf(ltRules);
            ruleFiles = List.copyOf(ruleFiles);
        }

        public static Options defaults() {
            return new Options(Set.of(), List.of(), true, 0.8);
        }

        public Options withLtRules(Set<String> ids) {
            return new Options(ids, ruleFiles, shippedRules, minConfidence);
        }
    }

    /**
     * The edits of one text and how many of its sentences LanguageTool analysed. {@code sentences} is 0 when
     * no trigger occurs anywhere in the text: that is decided without splitting it ({@link #countSentences}
     * counts them).
     */
    public record Result(List<Edit> edits, int sentences, int sentencesChecked) {
    }

    /** ICU's English sentence breaks, not after common abbreviations ("Mr.", "U.S."). */
    private static final ULocale SENTENCE_LOCALE = new ULocale("en@ss=standard");

    private final Options options;
    private final ContextRules contextRules;
    /** Sentences sent to LanguageTool since construction, all threads (for benchmarks; a LongAdder is cheap). */
    private final java.util.concurrent.atomic.LongAdder sentencesChecked = new java.util.concurrent.atomic.LongAdder();
    private volatile Shared shared;
    private final ThreadLocal<Worker> workers = ThreadLocal.withInitial(this::newWorker);
    /** Set by {@link #preload}: parses the rules and warms the shared language; workers wait for it. */
    private FutureTask<Void> preloading;

    /** What all threads share: the language, the trigger index, and which rule comes from which file. */
    private record Shared(Language language, UnspinEnglish.Analysis analysis, TriggerIndex triggers,
            Map<String, String> fileOfRule) {
    }

    /** One thread's LanguageTool and sentence splitter. */
    private record Worker(JLanguageTool tool, BreakIterator sentences) {
    }

    public LanguageToolStage(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        // Read the files now so that a missing or unreadable file fails at construction, not on first use.
        this.contextRules = ContextRules.load(options.shippedRules(), options.ruleFiles());
    }

    public static LanguageToolStage withDefaults() {
        return new LanguageToolStage(Options.defaults());
    }

    public Options options() {
        return options;
    }

    /** Edits for {@code text}; offsets are UTF-16 indexes into {@code text}. */
    public List<Edit> check(String text, boolean thorough) {
        return analyse(text, thorough).edits();
    }

    /**
     * As {@link #check(String, boolean)} on {@code tokens.text()}: the whole-text trigger scan takes the hash of
     * most words from the tokeniser instead of reading them again. Same edits.
     */
    public List<Edit> check(TokenList tokens, boolean thorough) {
        return analyse(tokens.text(), tokens, thorough).edits();
    }

    /**
     * Starts loading LanguageTool (its classes, rule parsing, the word tokenizer, and the tagger and the
     * disambiguator if the rules read tags: about 0.3 s of CPU with the shipped rules, 1.2 s with tags) on a
     * daemon thread, so that it overlaps whatever the caller loads next; the first sentence that needs
     * LanguageTool then waits only for what is left. For a process about to check text (the command line);
     * without it the same loading happens on first use. Loading errors surface on first use, as without it.
     */
    public synchronized void preload() {
        if (preloading != null) {
            return;
        }
        preloading = new FutureTask<>(() -> {
            warm(shared().language());
            return null;
        });
        Thread thread = new Thread(preloading, "unspin-languagetool-preload");
        thread.setDaemon(true); // a run that never needs LanguageTool does not wait for it at exit
        thread.start();
    }

    /** Runs the lazy set-up of {@code language} that every first check needs, on a rule-less tool. */
    private static void warm(Language language) throws IOException {
        new JLanguageTool(language, List.of(), null, null, null, null, false, false, List.of())
                .check("The preloaded sentence is checked once.");
    }

    /** Waits for {@link #preload}'s loading, if started, so that no worker touches a half-warmed language. */
    private void awaitPreload() {
        FutureTask<Void> task;
        synchronized (this) {
            task = preloading;
        }
        if (task == null) {
            return;
        }
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while LanguageTool loaded", e);
        } catch (ExecutionException e) {
            // The same error shared() or the first check would have thrown without the preload.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }

    /** Sentences sent to LanguageTool by all calls of {@link #analyse} and {@link #check} so far. */
    public long sentencesChecked() {
        return sentencesChecked.sum();
    }

    /** Non-blank sentences of {@code text}, split as {@link #analyse} splits them. */
    public static int countSentences(String text) {
        BreakIterator breaks = BreakIterator.getSentenceInstance(SENTENCE_LOCALE);
        String unwrapped = unwrapLines(text);
        breaks.setText(unwrapped);
        int n = 0;
        for (int at = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; at = end, end = breaks.next()) {
            n += unwrapped.substring(at, end).isBlank() ? 0 : 1;
        }
        return n;
    }

    /** As {@link #check}, with the sentence counts. */
    public Result analyse(String text, boolean thorough) {
        return analyse(text, null, thorough);
    }

    /** {@code tokens}: of {@code text}, or null. */
    private Result analyse(String text, TokenList tokens, boolean thorough) {
        Shared s = shared();
        if (!thorough && options.ltRules().isEmpty()
                && !(tokens == null ? s.triggers().mayMatch(text) : s.triggers().mayMatch(tokens))) {
            return new Result(List.of(), 0, 0); // no trigger anywhere: no sentence needs LanguageTool
        }
        Worker worker = workers.get();
        // LanguageTool's own rules include text-level ones (sentence-start case, repeated words), so with any
        // of them LanguageTool gets the whole text at once.
        boolean wholeText = !options.ltRules().isEmpty();
        boolean everySentence = thorough || wholeText;
        List<Edit> edits = new ArrayList<>();
        int sentences = 0;
        int checked = 0;
        String unwrapped = unwrapLines(text);
        BreakIterator breaks = worker.sentences();
        breaks.setText(unwrapped);
        try {
            for (int at = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; at = end, end = breaks.next()) {
                String sentence = unwrapped.substring(at, end);
                if (sentence.isBlank()) {
                    continue;
                }
                sentences++;
                if (wholeText || !everySentence && !(s.triggers().mayMatch(sentence)
                        && s.triggers().mayMatchTokens(ruleTokens(s.language(), sentence)))) {
                    continue;
                }
                checked++;
                addEdits(worker.tool().check(sentence), at, text, s, edits);
            }
            if (wholeText) {
                checked = sentences;
                addEdits(worker.tool().check(unwrapped), 0, text, s, edits);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sentencesChecked.add(checked);
        return new Result(withoutOverlaps(edits), sentences, checked);
    }

    /**
     * The tokens LanguageTool's rules compare with in {@code sentence}: its word tokenizer's, without the
     * characters the language ignores (soft hyphens), as {@code JLanguageTool} prepares them.
     */
    private static List<String> ruleTokens(Language language, String sentence) {
        List<String> tokens = language.getWordTokenizer().tokenize(sentence);
        Pattern ignored = language.getIgnoredCharactersRegex();
        return ignored == null ? tokens : tokens.stream().map(t -> ignored.matcher(t).replaceAll("")).toList();
    }

    /**
     * The words and adjacent word pairs ("a immediate") that send a sentence to LanguageTool, lower-cased, or
     * prefixed by {@code =} when the case must match ("=united =states"); empty if some rule can match anywhere.
     */
    public Set<String> triggers() {
        TriggerIndex index = shared().triggers();
        if (index.always()) {
            return Set.of();
        }
        Set<String> all = new java.util.TreeSet<>(index.words());
        all.addAll(index.pairs());
        return all;
    }

    /** How much of LanguageTool's analysis the loaded rules get (loads LanguageTool if not yet loaded). */
    UnspinEnglish.Analysis analysis() {
        return shared().analysis();
    }

    /** Ids of rules that have no trigger word and so send every sentence to LanguageTool. */
    public List<String> untriggeredRules() {
        return shared().triggers().alwaysRules();
    }

    private void addEdits(List<RuleMatch> matches, int offset, String text, Shared s, List<Edit> edits) {
        for (RuleMatch match : matches) {
            Edit edit = toEdit(match, offset, text, s);
            if (edit != null) {
                edits.add(edit);
            }
        }
    }

    private Edit toEdit(RuleMatch match, int sentenceStart, String text, Shared s) {
        int start = sentenceStart + match.getFromPos();
        int end = sentenceStart + match.getToPos();
        String original = text.substring(start, end);
        List<String> suggestions = match.getSuggestedReplacements();
        String replacement = suggestions.isEmpty() ? null : suggestions.get(0);
        if (original.equals(replacement)) {
            return null;
        }
        String id = match.getRule().getId();
        String file = s.fileOfRule().get(id);
        boolean ours = file != null;
        boolean grammarOnly = match.getRule().getLocQualityIssueType() == org.languagetool.rules.ITSIssueType.Grammar;
        double confidence = !ours ? GRAMMAR_CONFIDENCE : grammarOnly ? CONTEXT_GRAMMAR_CONFIDENCE : CONTEXT_CONFIDENCE;
        boolean applied = ours && replacement != null && confidence >= options.minConfidence();
        String explanation = plainMessage(match.getMessage());
        return Edit.at(start, end, original).replacement(replacement)
                .category(ours ? CONTEXT_CATEGORY : GRAMMAR_CATEGORY).rule(id).source(file).confidence(confidence)
                .explanation(explanation).applied(applied).build();
    }

    /**
     * {@code text} with each single line break (LF, CR or CRLF) turned into spaces of the same length, so that
     * sentences and rules run across hard-wrapped lines as the phrase tables do; a blank line still ends a
     * paragraph. Offsets are unchanged.
     */
    static String unwrapLines(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r') {
                i++;
                continue;
            }
            int end = i;
            int lines = 0;
            while (end < text.length() && (text.charAt(end) == '\n' || text.charAt(end) == '\r')) {
                if (text.charAt(end) == '\n' || end + 1 == text.length() || text.charAt(end + 1) != '\n') {
                    lines++;
                }
                end++;
            }
            if (lines == 1) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                java.util.Arrays.fill(chars, i, end, ' ');
            }
            i = end;
        }
        return chars == null ? text : new String(chars);
    }

    /** LanguageTool marks suggestions with tags; unspin explanations quote them (unless already quoted). */
    static String plainMessage(String message) {
        String once = QUOTED_SUGGESTION.matcher(message).replaceAll("$1$2");
        return SUGGESTION.matcher(once).replaceAll("'$1'");
    }

    /** Sorted by position; of overlapping matches the first (then the longest) is kept. */
    private static List<Edit> withoutOverlaps(List<Edit> edits) {
        edits.sort(Comparator.comparingInt(Edit::start).thenComparing(Comparator.comparingInt(Edit::end).reversed()));
        List<Edit> kept = new ArrayList<>();
        int end = -1;
        for (Edit e : edits) {
            if (e.start() >= end) {
                kept.add(e);
                end = e.end();
            }
        }
        return kept;
    }

    private Shared shared() {
        Shared s = shared;
        if (s == null) {
            synchronized (this) {
                s = shared;
                if (s == null) {
                    shared = s = loadShared();
                }
            }
        }
        return s;
    }

    private Shared loadShared() {
        Map<AbstractPatternRule, String> rules = contextRules.parse(new UnspinEnglish(UnspinEnglish.Analysis.FULL));
        UnspinEnglish.Analysis analysis = !options.ltRules().isEmpty()
                || rules.keySet().stream().anyMatch(LanguageToolStage::usesChunks) ? UnspinEnglish.Analysis.FULL
                : contextRules.readsTags() ? UnspinEnglish.Analysis.TAGS : UnspinEnglish.Analysis.TOKENS;
        Language language = new UnspinEnglish(analysis);
        Map<String, String> fileOfRule = new java.util.HashMap<>();
        rules.forEach((rule, file) -> fileOfRule.put(rule.getId(), file));
        return new Shared(language, analysis, TriggerIndex.of(rules.keySet()), Map.copyOf(fileOfRule));
    }

    private static boolean usesChunks(AbstractPatternRule rule) {
        for (PatternToken token : rule.getPatternTokens()) {
            if (token.getChunkTag() != null) {
                return true;
            }
        }
        return false;
    }

    private Worker newWorker() {
        awaitPreload();
        Language language = shared().language();
        List<Rule> rules = new ArrayList<>(contextRules.parse(language).keySet());
        rules.addAll(languageToolRules(language));
        JLanguageTool tool = new JLanguageTool(language, List.of(), null, null, null, null, false, false, rules);
        for (Rule rule : rules) {
            tool.enableRule(rule.getId());
        }
        return new Worker(tool, BreakIterator.getSentenceInstance(SENTENCE_LOCALE));
    }

    /**
     * The ids among {@code ltRules} that are no LanguageTool English rule, in the given order; for checking an
     * option before any text is read (the stage itself finds out only when its first worker starts).
     */
    public static Set<String> unknownRuleIds(Set<String> ltRules) {
        Set<String> missing = new LinkedHashSet<>(ltRules);
        if (!missing.isEmpty()) {
            for (Rule rule : new JLanguageTool(new UnspinEnglish(UnspinEnglish.Analysis.FULL)).getAllRules()) {
                missing.remove(rule.getId());
            }
        }
        return missing;
    }

    /** This thread's instances of the LanguageTool rules named in the options. */
    private List<Rule> languageToolRules(Language language) {
        if (options.ltRules().isEmpty()) {
            return List.of();
        }
        Set<String> missing = new LinkedHashSet<>(options.ltRules());
        List<Rule> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Rule rule : new JLanguageTool(language).getAllRules()) {
            if (options.ltRules().contains(rule.getId())) {
                found.add(rule);
                seen.add(rule.getId());
            }
        }
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("unknown LanguageTool rule id(s): " + String.join(", ", missing));
        }
        return found;
    }
}
