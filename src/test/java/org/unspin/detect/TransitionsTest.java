package org.unspin.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The edge table with its Bloom filter, grown through many sizes: every edge put is found with its child,
 * and an edge never put is not (the filter may only say "maybe", never "no" to a real edge).
 */
class TransitionsTest {

    @Test
    void bigramEdgesOfARealTextAreFoundAndReversedOnesAreNot() throws IOException {
        String[] words = Files.readString(Path.of("testdata/clean-sotu-excerpt.txt"), StandardCharsets.UTF_8)
                .toLowerCase().split("[^a-z]+");
        Map<String, Integer> ids = new HashMap<>();
        for (String w : words) {
            ids.putIfAbsent(w, ids.size());
        }
        Transitions edges = new Transitions();
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i + 1 < words.length; i++) {
            int node = ids.get(words[i]), label = ids.get(words[i + 1]);
            long key = (long) node << 32 | label;
            if (!expected.containsKey(key)) {
                expected.put(key, expected.size() + 1);
                edges.put(node, label, expected.size());
            }
        }
        assertThat(expected).hasSizeGreaterThan(3000);
        int absent = 0;
        for (Map.Entry<Long, Integer> e : expected.entrySet()) {
            int node = (int) (e.getKey() >>> 32), label = (int) (long) e.getKey();
            assertThat(edges.get(node, label)).isEqualTo(e.getValue());
            if (!expected.containsKey((long) label << 32 | node)) {
                absent++;
                assertThat(edges.get(label, node)).isEqualTo(-1);
            }
        }
        assertThat(absent).isGreaterThan(1000);
    }
}
