package org.unspin.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Request parameters from the query string and an {@code application/x-www-form-urlencoded} body. */
final class Params {
    private final Map<String, String> values = new HashMap<>();

    /** Adds the pairs of a urlencoded string; a later value of the same name wins, as in a servlet's form. */
    Params add(String urlencoded) {
        if (urlencoded == null || urlencoded.isEmpty()) {
            return this;
        }
        for (String pair : urlencoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.put(name, value);
        }
        return this;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "Error: malformed form encoding: " + e.getMessage());
        }
    }

    String get(String name) {
        return values.get(name);
    }

    String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }
}
