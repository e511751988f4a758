package dev.agora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Locations of postgres-table ports are read as PostgreSQL reads identifiers. */
class PostgresNamesSpec {

    @Nested
    class Unquoted_names {

        @Test
        void fold_to_lower_case_as_postgresql_does() {
            PostgresName name = PostgresName.of("Lake.Orders");

            assertThat(name.schema()).isEqualTo("lake");
            assertThat(name.table()).isEqualTo("orders");
            assertThat(name).hasToString("lake.orders");
        }

        @Test
        void a_single_name_is_a_schema() {
            assertThat(PostgresName.of("lake").isSchema()).isTrue();
        }

        @Test
        void spaces_and_odd_characters_need_quotes() {
            assertThat(PostgresName.parse("lake.order items", 2).problem()).contains("double quotes");
            assertThat(PostgresName.parse("lake.orders;drop", 2).problem()).contains("double quotes");
        }
    }

    @Nested
    class Quoted_names {

        @Test
        void keep_their_case_spaces_and_dots() {
            PostgresName name = PostgresName.of("\"My Schema\".\"a.b\"");

            assertThat(name.schema()).isEqualTo("My Schema");
            assertThat(name.table()).isEqualTo("a.b");
        }

        @Test
        void are_quoted_for_sql_with_inner_quotes_doubled() {
            PostgresName name = PostgresName.of("lake.\"say \"\"hi\"\"\"");

            assertThat(name.table()).isEqualTo("say \"hi\"");
            assertThat(name.quoted()).isEqualTo("\"lake\".\"say \"\"hi\"\"\"");
        }

        @Test
        void are_shown_quoted_only_where_postgresql_needs_it() {
            assertThat(PostgresName.of("lake.\"Order Items\"")).hasToString("lake.\"Order Items\"");
            assertThat(PostgresName.of("\"lake\".\"orders\"")).hasToString("lake.orders");
        }

        @Test
        void must_be_closed_and_not_empty() {
            assertThat(PostgresName.parse("lake.\"Order Items", 2).problem()).contains("not closed");
            assertThat(PostgresName.parse("lake.\"\"", 2).problem()).contains("empty");
        }
    }

    @Test
    void more_parts_than_allowed_are_refused() {
        assertThat(PostgresName.parse("db.lake.orders", 2).value()).isEmpty();
        assertThat(PostgresName.parse("lake.orders", 1).value()).isEmpty();
    }

    @Test
    void postgresqls_own_schemas_are_never_granted() {
        assertThat(PostgresName.systemSchema("pg_catalog")).isPresent();
        assertThat(PostgresName.systemSchema("information_schema")).isPresent();
        assertThat(PostgresName.systemSchema("pg_toast")).isPresent();
        assertThat(PostgresName.systemSchema("pg_temp_3")).isPresent();
        assertThat(PostgresName.systemSchema("pg_toast_temp_3")).isPresent();
        assertThat(PostgresName.systemSchema("lake")).isEmpty();
    }
}
