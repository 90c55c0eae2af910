package org.unspin.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.Repair;
import org.unspin.Unspinner;
import org.unspin.edit.Edit;

/** The phrase-table stage seen through the library entry point. */
class UnspinnerPhraseTableTest {

    @Test
    void repairsSpunNamesInASentence(@TempDir Path dir) throws IOException {
        Path table = Files.writeString(dir.resolve("names.tsv"), """
                spun\tcanonical\tcategory\tconfidence\tnote
                secretary of condition\tSecretary of State\tspun-phrase\t0.95\tUS cabinet post
                countrywide press club\tNational Press Club\tspun-phrase\t0.9\t
                """);
        Unspinner unspinner = Unspinner.builder().shippedDictionaries(false).addDictionary(table).build();
        String input = "Secretary of Condition Mike Pompeo spoke at the Countrywide Press Club.";

        Repair repair = unspinner.repair(input);

        assertThat(repair.text()).isEqualTo("Secretary of State Mike Pompeo spoke at the National Press Club.");
        assertThat(repair.edits()).extracting(Edit::start, Edit::end, Edit::original, Edit::replacement, Edit::source)
                .containsExactly(
                        tuple(0, 22, "Secretary of Condition", "Secretary of State",
                                table + ":2"),
                        tuple(48, 70, "Countrywide Press Club", "National Press Club",
                                table + ":3"));
        assertThat(repair.edits()).allMatch(Edit::applied);
        assertThat(unspinner.repair(repair.text()).changed()).isFalse();
    }
}
