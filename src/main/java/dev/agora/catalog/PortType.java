package dev.agora.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What kind of thing an output port is; the grant engine and the schema harvester are chosen by it. */
public enum PortType {
    POSTGRES_TABLE("postgres-table"),
    GLUE_TABLE("glue-table"),
    S3_PREFIX("s3-prefix"),
    KINESIS_STREAM("kinesis-stream");

    private final String wireName;

    PortType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the API and the database: "postgres-table". */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static PortType fromWireName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equalsIgnoreCase(name) || type.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.toString(values())));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
