package org.unspin.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * LanguageTool's annotated text (the {@code data} parameter): a list of text parts and markup parts. The
 * plain text that is checked is the text parts, with each markup part replaced by its {@code interpretAs}
 * (usually nothing, "\n\n" for a paragraph tag). As in LanguageTool, match offsets refer to the whole
 * document, all parts concatenated, so {@link #toDocumentStart}/{@link #toDocumentEnd} map them back.
 */
final class AnnotatedText {
    /** A part: its range in the plain text and in the document; markup parts map as a whole. */
    private record Part(int plainStart, int plainEnd, int docStart, int docEnd, boolean markup) {
    }

    private final String plain;
    private final String document;
    private final List<Part> parts;

    private AnnotatedText(String plain, String document, List<Part> parts) {
        this.plain = plain;
        this.document = document;
        this.parts = parts;
    }

    /** Plain text without markup: offsets map one to one. */
    static AnnotatedText ofText(String text) {
        return new AnnotatedText(text, text, List.of(new Part(0, text.length(), 0, text.length(), false)));
    }

    /** Parses the {@code data} JSON; a malformed one is a 400 naming what is wrong. */
    static AnnotatedText ofData(String json, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "Error: 'data' is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode annotation = root == null ? null : root.get("annotation");
        if (annotation == null || !annotation.isArray()) {
            throw new HttpError(400, "Error: 'data' needs an \"annotation\" array, "
                    + "e.g. {\"annotation\":[{\"text\":\"A test\"},{\"markup\":\"<b>\"}]}");
        }
        StringBuilder plain = new StringBuilder();
        StringBuilder document = new StringBuilder();
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < annotation.size(); i++) {
            JsonNode item = annotation.get(i);
            JsonNode text = item.get("text");
            JsonNode markup = item.get("markup");
            if ((text == null) == (markup == null) || !(text == null ? markup : text).isTextual()) {
                throw new HttpError(400, "Error: 'data' annotation item " + i
                        + " needs either a \"text\" or a \"markup\" string");
            }
            String docPart = text != null ? text.asText() : markup.asText();
            String plainPart = text != null ? docPart : interpretAs(item, i);
            parts.add(new Part(plain.length(), plain.length() + plainPart.length(), document.length(),
                    document.length() + docPart.length(), markup != null));
            plain.append(plainPart);
            document.append(docPart);
        }
        return new AnnotatedText(plain.toString(), document.toString(), parts);
    }

    private static String interpretAs(JsonNode item, int i) {
        JsonNode as = item.get("interpretAs");
        if (as == null) {
            return "";
        }
        if (!as.isTextual()) {
            throw new HttpError(400, "Error: 'data' annotation item " + i + ": \"interpretAs\" must be a string");
        }
        return as.asText();
    }

    /** The text to check. */
    String plain() {
        return plain;
    }

    /** The whole document, markup included: what match offsets and contexts refer to. */
    String document() {
        return document;
    }

    /** Document offset of a plain-text position where a span starts (inside markup: the markup's start). */
    int toDocumentStart(int plainPos) {
        for (Part p : parts) {
            if (plainPos >= p.plainStart() && plainPos < p.plainEnd()) {
                return p.markup() ? p.docStart() : p.docStart() + plainPos - p.plainStart();
            }
        }
        return document.length();
    }

    /** Document offset of a plain-text position where a span ends (inside markup: the markup's end). */
    int toDocumentEnd(int plainPos) {
        for (Part p : parts) {
            if (plainPos > p.plainStart() && plainPos <= p.plainEnd()) {
                return p.markup() ? p.docEnd() : p.docStart() + plainPos - p.plainStart();
            }
        }
        return toDocumentStart(plainPos);
    }
}
