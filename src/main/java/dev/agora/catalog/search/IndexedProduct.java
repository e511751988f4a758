package dev.agora.catalog.search;

import java.time.Instant;
import java.util.List;

/**
 * A product as the search index needs it: flat, with plain-text description, every column of every port, and its
 * quality standing (score 0–100, null before any run; how many rules fail).
 */
public record IndexedProduct(long id, String slug, String name, String domain, String domainName, String ownerTeam,
        String ownerTeamName, String description, List<String> tags, String classification, String status,
        String version, List<String> portTypes, List<Column> columns, Instant sortTime, Double qualityScore,
        int failingRules) {

    /** A column with the port it belongs to. */
    public record Column(String port, String name, String type, String description) {}
}
