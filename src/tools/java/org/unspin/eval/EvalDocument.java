package org.unspin.eval;

/**
 * One clean evaluation document.
 *
 * @param id     unique within its domain: the JSONL {@code id}, or {@code <address file>#<chunk number>}
 * @param domain {@code news} or {@code science}
 * @param group  documents that may be pooled for the score AUC: the science field, the news topic, the address
 * @param text   the clean text, exactly as stored
 */
public record EvalDocument(String id, String domain, String group, String text) {
}
