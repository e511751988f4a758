package dev.agora.catalog;

/**
 * One column of an output port's schema: its name, type, description, whether it holds personal data, whether it
 * may be null, and whether it is part of the port's primary key. A contract promises all six to consumers.
 */
public record ColumnSchema(String name, String type, String description, boolean pii, boolean nullable,
        boolean primaryKey) {

    public ColumnSchema {
        description = description == null ? "" : description.strip();
    }

    /** A nullable column outside the primary key: what a column is when nothing else is said of it. */
    public ColumnSchema(String name, String type, String description, boolean pii) {
        this(name, type, description, pii, true, false);
    }

    public boolean isDescribed() {
        return !description.isBlank();
    }
}
