package dev.agora.catalog;

import dev.agora.platform.PostgresName;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How each port type writes its location, and the parts Agora reads from it. */
public final class PortLocation {

    private static final Pattern GLUE = Pattern.compile("^([A-Za-z0-9_-]{1,255})[./]([A-Za-z0-9_-]{1,255})$");
    private static final Pattern S3 = Pattern.compile("^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$");
    private static final Pattern STREAM = Pattern.compile("^(arn:aws[a-z-]*:kinesis:[a-z0-9-]+:\\d{12}:stream/)?"
            + "[A-Za-z0-9_.-]{1,128}$");

    /** A schema-qualified table name. */
    public record TableName(String schema, String table) {
        @Override
        public String toString() {
            return schema + "." + table;
        }
    }

    private PortLocation() {
    }

    /** Why a location does not fit its port type, if it does not. */
    static Optional<String> problem(PortType type, String location) {
        String value = location.strip();
        return switch (type) {
            case POSTGRES_TABLE -> PostgresName.parse(value, 2).value().isPresent() ? Optional.empty()
                    : Optional.of("must be a table as schema.table, such as lake.orders or lake.\"Order Items\" ("
                            + PostgresName.parse(value, 2).problem() + ")");
            case GLUE_TABLE -> GLUE.matcher(value).matches() ? Optional.empty()
                    : Optional.of("must be a Glue table as database/table, such as sales/orders");
            case S3_PREFIX -> S3.matcher(value).matches() ? Optional.empty()
                    : Optional.of("must be an S3 URI such as s3://bucket/prefix/");
            case KINESIS_STREAM -> STREAM.matcher(value).matches() ? Optional.empty()
                    : Optional.of("must be a stream name or a Kinesis stream ARN");
        };
    }

    /** The table of a postgres-table port, in PostgreSQL's syntax; a name without schema is in "public". */
    public static TableName postgresTable(String location) {
        PostgresName name = PostgresName.of(location);
        return name.isSchema() ? new TableName("public", name.schema()) : new TableName(name.schema(), name.table());
    }

    /** The database and table of a glue-table port. */
    public static TableName glueTable(String location) {
        Matcher matcher = GLUE.matcher(location.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a Glue table: " + location);
        }
        return new TableName(matcher.group(1), matcher.group(2));
    }
}
