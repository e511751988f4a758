package dev.agora.catalog.api;

import dev.agora.catalog.Classification;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.PortType;
import dev.agora.catalog.ProductDraft;
import java.util.List;

/**
 * A data product as a producer's pipeline sends it. A port without {@code columns} has them harvested (from
 * the lake database for postgres-table, from AWS Glue for glue-table when switched on).
 */
public record ProductRequest(String name, String slug, String domain, String ownerTeam, String description,
        List<String> tags, Classification classification, String version, String contact, String freshness,
        List<Port> outputPorts) {

    /** An output port. */
    public record Port(String name, PortType type, String location, List<Column> columns) {}

    /** A column of a port's schema. */
    public record Column(String name, String type, String description, Boolean pii) {}

    ProductDraft toDraft() {
        return new ProductDraft(name, slug, domain, ownerTeam, description, tags, classification, version, contact,
                freshness, outputPorts == null ? null : outputPorts.stream()
                        .map(port -> port == null ? null : new ProductDraft.PortDraft(port.name(), port.type(),
                                port.location(), port.columns() == null ? null : port.columns().stream()
                                        .map(c -> c == null ? null : new ColumnSchema(c.name(), c.type(),
                                                c.description(), Boolean.TRUE.equals(c.pii())))
                                        .toList()))
                        .toList());
    }
}
