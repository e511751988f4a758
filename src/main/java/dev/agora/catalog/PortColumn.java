package dev.agora.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A column as stored with its port. */
@Embeddable
public class PortColumn {

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private boolean pii;

    @Column(name = "nullable", nullable = false)
    private boolean nullableValues = true;

    @Column(name = "primary_key", nullable = false)
    private boolean primaryKey;

    protected PortColumn() {
        // for JPA
    }

    PortColumn(ColumnSchema schema) {
        this.name = schema.name();
        this.type = schema.type();
        this.description = schema.description();
        this.pii = schema.pii();
        this.nullableValues = schema.nullable();
        this.primaryKey = schema.primaryKey();
    }

    public ColumnSchema toSchema() {
        return new ColumnSchema(name, type, description, pii, nullableValues, primaryKey);
    }
}
