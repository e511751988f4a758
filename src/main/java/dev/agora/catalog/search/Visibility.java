package dev.agora.catalog.search;

import java.util.Set;

/**
 * What a searcher may find: published products for everyone, deprecated ones when asked for, drafts of the
 * searcher's own teams, and every draft for administrators.
 */
public record Visibility(boolean admin, Set<String> teams) {

    public Visibility {
        teams = Set.copyOf(teams);
    }

    public static Visibility everything() {
        return new Visibility(true, Set.of());
    }
}
