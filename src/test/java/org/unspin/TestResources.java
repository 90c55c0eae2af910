package org.unspin;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that read resources fetched outside git (corpora, the trigram model, thesaurus sources) skip when
 * those are missing on a developer machine, but fail under scripts/test.sh and CI, which set
 * UNSPIN_REQUIRE_CORPORA=1 after installing them, so a missing install step cannot hide behind a skip.
 */
public final class TestResources {
    private TestResources() {
    }

    public static boolean required() {
        return "1".equals(System.getenv("UNSPIN_REQUIRE_CORPORA"));
    }

    /** Skips (or, when required, fails) the calling test unless {@code present}. */
    public static void need(boolean present, String whatToDo) {
        if (required()) {
            Assertions.assertTrue(present, whatToDo);
        } else {
            Assumptions.assumeTrue(present, whatToDo);
        }
    }
}
