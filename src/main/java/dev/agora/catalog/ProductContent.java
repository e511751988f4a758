package dev.agora.catalog;

import java.util.List;
import java.util.Set;

/** What a producer says about a product: everything but its identity, status and version history. */
public record ProductContent(String name, String description, Set<String> tags, Classification classification,
        String contact, String freshness, List<PortContent> ports) {

    public ProductContent {
        description = description == null ? "" : description;
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
