package dev.agora.catalog.harvest;

import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.PortType;
import java.util.List;

/**
 * Reads the columns of an output port from where its data lives, so that producers need not type them. One
 * implementation per port type: the lake's PostgreSQL catalog, AWS Glue's Data Catalog.
 */
public interface SchemaHarvester {

    PortType portType();

    Outcome harvest(String location);

    /** What harvesting found, or why it found nothing. */
    sealed interface Outcome {
        /** The columns, in table order. */
        record Found(List<ColumnSchema> columns) implements Outcome {}

        /** Nothing is at that location. */
        record NotFound(String reason) implements Outcome {}

        /** The source could not be asked (not configured, unreachable, not allowed). */
        record Unavailable(String reason) implements Outcome {}
    }
}
