package org.unspin.corpus;

import java.util.Arrays;
import org.unspin.lexicon.Fingerprint;
import org.unspin.tokenise.TokenList;
import org.unspin.tokenise.TokenType;
import org.unspin.tokenise.Tokeniser;

/**
 * The n-gram fingerprints that {@link NgramCounter} increments for a piece of text, in the order it increments
 * them. Tokenising and hashing are most of the work of counting, and they need no table: worker threads
 * compute the keys of a batch of lines here and one thread applies them in input order
 * ({@link NgramCounter#apply}), so the table sees the very sequence a single thread would.
 *
 * <p>A batch does not know the run of words that the lines before it left open, and the bigram and trigram of
 * its first two words depend on that run. With {@code head} on, those (at most two) words are kept as text,
 * not hashed, and the counter counts them with its own run before the batch's keys. Their state once
 * hashed does not depend on the run before, so the batch goes on from there itself. Not thread-safe.
 */
final class NgramKeys {
    private static final int INITIAL_KEYS = 1 << 10;

    private long[] keys = new long[INITIAL_KEYS];
    private int size;
    private long tokens;
    /** Words whose n-grams need the run before this piece; collected while fewer than two and no run ended. */
    private final String[] head = new String[2];
    private int headSize;
    private boolean runEnded;

    /** FNV states of the run's last word and last two words; {@code run} is how many of them are valid. */
    private long last1;
    private long last2;
    private int run;

    /** @param head keep the first words that continue an unknown earlier run as text (a worker's batch) */
    NgramKeys(boolean head) {
        this.runEnded = !head;
    }

    /**
     * Adds the keys of the words of {@code text}. The run of the previous call continues across the line break
     * that is assumed to separate them (call {@link #endRun()} for a blank line, a new document or a record).
     */
    void add(String text) {
        add(text, Tokeniser.tokenise(text));
    }

    /** {@link #add(String)} with the tokens of {@code text} already made. */
    void add(String text, TokenList t) {
        int gapStart = 0;
        int breaks = 1; // the line break before this text
        for (int i = 0; i < t.size(); i++) {
            if (t.type(i) != TokenType.WORD) {
                endRun();
            } else {
                if (!linked(text, gapStart, t.start(i), breaks)) {
                    endRun();
                }
                word(text, t.start(i), t.end(i));
            }
            gapStart = t.end(i);
            breaks = 0;
        }
        if (!linked(text, gapStart, text.length(), breaks)) {
            endRun();
        }
    }

    /** Whether the gap keeps two words in one run: only spaces and at most one line break, as the detector. */
    static boolean linked(String text, int from, int to, int breaks) {
        for (int c = from; c < to; c++) {
            char ch = text.charAt(c);
            if (!(Character.isWhitespace(ch) || ch == '\u00A0')) {
                return false;
            }
            breaks += ch == '\n' ? 1 : 0;
        }
        return breaks <= 1;
    }

    /** Ends the current run of words: the next word starts new n-grams. */
    void endRun() {
        run = 0;
        runEnded = true;
    }

    void word(String text, int start, int end) {
        boolean emit = runEnded || headSize == head.length;
        if (emit) {
            tokens++;
        } else {
            head[headSize++] = text.substring(start, end);
        }
        long unigram = Fingerprint.extend(Fingerprint.START, text, start, end);
        long bigram = 0;
        if (emit) {
            push(Fingerprint.finish(unigram));
        }
        if (run >= 1) {
            bigram = Fingerprint.extend(Fingerprint.space(last1), text, start, end);
            if (emit) {
                push(Fingerprint.finish(bigram));
                if (run >= 2) {
                    push(Fingerprint.finish(Fingerprint.extend(Fingerprint.space(last2), text, start, end)));
                }
            }
        }
        last2 = bigram;
        last1 = unigram;
        run = Math.min(run + 1, 2);
    }

    private void push(long key) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size++] = key;
    }

    /** Continues after {@code batch}: takes its run, unless the run began before it and is still too short. */
    void continueAfter(NgramKeys batch) {
        if (batch.runEnded || batch.headSize == batch.head.length) {
            last1 = batch.last1;
            last2 = batch.last2;
            run = batch.run;
        }
    }

    /** Forgets the keys and tokens (not the run), releasing a buffer grown by a huge line. */
    void clearKeys() {
        size = 0;
        tokens = 0;
        if (keys.length > INITIAL_KEYS << 8) {
            keys = new long[INITIAL_KEYS];
        }
    }

    long key(int i) {
        return keys[i];
    }

    int size() {
        return size;
    }

    long tokens() {
        return tokens;
    }

    int headSize() {
        return headSize;
    }

    String head(int i) {
        return head[i];
    }
}
