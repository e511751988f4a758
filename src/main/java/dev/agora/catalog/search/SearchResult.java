package dev.agora.catalog.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results with the total, and for each facet the count of results per value (counted as if that
 * facet's own filter were not applied, so that alternatives stay visible).
 *
 * @param broadened true when no product matched every word and the results match any of them instead
 * @param exact false when the result is so large that the total and the facet counts are estimated from a random
 *     sample of the index (shown as "about")
 */
public record SearchResult(long total, List<Hit> items, Map<String, Map<String, Long>> facets, boolean broadened,
        boolean exact) {

    /**
     * A product that matched, with a highlighted snippet (HTML-escaped text with {@code <mark>} around matches).
     *
     * @param score the ranking score (relevance, nudged by quality; see ADR 0015)
     * @param qualityScore the product's quality score, 0–100, or null when it has never been checked
     * @param qualityIssue true when at least one of its quality rules failed in the last run
     */
    public record Hit(long id, String slug, String name, String domain, String ownerTeam, String classification,
            String status, List<String> tags, String snippet, float score, Double qualityScore,
            boolean qualityIssue) {}
}
