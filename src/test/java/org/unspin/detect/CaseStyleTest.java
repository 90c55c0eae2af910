package org.unspin.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseStyleTest {

    @Test
    void recognisesEachPattern() {
        assertThat(CaseStyle.of("as perfectly as")).isEqualTo(CaseStyle.LOWER);
        assertThat(CaseStyle.of("AS PERFECTLY AS")).isEqualTo(CaseStyle.UPPER);
        assertThat(CaseStyle.of("As perfectly as")).isEqualTo(CaseStyle.SENTENCE);
        assertThat(CaseStyle.of("Perfectly")).isEqualTo(CaseStyle.SENTENCE);
        assertThat(CaseStyle.of("As Perfectly As")).isEqualTo(CaseStyle.TITLE);
        assertThat(CaseStyle.of("Secretary of Condition")).isEqualTo(CaseStyle.TITLE);
        assertThat(CaseStyle.of("as Perfectly as")).isEqualTo(CaseStyle.MIXED);
        assertThat(CaseStyle.of("Secretary cut Condition")).isEqualTo(CaseStyle.MIXED);
        assertThat(CaseStyle.of("A")).isEqualTo(CaseStyle.SENTENCE);
    }

    @Test
    void appliesThePatternToALowerCaseCanonical() {
        assertThat(CaseStyle.apply("utilise", "make use of")).isEqualTo("make use of");
        assertThat(CaseStyle.apply("Utilise", "make use of")).isEqualTo("Make use of");
        assertThat(CaseStyle.apply("UTILISE", "make use of")).isEqualTo("MAKE USE OF");
        assertThat(CaseStyle.apply("Counterfeit Consciousness", "artificial intelligence"))
                .isEqualTo("Artificial Intelligence");
        assertThat(CaseStyle.apply("Bill Of Privileges", "bill of rights")).isEqualTo("Bill Of Rights");
        assertThat(CaseStyle.apply("Bill of Privileges", "bill of rights")).isEqualTo("Bill of Rights");
        assertThat(CaseStyle.apply("Of Privileges", "of rights")).isEqualTo("Of Rights");
        assertThat(CaseStyle.apply("iPrivileges", "rights")).isEqualTo("rights");
    }

    @Test
    void capitalisedCanonicalKeepsItsOwnCaseUnlessTheMatchShouts() {
        assertThat(CaseStyle.apply("countrywide press club", "National Press Club")).isEqualTo("National Press Club");
        assertThat(CaseStyle.apply("Countrywide press club", "National Press Club")).isEqualTo("National Press Club");
        assertThat(CaseStyle.apply("COUNTRYWIDE PRESS CLUB", "National Press Club")).isEqualTo("NATIONAL PRESS CLUB");
        assertThat(CaseStyle.apply("the Usa", "the USA")).isEqualTo("the USA");
    }
}
