package dev.agora.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a change of a product's schema keeps its consumers working. Compatible: a column added as nullable, a
 * description or PII flag changed, a type widened, a NOT NULL column made nullable. Breaking: a column removed or
 * renamed, a type narrowed or changed, a column added as NOT NULL, nullable made NOT NULL, the primary key changed.
 * The one place this is decided: the contract upload and the schema watch both ask here.
 */
public final class SchemaCompatibility {

    public enum Verdict { COMPATIBLE, BREAKING }

    /** What kind of difference it is. */
    public enum Kind {
        COLUMN_ADDED, COLUMN_REMOVED, COLUMN_RENAMED, TYPE_CHANGED, NULLABILITY_CHANGED, PRIMARY_KEY_CHANGED,
        DESCRIPTION_CHANGED, PII_CHANGED, PORT_ADDED, PORT_REMOVED
    }

    /** One difference, with what it was and what it is (null where there is none), and why it has its verdict. */
    public record Difference(String port, String column, Kind kind, String from, String to, Verdict verdict,
            String reason) {

        public boolean isBreaking() {
            return verdict == Verdict.BREAKING;
        }

        /** One changelog line: "orders.amount: type numeric(10,2) → numeric(12,2) (widened)". */
        public String describe() {
            String where = column == null ? port : port + "." + column;
            String change = switch (kind) {
                case COLUMN_ADDED -> "column added (" + to + ")";
                case COLUMN_REMOVED -> "column removed (was " + from + ")";
                case COLUMN_RENAMED -> "column renamed from " + from + " to " + to;
                case PORT_ADDED -> "port added";
                case PORT_REMOVED -> "port removed";
                default -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + from + " → " + to;
            };
            return where + ": " + change + " (" + reason + ")";
        }
    }

    /** All differences of one comparison, in port and column order. */
    public record Assessment(List<Difference> differences) {

        public boolean isEmpty() {
            return differences.isEmpty();
        }

        public boolean isBreaking() {
            return differences.stream().anyMatch(Difference::isBreaking);
        }

        public List<Difference> breaking() {
            return differences.stream().filter(Difference::isBreaking).toList();
        }

        /** A changelog generated from the differences, one line each. */
        public String changelog() {
            return String.join("\n", differences.stream().map(Difference::describe).toList());
        }
    }

    private SchemaCompatibility() {
    }

    /** Compares two schemas given as columns by port name (ports matched by name, columns by name). */
    public static Assessment assess(Map<String, List<ColumnSchema>> before, Map<String, List<ColumnSchema>> after) {
        Set<String> ports = new LinkedHashSet<>(before.keySet());
        ports.addAll(after.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String port : ports) {
            if (!after.containsKey(port)) {
                differences.add(new Difference(port, null, Kind.PORT_REMOVED, port, null, Verdict.BREAKING,
                        "its consumers lose the port"));
                continue;
            }
            if (!before.containsKey(port)) {
                differences.add(new Difference(port, null, Kind.PORT_ADDED, null, port, Verdict.COMPATIBLE,
                        "nobody reads it yet"));
                continue;
            }
            differences.addAll(assessPort(port, before.get(port), after.get(port)));
        }
        return new Assessment(List.copyOf(differences));
    }

    private static List<Difference> assessPort(String port, List<ColumnSchema> before, List<ColumnSchema> after) {
        Map<String, ColumnSchema> was = byName(before);
        Map<String, ColumnSchema> now = byName(after);
        List<ColumnSchema> removed = new ArrayList<>(before.stream().filter(c -> !now.containsKey(c.name())).toList());
        List<ColumnSchema> added = new ArrayList<>(after.stream().filter(c -> !was.containsKey(c.name())).toList());
        List<Difference> differences = new ArrayList<>();
        // a column that left and one of the same type that arrived at the same place: most likely a rename
        for (ColumnSchema gone : List.copyOf(removed)) {
            Optional<ColumnSchema> arrived = added.stream()
                    .filter(c -> normalised(c.type()).equals(normalised(gone.type()))
                            && after.indexOf(c) == before.indexOf(gone))
                    .findFirst();
            if (arrived.isPresent()) {
                removed.remove(gone);
                added.remove(arrived.get());
                differences.add(new Difference(port, gone.name(), Kind.COLUMN_RENAMED, gone.name(),
                        arrived.get().name(), Verdict.BREAKING, "queries naming the old column fail"));
            }
        }
        for (ColumnSchema gone : removed) {
            differences.add(new Difference(port, gone.name(), Kind.COLUMN_REMOVED, gone.type(), null,
                    Verdict.BREAKING, "queries reading it fail"));
        }
        for (ColumnSchema arrived : added) {
            boolean fine = arrived.nullable() && !arrived.primaryKey();
            differences.add(new Difference(port, arrived.name(), Kind.COLUMN_ADDED, null,
                    arrived.type() + (arrived.nullable() ? "" : " not null"),
                    fine ? Verdict.COMPATIBLE : Verdict.BREAKING, fine ? "added as nullable"
                            : arrived.primaryKey() ? "the primary key changes" : "added as NOT NULL"));
        }
        for (ColumnSchema column : after) {
            ColumnSchema old = was.get(column.name());
            if (old != null) {
                differences.addAll(assessColumn(port, old, column));
            }
        }
        return differences;
    }

    private static List<Difference> assessColumn(String port, ColumnSchema old, ColumnSchema now) {
        List<Difference> differences = new ArrayList<>();
        String name = now.name();
        if (!normalised(old.type()).equals(normalised(now.type()))) {
            boolean widened = widens(old.type(), now.type());
            differences.add(new Difference(port, name, Kind.TYPE_CHANGED, old.type(), now.type(),
                    widened ? Verdict.COMPATIBLE : Verdict.BREAKING,
                    widened ? "widened" : "values may no longer fit or mean the same"));
        }
        if (old.nullable() != now.nullable()) {
            differences.add(new Difference(port, name, Kind.NULLABILITY_CHANGED, nullability(old), nullability(now),
                    now.nullable() ? Verdict.COMPATIBLE : Verdict.BREAKING,
                    now.nullable() ? "made nullable" : "nullable made NOT NULL"));
        }
        if (old.primaryKey() != now.primaryKey()) {
            differences.add(new Difference(port, name, Kind.PRIMARY_KEY_CHANGED, key(old), key(now),
                    Verdict.BREAKING, "the primary key changed"));
        }
        if (!old.description().equals(now.description())) {
            differences.add(new Difference(port, name, Kind.DESCRIPTION_CHANGED, quoted(old.description()),
                    quoted(now.description()), Verdict.COMPATIBLE, "documentation only"));
        }
        if (old.pii() != now.pii()) {
            differences.add(new Difference(port, name, Kind.PII_CHANGED, old.pii() ? "pii" : "not pii",
                    now.pii() ? "pii" : "not pii", Verdict.COMPATIBLE, "a marking, not the data"));
        }
        return differences;
    }

    // --- types ------------------------------------------------------------------------------------------------

    /** A type name (letters, digits and spaces: int4, double precision) with optional (precision[, scale]). */
    private static final Pattern PARAMETERS = Pattern.compile(
            "^([a-z][a-z0-9 ]*?)\\s*(?:\\((\\d{1,4})(?:\\s*,\\s*(\\d{1,4}))?\\))?$");

    /** Integer families from narrow to wide, in PostgreSQL's and Glue's (Hive's) names. */
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "integer", "bigint");
    private static final List<String> FLOATS = List.of("real", "double precision");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int2", "smallint"), Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("float", "real"), Map.entry("float4", "real"),
            Map.entry("float8", "double precision"), Map.entry("double", "double precision"),
            Map.entry("decimal", "numeric"), Map.entry("character varying", "varchar"),
            Map.entry("character", "char"), Map.entry("string", "text"), Map.entry("bool", "boolean"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"));

    private record Type(String base, Integer precision, Integer scale) {}

    private static Type parse(String type) {
        String text = type == null ? "" : type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher matcher = PARAMETERS.matcher(text);
        if (!matcher.matches()) {
            return new Type(text, null, null);
        }
        String base = ALIASES.getOrDefault(matcher.group(1), matcher.group(1));
        return new Type(base, matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2)),
                matcher.group(3) == null ? null : Integer.valueOf(matcher.group(3)));
    }

    private static String normalised(String type) {
        Type parsed = parse(type);
        return parsed.base() + (parsed.precision() == null ? "" : "(" + parsed.precision()
                + (parsed.scale() == null ? "" : "," + parsed.scale()) + ")");
    }

    /** Whether every value of the old type is a value of the new one, with the same meaning. */
    static boolean widens(String from, String to) {
        Type a = parse(from);
        Type b = parse(to);
        if (INTEGERS.contains(a.base()) && INTEGERS.contains(b.base())) {
            return INTEGERS.indexOf(b.base()) >= INTEGERS.indexOf(a.base());
        }
        if (INTEGERS.contains(a.base()) && b.base().equals("numeric")) {
            // numeric without precision holds any integer; with precision, enough digits before the point
            return b.precision() == null || b.precision() - (b.scale() == null ? 0 : b.scale()) >= digitsOf(a.base());
        }
        if (FLOATS.contains(a.base()) && FLOATS.contains(b.base())) {
            return FLOATS.indexOf(b.base()) >= FLOATS.indexOf(a.base());
        }
        if (a.base().equals("numeric") && b.base().equals("numeric")) {
            if (b.precision() == null) {
                return true;
            }
            if (a.precision() == null) {
                return false;
            }
            int aScale = a.scale() == null ? 0 : a.scale();
            int bScale = b.scale() == null ? 0 : b.scale();
            return bScale >= aScale && b.precision() - bScale >= a.precision() - aScale;
        }
        if ((a.base().equals("varchar") || a.base().equals("char")) && b.base().equals("varchar")) {
            return b.precision() == null || (a.precision() != null && b.precision() >= a.precision());
        }
        if ((a.base().equals("varchar") || a.base().equals("char")) && b.base().equals("text")) {
            return true;
        }
        if (a.base().equals("text") && b.base().equals("varchar") && b.precision() == null) {
            // PostgreSQL's text and varchar without a length hold the same values
            return true;
        }
        return false;
    }

    private static int digitsOf(String integer) {
        return switch (integer) {
            case "tinyint" -> 3;
            case "smallint" -> 5;
            case "integer" -> 10;
            default -> 19;
        };
    }

    private static Map<String, ColumnSchema> byName(List<ColumnSchema> columns) {
        Map<String, ColumnSchema> named = new LinkedHashMap<>();
        columns.forEach(column -> named.put(column.name(), column));
        return named;
    }

    private static String nullability(ColumnSchema column) {
        return column.nullable() ? "nullable" : "not null";
    }

    private static String key(ColumnSchema column) {
        return column.primaryKey() ? "in the primary key" : "not in the primary key";
    }

    private static String quoted(String text) {
        return "\"" + (text.length() > 80 ? text.substring(0, 77) + "…" : text) + "\"";
    }
}
