package org.unspin.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.unspin.lexicon.Thesaurus;

/**
 * The spinner simulator's word list: for a clean word, the thesaurus words linked to it as {@code SYNONYM}
 * or {@code RELATED} that the split allows the spinner (see {@link ThesaurusSplit.Mode#spinnerWords()}). Broader and narrower terms are
 * left out because spinners substitute from synonym lists, not hypernym chains. Thread-safe; answers are
 * cached because a corpus repeats its words.
 */
public final class SpinnerThesaurus implements Function<String, List<String>> {
    public static final Set<Thesaurus.Kind> KINDS = Set.of(Thesaurus.Kind.SYNONYM, Thesaurus.Kind.RELATED);

    private final Thesaurus thesaurus;
    private final BiPredicate<String, String> allowed;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    /** @param allowed which links the spinner may use, {@code test(clean word, substitute)} */
    public SpinnerThesaurus(Thesaurus thesaurus, BiPredicate<String, String> allowed) {
        this.thesaurus = thesaurus;
        this.allowed = allowed;
    }

    @Override
    public List<String> apply(String cleanWord) {
        return cache.computeIfAbsent(cleanWord, this::lookUp);
    }

    private List<String> lookUp(String cleanWord) {
        return thesaurus.originalsFor(cleanWord).stream()
                .filter(link -> KINDS.contains(link.kind()))
                .map(Thesaurus.Link::original)
                .filter(substitute -> allowed.test(cleanWord, substitute))
                .distinct()
                .toList();
    }
}
