package dev.agora.events;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The public catalog of CloudEvent types. Changes are recorded internally as "agora.feature.thing.verb"; those
 * that correspond to a public type of issue 12 leave Agora under that type, all others under their internal name.
 */
public final class EventTypes {

    /** Internal change (as stored in the outbox) → public CloudEvent type. */
    private static final Map<String, String> PUBLIC = Map.ofEntries(
            Map.entry("agora.catalog.product.created", "agora.product.created"),
            Map.entry("agora.catalog.product.published", "agora.product.published"),
            Map.entry("agora.catalog.product.revised", "agora.product.updated"),
            Map.entry("agora.catalog.product.version-added", "agora.product.version-released"),
            Map.entry("agora.catalog.product.deprecated", "agora.product.deprecated"),
            Map.entry("agora.access.request.submitted", "agora.access.requested"),
            Map.entry("agora.access.request.approved", "agora.access.approved"),
            Map.entry("agora.access.request.rejected", "agora.access.rejected"),
            Map.entry("agora.access.request.cancelled", "agora.access.cancelled"),
            Map.entry("agora.access.request.extended", "agora.access.extended"),
            Map.entry("agora.access.request.revoked", "agora.access.revoked"),
            Map.entry("agora.access.request.expired", "agora.access.expired"),
            Map.entry("agora.grants.grant.applied", "agora.grant.applied"),
            Map.entry("agora.grants.grant.failed", "agora.grant.failed"),
            Map.entry("agora.grants.revoke.applied", "agora.grant.revoked"),
            Map.entry("agora.catalog.product.schema-changed", "agora.product.schema-changed"),
            Map.entry("agora.grants.drift.found", "agora.drift.found"),
            Map.entry("agora.quality.run.failed", "agora.quality.failed"));

    /** Public types of issue 12 that no change produces yet: none since schema-changed and drift.found. */
    public static final java.util.List<String> NOT_YET_PRODUCED = java.util.List.of();

    private EventTypes() {
    }

    /** The type an event of this internal type carries outside Agora. */
    public static String publicType(String internalType) {
        return PUBLIC.getOrDefault(internalType, internalType);
    }

    /** The internal type behind a public one, if it is one of the catalog's. */
    public static Optional<String> internalType(String publicType) {
        return PUBLIC.entrySet().stream().filter(entry -> entry.getValue().equals(publicType))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The whole catalog, sorted by public type: for documentation. */
    public static Map<String, String> catalog() {
        Map<String, String> sorted = new TreeMap<>();
        PUBLIC.forEach((internal, external) -> sorted.put(external, internal));
        return sorted;
    }
}
