package org.unspin.detect;

import java.util.List;
import org.unspin.edit.Edit;
import org.unspin.tokenise.TokenList;

/**
 * One detection stage: tokens in, findings out. Every stage (deny list, phrase tables, context rules,
 * restorer) implements this, and {@link Resolver} alone decides what is applied: a finding with
 * {@code applied=true} is one the stage would rewrite; the resolver keeps it applied only when its
 * confidence reaches the threshold and no more confident finding overlaps it. A finding with
 * {@code applied=false} is always a report. Implementations are thread-safe.
 */
public interface Stage {
    /** Findings in {@code tokens.text()} offsets, sorted by position. */
    List<Edit> find(TokenList tokens);
}
