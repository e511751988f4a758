package dev.agora.catalog;

import java.util.Collection;
import java.util.List;

/**
 * A product as a producer submits it (form or pipeline), before Agora checks it. Ports whose {@code columns} are
 * {@code null} have their schema harvested where the port type allows.
 */
public record ProductDraft(String name, String slug, String domain, String ownerTeam, String description,
        Collection<String> tags, Classification classification, String version, String contact, String freshness,
        List<PortDraft> ports) {

    /** An output port as submitted; {@code columns == null} asks Agora to harvest them. */
    public record PortDraft(String name, PortType type, String location, List<ColumnSchema> columns) {}
}
