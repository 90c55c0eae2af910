package org.unspin.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unspin.lexicon.MinedSubstitution;
import org.unspin.edit.Edit;

/** A finding of a substitution mined from the corpus lends the document prior less than others do (docs/evaluation.md). */
class ResolverMinedPriorTest {
    private static List<Edit> findings(String source, int n) {
        List<Edit> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Edit.at(10 * i, 10 * i + 5, "shall").replacement("will").category("spun-word").rule(Restorer.RULE)
                    .source(source).confidence(0.86).explanation("test").applied(true).build());
        }
        return out;
    }

    @Test
    void afewMinedFindingsDoNotMarkADocumentAsSpun() {
        Resolver.Result mined = Resolver.resolve(List.of(findings(MinedSubstitution.SOURCE, 3)), 0.8, 100);
        assertThat(mined.spinProbability()).isPositive().isLessThan(Resolver.SPUN_PRIOR);
        assertThat(mined.findings()).hasSize(3).noneMatch(Edit::applied); // reported, not applied
    }

    @Test
    void fiveMarkADocumentAndEachIsAppliedWhenFiveOthersDo() {
        assertThat(Resolver.resolve(List.of(findings(MinedSubstitution.SOURCE, 4)), 0.8, 100).spinProbability())
                .isLessThan(Resolver.SPUN_PRIOR);
        Resolver.Result five = Resolver.resolve(List.of(findings(MinedSubstitution.SOURCE, 5)), 0.8, 100);
        assertThat(five.spinProbability()).isGreaterThanOrEqualTo(Resolver.SPUN_PRIOR);
        assertThat(five.findings()).noneMatch(Edit::applied); // each needs the others to mark the document
        Resolver.Result six = Resolver.resolve(List.of(findings(MinedSubstitution.SOURCE, 6)), 0.8, 100);
        assertThat(six.findings()).hasSize(6).allMatch(Edit::applied);
    }

    @Test
    void otherRestorerFindingsCountMore() {
        Resolver.Result curated = Resolver.resolve(List.of(findings("quantifiers.tsv:3", 3)), 0.8, 100);
        assertThat(curated.spinProbability()).isGreaterThan(Resolver.SPUN_PRIOR);
        assertThat(curated.findings()).hasSize(3).allMatch(Edit::applied);
    }

    @Test
    void aMinedFindingIsAppliedWhereOtherFindingsMarkTheDocument() {
        List<Edit> all = new ArrayList<>(findings("quantifiers.tsv:3", 3));
        all.add(Edit.at(40, 44, "upon").replacement("on").category("spun-word").rule(Restorer.RULE)
                .source(MinedSubstitution.SOURCE).confidence(0.86).explanation("test").applied(true).build());
        Resolver.Result r = Resolver.resolve(List.of(all), 0.8, 100);
        assertThat(r.findings()).hasSize(4).allMatch(Edit::applied);
    }
}
