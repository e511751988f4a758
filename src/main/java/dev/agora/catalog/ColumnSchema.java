package dev.agora.catalog;

/** One column of an output port's schema. */
public record ColumnSchema(String name, String type, String description, boolean pii) {

    public ColumnSchema {
        description = description == null ? "" : description.strip();
    }

    public boolean isDescribed() {
        return !description.isBlank();
    }
}
