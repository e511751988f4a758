package dev.agora.identity;

import dev.agora.platform.PostgresName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of physical data a team can own, named as port types are ("postgres-table"), with the form of a
 * registered location and which registered locations contain a port's location.
 */
public enum LocationType {
    /** a schema ({@code lake}) or one table ({@code lake.orders}, {@code lake."Order Items"}) */
    POSTGRES_TABLE("postgres-table", "a schema or schema.table, such as lake or lake.orders"),
    /** a Glue database ({@code sales}) or one table ({@code sales/orders} or {@code sales.orders}) */
    GLUE_TABLE("glue-table", "a Glue database or database/table, such as sales or sales/orders"),
    /** an S3 prefix: everything at or below it, on path-segment boundaries */
    S3_PREFIX("s3-prefix", "an S3 prefix such as s3://bucket/prefix/"),
    /** one stream, by name or ARN */
    KINESIS_STREAM("kinesis-stream", "a stream name or a Kinesis stream ARN");

    private static final Pattern GLUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern S3 = Pattern.compile("^s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(/.*)?$");
    private static final Pattern STREAM = Pattern.compile("^(arn:aws[a-z-]*:kinesis:[a-z0-9-]+:\\d{12}:stream/)?"
            + "([A-Za-z0-9_.-]{1,128})$");

    private final String wireName;
    private final String form;

    LocationType(String wireName, String form) {
        this.wireName = wireName;
        this.form = form;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<LocationType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equalsIgnoreCase(wireName)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(LocationType::wireName).toList());
    }

    /**
     * The canonical form of a registered location, which the uniqueness rule compares (PostgreSQL names folded
     * as PostgreSQL folds them, S3 prefixes ending in '/'), or empty when the location does not fit the type.
     */
    public Optional<String> key(String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        String value = location.strip();
        return switch (this) {
            case POSTGRES_TABLE -> PostgresName.parse(value, 2).value().map(PostgresName::toString);
            case GLUE_TABLE -> glueParts(value).map(parts -> String.join("/", parts));
            // no empty, "." or ".." segments: a prefix means the same to Agora as to S3 and Lake Formation
            case S3_PREFIX -> S3.matcher(value).matches() && value.indexOf("//", 5) < 0
                    && !(value + "/").contains("/./") && !(value + "/").contains("/../")
                    ? Optional.of(value.endsWith("/") ? value : value + "/") : Optional.empty();
            case KINESIS_STREAM -> STREAM.matcher(value).matches() ? Optional.of(value) : Optional.empty();
        };
    }

    /** Why a location does not fit the type, for a field error. */
    public String form() {
        return "must be " + form;
    }

    /**
     * The keys of every registered location that would contain this port location, the most specific first
     * (a table before its schema); empty when the port location does not fit the type.
     */
    public List<String> enclosingKeys(String portLocation) {
        List<String> keys = new ArrayList<>();
        if (portLocation == null || portLocation.isBlank()) {
            return keys;
        }
        String value = portLocation.strip();
        switch (this) {
            case POSTGRES_TABLE -> PostgresName.parse(value, 2).value().ifPresent(name -> {
                PostgresName table = name.isSchema() ? new PostgresName("public", name.schema()) : name;
                keys.add(table.toString());
                keys.add(table.schemaName().toString());
            });
            case GLUE_TABLE -> glueParts(value).ifPresent(parts -> {
                keys.add(String.join("/", parts));
                if (parts.size() == 2) {
                    keys.add(parts.get(0));
                }
            });
            case S3_PREFIX -> key(value).ifPresent(prefix -> {
                // s3://bucket/a/b/ lies inside s3://bucket/a/b/, s3://bucket/a/ and s3://bucket/
                for (int end = prefix.length(); end > "s3://".length(); end = prefix.lastIndexOf('/', end - 2) + 1) {
                    keys.add(prefix.substring(0, end));
                }
            });
            case KINESIS_STREAM -> key(value).ifPresent(stream -> keys.add(stream));
        }
        return keys;
    }

    private static Optional<List<String>> glueParts(String value) {
        int slash = value.indexOf('/');
        int separator = slash >= 0 ? slash : value.indexOf('.');
        List<String> parts = separator < 0 ? List.of(value)
                : List.of(value.substring(0, separator), value.substring(separator + 1));
        if (parts.stream().allMatch(part -> GLUE_NAME.matcher(part).matches())) {
            return Optional.of(parts.stream().map(part -> part.toLowerCase(Locale.ROOT)).toList());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
