package dev.agora.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A PostgreSQL name of one or two parts ({@code schema} or {@code schema.table}) in PostgreSQL's own syntax:
 * unquoted identifiers fold to lower case, quoted ones ({@code "Order Items"}, {@code "a.b"}, {@code "say ""hi"""})
 * keep their case, spaces and dots. The one parser and quoter for catalog, grants and identity.
 */
public record PostgresName(String schema, String table) {

    private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated, so Agora refuses them. */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    public PostgresName {
        if (schema == null || schema.isEmpty()) {
            throw new IllegalArgumentException("a PostgreSQL name needs a schema");
        }
        if (table != null && table.isEmpty()) {
            throw new IllegalArgumentException("an empty table name");
        }
    }

    /** The name parsed, or why it is not one; at most {@code maxParts} (1 or 2) dot-separated identifiers. */
    public static Parsed parse(String text, int maxParts) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, "is empty");
        }
        String value = text.strip();
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i >= value.length()) {
                return new Parsed(null, "ends with a dot");
            }
            StringBuilder part = new StringBuilder();
            if (value.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < value.length()) {
                    char c = value.charAt(i);
                    if (c == '"') {
                        if (i + 1 < value.length() && value.charAt(i + 1) == '"') {
                            part.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    if (Character.isISOControl(c)) {
                        return new Parsed(null, "contains a control character");
                    }
                    part.append(c);
                    i++;
                }
                if (!closed) {
                    return new Parsed(null, "has a quote that is not closed");
                }
                if (part.isEmpty()) {
                    return new Parsed(null, "has an empty quoted identifier \"\"");
                }
            } else {
                int start = i;
                while (i < value.length() && value.charAt(i) != '.') {
                    i++;
                }
                String word = value.substring(start, i);
                if (!UNQUOTED.matcher(word).matches()) {
                    return new Parsed(null, "has '" + word + "', which PostgreSQL accepts only in double quotes");
                }
                part.append(word.toLowerCase(Locale.ROOT));
            }
            if (part.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
                return new Parsed(null, "has an identifier longer than " + MAX_IDENTIFIER_BYTES + " bytes");
            }
            parts.add(part.toString());
            if (i == value.length()) {
                break;
            }
            if (value.charAt(i) != '.') {
                return new Parsed(null, "needs a dot between identifiers");
            }
            i++;
        }
        if (parts.size() > maxParts) {
            return new Parsed(null, "has more than " + maxParts + " parts");
        }
        return new Parsed(new PostgresName(parts.get(0), parts.size() > 1 ? parts.get(1) : null), null);
    }

    /** The name, or IllegalArgumentException: for names Agora checked before it stored them. */
    public static PostgresName of(String text) {
        Parsed parsed = parse(text, 2);
        if (parsed.name() == null) {
            throw new IllegalArgumentException("not a PostgreSQL name (" + parsed.problem() + "): " + text);
        }
        return parsed.name();
    }

    /** A parse result: the name, or a problem such as "has a quote that is not closed". */
    public record Parsed(PostgresName name, String problem) {
        public Optional<PostgresName> value() {
            return Optional.ofNullable(name);
        }
    }

    public boolean isSchema() {
        return table == null;
    }

    /** The schema alone, for a table's name. */
    public PostgresName schemaName() {
        return new PostgresName(schema, null);
    }

    /** Always quoted, for SQL: {@code "lake"."Order Items"}. */
    public String quoted() {
        return table == null ? quote(schema) : quote(schema) + "." + quote(table);
    }

    /** Quoted only where PostgreSQL needs it, for people and as a stable key: {@code lake."Order Items"}. */
    @Override
    public String toString() {
        return table == null ? display(schema) : display(schema) + "." + display(table);
    }

    /** A quoted identifier: double quotes around, inner quotes doubled. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String display(String identifier) {
        return PLAIN.matcher(identifier).matches() ? identifier : quote(identifier);
    }

    /**
     * Why Agora never grants in this schema, whatever is registered: PostgreSQL's own catalogs and the schemas
     * of temporary and TOAST tables.
     */
    public static Optional<String> systemSchema(String schema) {
        String lower = schema.toLowerCase(Locale.ROOT);
        // pg_catalog, pg_toast, pg_temp_N, pg_toast_temp_N: PostgreSQL reserves every pg_ schema for itself
        if (lower.startsWith("pg_") || lower.equals("information_schema")) {
            return Optional.of("schema " + display(schema) + " is PostgreSQL's own and is never granted");
        }
        return Optional.empty();
    }
}
