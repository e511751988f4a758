package dev.agora.catalog.api;

import dev.agora.catalog.Classification;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.PortType;
import dev.agora.catalog.ProductDraft;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A data product as a producer's pipeline sends it. A port without {@code columns} has them harvested (from
 * the lake database for postgres-table, from AWS Glue for glue-table when switched on).
 *
 * <p>Enumerated values arrive as text: a value Agora does not know is reported with every other problem of the
 * body (the product's rules name it), instead of stopping at the first field that failed to bind.
 */
public record ProductRequest(String name, String slug, String domain, String ownerTeam, String description,
        List<String> tags,
        @Schema(enumeration = {"PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"}) String classification,
        String version, String contact, String freshness, List<Port> outputPorts) {

    /** An output port. */
    public record Port(String name,
            @Schema(enumeration = {"postgres-table", "glue-table", "s3-prefix", "kinesis-stream"}) String type,
            String location, List<Column> columns) {}

    /** A column of a port's schema. */
    /** A column; {@code nullable} is true and {@code primaryKey} false when left out. */
    public record Column(String name, String type, String description, Boolean pii, Boolean nullable,
            Boolean primaryKey) {}

    ProductDraft toDraft() {
        return toDraft(slug);
    }

    /** The draft under the given slug (a PUT that creates the product names it in the path). */
    ProductDraft toDraft(String slug) {
        return new ProductDraft(name, slug, domain, ownerTeam, description, tags, classification(classification),
                version, contact, freshness, outputPorts == null ? null : outputPorts.stream()
                        .map(port -> port == null ? null : new ProductDraft.PortDraft(port.name(), portType(port.type()),
                                port.location(), port.columns() == null ? null : port.columns().stream()
                                        .map(c -> c == null ? null : new ColumnSchema(c.name(), c.type(),
                                                c.description(), Boolean.TRUE.equals(c.pii()),
                                                !Boolean.FALSE.equals(c.nullable()),
                                                Boolean.TRUE.equals(c.primaryKey())))
                                        .toList()))
                        .toList());
    }

    /** Unknown values become "none given", which the product's rules refuse with the values allowed. */
    private static Classification classification(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Classification.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static PortType portType(String text) {
        if (text == null) {
            return null;
        }
        try {
            return PortType.fromWireName(text.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
