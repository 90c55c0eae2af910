package org.unspin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One Unspinner shared by many threads gives the same repairs as one thread. */
class UnspinnerConcurrencyTest {

    @Test
    void sharedInstanceRepairsConcurrentlyExactlyAsSequentially() throws Exception {
        Unspinner unspinner = Unspinner.withDefaults();
        List<String> texts = new ArrayList<>();
        for (String name : new String[] {"spun-news.txt", "spun-science.txt", "entities-and-controls.txt",
                "clean-sotu-excerpt.txt"}) {
            texts.add(read(name));
        }
        List<Repair> expected = texts.stream().map(unspinner::repair).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Repair>> futures = new ArrayList<>();
            for (int round = 0; round < 25; round++) {
                for (String text : texts) {
                    futures.add(pool.submit(() -> unspinner.repair(text)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                Repair got = futures.get(i).get();
                Repair want = expected.get(i % texts.size());
                assertThat(got.text()).isEqualTo(want.text());
                assertThat(got.edits()).isEqualTo(want.edits());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String read(String name) throws IOException {
        return Files.readString(Path.of("testdata", name), StandardCharsets.UTF_8);
    }
}
