package dev.agora.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.SchemaCompatibility.Assessment;
import dev.agora.catalog.SchemaCompatibility.Difference;
import dev.agora.catalog.SchemaCompatibility.Kind;
import dev.agora.catalog.SchemaCompatibility.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a schema change means to consumers, row by row: the port's columns before, after, and the one difference it
 * is, with its kind and verdict. Compatible: a nullable column added, a type widened, NOT NULL relaxed, a
 * description or PII marking changed, a port added. Breaking: everything a consumer's query or code may trip over.
 */
class SchemaCompatibilitySpec {

    // --- the table ------------------------------------------------------------------------------------------

    static Stream<Arguments> changes() {
        return Stream.of(
                row("a column added as nullable",
                        List.of(col("id", "integer")),
                        List.of(col("id", "integer"), col("channel", "text")),
                        Kind.COLUMN_ADDED, Verdict.COMPATIBLE),
                row("a column added as NOT NULL",
                        List.of(col("id", "integer")),
                        List.of(col("id", "integer"), notNull(col("channel", "text"))),
                        Kind.COLUMN_ADDED, Verdict.BREAKING),
                row("a column removed",
                        List.of(col("id", "integer"), col("fax", "text")),
                        List.of(col("id", "integer")),
                        Kind.COLUMN_REMOVED, Verdict.BREAKING),
                row("a column renamed (same type, same place)",
                        List.of(col("id", "integer"), col("amount", "numeric(10,2)")),
                        List.of(col("id", "integer"), col("total", "numeric(10,2)")),
                        Kind.COLUMN_RENAMED, Verdict.BREAKING),
                row("integer widened to bigint",
                        List.of(col("id", "integer")), List.of(col("id", "bigint")),
                        Kind.TYPE_CHANGED, Verdict.COMPATIBLE),
                row("varchar(10) widened to varchar(20)",
                        List.of(col("code", "character varying(10)")), List.of(col("code", "character varying(20)")),
                        Kind.TYPE_CHANGED, Verdict.COMPATIBLE),
                row("varchar(10) widened to text",
                        List.of(col("code", "varchar(10)")), List.of(col("code", "text")),
                        Kind.TYPE_CHANGED, Verdict.COMPATIBLE),
                row("numeric(10,2) widened to numeric(12,2)",
                        List.of(col("amount", "numeric(10,2)")), List.of(col("amount", "numeric(12,2)")),
                        Kind.TYPE_CHANGED, Verdict.COMPATIBLE),
                row("numeric(10,2) narrowed to numeric(10,3) (fewer digits before the point)",
                        List.of(col("amount", "numeric(10,2)")), List.of(col("amount", "numeric(10,3)")),
                        Kind.TYPE_CHANGED, Verdict.BREAKING),
                row("varchar(20) narrowed to varchar(10)",
                        List.of(col("code", "varchar(20)")), List.of(col("code", "varchar(10)")),
                        Kind.TYPE_CHANGED, Verdict.BREAKING),
                row("bigint narrowed to integer",
                        List.of(col("id", "bigint")), List.of(col("id", "integer")),
                        Kind.TYPE_CHANGED, Verdict.BREAKING),
                row("text changed to integer",
                        List.of(col("code", "text")), List.of(col("code", "integer")),
                        Kind.TYPE_CHANGED, Verdict.BREAKING),
                row("timestamp changed to timestamptz (same digits, another meaning)",
                        List.of(col("at", "timestamp without time zone")),
                        List.of(col("at", "timestamp with time zone")),
                        Kind.TYPE_CHANGED, Verdict.BREAKING),
                row("nullable made NOT NULL",
                        List.of(col("email", "text")), List.of(notNull(col("email", "text"))),
                        Kind.NULLABILITY_CHANGED, Verdict.BREAKING),
                row("NOT NULL made nullable",
                        List.of(notNull(col("email", "text"))), List.of(col("email", "text")),
                        Kind.NULLABILITY_CHANGED, Verdict.COMPATIBLE),
                row("a column added to the primary key",
                        List.of(key(col("id", "integer")), notNull(col("code", "text"))),
                        List.of(key(col("id", "integer")), key(col("code", "text"))),
                        Kind.PRIMARY_KEY_CHANGED, Verdict.BREAKING),
                row("a column taken out of the primary key",
                        List.of(key(col("id", "integer")), key(col("code", "text"))),
                        List.of(key(col("id", "integer")), notNull(col("code", "text"))),
                        Kind.PRIMARY_KEY_CHANGED, Verdict.BREAKING),
                row("a description reworded",
                        List.of(col("id", "integer", "The key")), List.of(col("id", "integer", "The order's key")),
                        Kind.DESCRIPTION_CHANGED, Verdict.COMPATIBLE),
                row("a column marked as personal data",
                        List.of(col("email", "text")), List.of(pii(col("email", "text"))),
                        Kind.PII_CHANGED, Verdict.COMPATIBLE),
                // Glue (Hive) names
                row("Glue int widened to bigint",
                        List.of(col("id", "int")), List.of(col("id", "bigint")),
                        Kind.TYPE_CHANGED, Verdict.COMPATIBLE),
                row("Glue decimal(10,2) widened to decimal(12,2)",
                        List.of(col("amount", "decimal(10,2)")), List.of(col("amount", "decimal(12,2)")),
                        Kind.TYPE_CHANGED, Verdict.COMPATIBLE),
                row("Glue varchar(10) widened to string",
                        List.of(col("code", "varchar(10)")), List.of(col("code", "string")),
                        Kind.TYPE_CHANGED, Verdict.COMPATIBLE),
                row("Glue bigint narrowed to int",
                        List.of(col("id", "bigint")), List.of(col("id", "int")),
                        Kind.TYPE_CHANGED, Verdict.BREAKING),
                row("Glue string changed to int",
                        List.of(col("code", "string")), List.of(col("code", "int")),
                        Kind.TYPE_CHANGED, Verdict.BREAKING),
                row("Glue double widened from float",
                        List.of(col("ratio", "float")), List.of(col("ratio", "double")),
                        Kind.TYPE_CHANGED, Verdict.COMPATIBLE));
    }

    @ParameterizedTest(name = "{0}: {3}, {4}")
    @MethodSource("changes")
    void each_change_has_one_difference_of_its_kind_and_verdict(String change, List<ColumnSchema> before,
            List<ColumnSchema> after, Kind kind, Verdict verdict) {
        Assessment assessment = SchemaCompatibility.assess(Map.of("orders", before), Map.of("orders", after));

        assertThat(assessment.differences()).as(change).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(kind);
            assertThat(difference.verdict()).isEqualTo(verdict);
            assertThat(difference.port()).isEqualTo("orders");
        });
        assertThat(assessment.isBreaking()).isEqualTo(verdict == Verdict.BREAKING);
    }

    // --- beyond single rows ---------------------------------------------------------------------------------

    @Nested
    class Ports {

        @Test
        void a_port_added_is_compatible_and_a_port_removed_is_breaking() {
            Map<String, List<ColumnSchema>> one = ports("orders", List.of(col("id", "integer")));
            Map<String, List<ColumnSchema>> two = ports("orders", List.of(col("id", "integer")),
                    "totals", List.of(col("day", "date")));

            assertThat(SchemaCompatibility.assess(one, two).differences()).singleElement()
                    .extracting(Difference::kind, Difference::verdict)
                    .containsExactly(Kind.PORT_ADDED, Verdict.COMPATIBLE);
            assertThat(SchemaCompatibility.assess(two, one).differences()).singleElement()
                    .extracting(Difference::kind, Difference::verdict)
                    .containsExactly(Kind.PORT_REMOVED, Verdict.BREAKING);
        }
    }

    @Nested
    class PrimaryKeys {

        @Test
        void a_primary_key_moved_to_another_column_breaks_on_both_columns() {
            Assessment assessment = SchemaCompatibility.assess(
                    Map.of("orders", List.of(key(col("id", "integer")), notNull(col("code", "text")))),
                    Map.of("orders", List.of(notNull(col("id", "integer")), key(col("code", "text")))));

            assertThat(assessment.differences()).extracting(Difference::column, Difference::kind, Difference::verdict)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("id", Kind.PRIMARY_KEY_CHANGED, Verdict.BREAKING),
                            org.assertj.core.groups.Tuple.tuple("code", Kind.PRIMARY_KEY_CHANGED, Verdict.BREAKING));
        }
    }

    @Nested
    class Spellings {

        @Test
        void the_same_type_spelled_by_postgresql_and_by_a_producer_is_no_change() {
            Assessment assessment = SchemaCompatibility.assess(
                    Map.of("orders", List.of(col("id", "int4"), col("code", "character varying(10)"),
                            col("at", "timestamp without time zone"), col("amount", "DECIMAL(10, 2)"))),
                    Map.of("orders", List.of(col("id", "integer"), col("code", "varchar(10)"),
                            col("at", "timestamp"), col("amount", "numeric(10,2)"))));

            assertThat(assessment.differences()).isEmpty();
        }

        @Test
        void nothing_changed_is_an_empty_assessment() {
            List<ColumnSchema> columns = List.of(key(col("id", "bigint")), col("amount", "numeric(12,2)"));

            assertThat(SchemaCompatibility.assess(Map.of("orders", columns), Map.of("orders", columns)).isEmpty())
                    .isTrue();
        }
    }

    @Nested
    class Changelogs {

        @Test
        void a_mixed_change_is_breaking_and_its_changelog_has_a_line_per_difference() {
            Assessment assessment = SchemaCompatibility.assess(
                    Map.of("orders", List.of(col("id", "integer"), col("fax", "text"))),
                    Map.of("orders", List.of(col("id", "bigint"), col("channel", "text", "Where from"),
                            col("note", "text"))));

            assertThat(assessment.isBreaking()).isTrue();
            assertThat(assessment.breaking()).extracting(Difference::kind).containsExactly(Kind.COLUMN_RENAMED);
            assertThat(assessment.changelog().lines()).containsExactly(
                    "orders.fax: column renamed from fax to channel (queries naming the old column fail)",
                    "orders.note: column added (text) (added as nullable)",
                    "orders.id: type changed integer → bigint (widened)");
        }
    }

    // --- builders -------------------------------------------------------------------------------------------

    private static Arguments row(String change, List<ColumnSchema> before, List<ColumnSchema> after, Kind kind,
            Verdict verdict) {
        return Arguments.of(change, before, after, kind, verdict);
    }

    private static ColumnSchema col(String name, String type) {
        return col(name, type, "");
    }

    private static ColumnSchema col(String name, String type, String description) {
        return new ColumnSchema(name, type, description, false, true, false);
    }

    private static ColumnSchema notNull(ColumnSchema column) {
        return new ColumnSchema(column.name(), column.type(), column.description(), column.pii(), false,
                column.primaryKey());
    }

    private static ColumnSchema key(ColumnSchema column) {
        return new ColumnSchema(column.name(), column.type(), column.description(), column.pii(), false, true);
    }

    private static ColumnSchema pii(ColumnSchema column) {
        return new ColumnSchema(column.name(), column.type(), column.description(), true, column.nullable(),
                column.primaryKey());
    }

    private static Map<String, List<ColumnSchema>> ports(Object... namesAndColumns) {
        Map<String, List<ColumnSchema>> ports = new LinkedHashMap<>();
        for (int i = 0; i < namesAndColumns.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<ColumnSchema> columns = (List<ColumnSchema>) namesAndColumns[i + 1];
            ports.put((String) namesAndColumns[i], columns);
        }
        return ports;
    }
}
