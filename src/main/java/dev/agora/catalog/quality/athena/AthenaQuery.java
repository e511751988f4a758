package dev.agora.catalog.quality.athena;

import dev.agora.catalog.PortLocation;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One Athena (Trino) query and the values of its {@code ?} placeholders, sent as {@code ExecutionParameters}.
 * Athena puts each parameter into the query as SQL text, so every parameter is itself a literal built here: a
 * string quoted with its quotes doubled, a number in plain digits. Identifiers are checked and double-quoted.
 */
record AthenaQuery(String sql, List<String> parameters) {

    /** Athena's own names are lower-case letters, digits and underscores; Glue also allows dashes and capitals. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    AthenaQuery {
        parameters = List.copyOf(parameters);
    }

    static AthenaQuery of(String sql, List<String> parameters) {
        return new AthenaQuery(sql, parameters);
    }

    /** A name quoted for Trino; refused (IllegalArgumentException with a reason) when it is not a plain name. */
    static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("the name '" + name + "' cannot be used in an Athena query: Athena "
                    + "names are letters, digits, '_' and '-'");
        }
        return "\"" + name + "\"";
    }

    static String table(PortLocation.TableName name) {
        return identifier(name.schema()) + "." + identifier(name.table());
    }

    static String columns(List<String> names) {
        return names.stream().map(AthenaQuery::identifier).collect(Collectors.joining(", "));
    }

    /** A varchar literal: the value between single quotes, each quote in it doubled (control characters refused). */
    static String text(String value) {
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw new IllegalArgumentException("the value '" + value.replaceAll("\\p{Cntrl}", "?")
                    + "' contains control characters Agora does not send to Athena");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** A number literal in plain digits (no exponent), which Trino reads as a decimal or an integer. */
    static String number(BigDecimal value) {
        return value.toPlainString();
    }

    /** Placeholders for n parameters: "?, ?, ?". */
    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
