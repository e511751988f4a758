package dev.agora.catalog.search;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A catalog search: free text (may be empty), facet filters (values of one facet are alternatives, facets
 * combine), whether deprecated products are wanted, order and page.
 */
public record SearchQuery(String text, Map<Facet, Set<String>> filters, boolean includeDeprecated, SortOrder sort,
        int page, int size, Visibility visibility) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_WINDOW = 10_000;
    public static final int MAX_TEXT = 200;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        EnumMap<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
        if (filters != null) {
            filters.forEach((facet, values) -> {
                if (values != null && !values.isEmpty()) {
                    copy.put(facet, Set.copyOf(values));
                }
            });
        }
        filters = copy;
        sort = sort == null ? SortOrder.RELEVANCE : sort;
    }

    /** Deprecated products are hidden unless asked for, directly or by filtering on that status. */
    public boolean wantsDeprecated() {
        return includeDeprecated || filters.getOrDefault(Facet.STATUS, Set.of()).contains("DEPRECATED");
    }
}
