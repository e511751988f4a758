package dev.agora.catalog.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.catalog.PortType;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.quality.RuleResult.Outcome;
import dev.agora.platform.Refusal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A custom check is the producer's SQL, and on the demo default the lake is Agora's own database, password hashes
 * included. Whatever the query tries, it reads only its port's table, writes nothing and stops at the timeout;
 * what it cannot do ends as an ERROR result, never as data.
 */
@QuarkusTest
class CustomChecksReadOnlyTheirPortSpec {

    @Inject
    QualityChecks checks;

    @Inject
    AgroalDataSource database;

    @BeforeEach
    void lake() {
        QualitySpecLake.ensure();
    }

    private RuleResult custom(String sql) {
        return checks.checkNow("sales-analytics", PortType.POSTGRES_TABLE, QualitySpecLake.ORDERS,
                new QualityRule.CustomSql("hostile", "", sql), "olivia");
    }

    private static void assertRefusedRead(RuleResult result) {
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.samples()).isEmpty();
        assertThat(result.observed()).isNull();
    }

    @Nested
    class Reading_outside_the_port {
        @Test
        void agoras_accounts_are_refused() {
            RuleResult result = custom("SELECT username, password_hash FROM public.users");
            assertRefusedRead(result);
            assertThat(result.detail()).startsWith("the check may read only the port's own table: ")
                    .contains("permission denied for table users");
        }

        @Test
        void another_teams_table_is_refused() {
            RuleResult result = custom("SELECT * FROM " + QualitySpecLake.SECRETS);
            assertRefusedRead(result);
            assertThat(result.detail()).contains("permission denied for schema quality_spec_marketing");
        }

        @Test
        void a_table_beside_the_port_in_the_same_schema_is_refused() {
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS quality_spec.beside (secret text)");
            } catch (java.sql.SQLException failed) {
                throw new IllegalStateException(failed);
            }
            RuleResult result = custom("SELECT * FROM quality_spec.beside");
            assertRefusedRead(result);
            assertThat(result.detail()).contains("permission denied for table beside");
        }

        @Test
        void joining_the_port_with_another_table_is_refused() {
            assertRefusedRead(custom("SELECT o.* FROM quality_spec.orders o JOIN public.users u ON true"));
        }

        @Test
        void resetting_the_role_to_read_through_a_nested_query_is_refused() {
            // set_config('role', 'none') would lead back to Agora's own user, query_to_xml runs a query of its own
            RuleResult result = custom("""
                    SELECT set_config('role', 'none', true), query_to_xml('SELECT * FROM public.users', true, false, '')
                      FROM quality_spec.orders""");
            assertRefusedRead(result);
            assertThat(result.detail()).contains("cannot set parameter \"role\" within security-definer function");
        }

        @Test
        void taking_the_session_authorization_is_refused() {
            assertRefusedRead(custom("""
                    SELECT set_config('session_authorization', current_setting('is_superuser'), true)
                      FROM quality_spec.orders"""));
        }

        @Test
        void reading_server_files_is_refused() {
            assertRefusedRead(custom("SELECT pg_read_file('postgresql.conf') FROM quality_spec.orders"));
        }

        @Test
        void breaking_out_of_the_wrapping_query_reads_nothing_more() {
            assertRefusedRead(custom("SELECT 1) AS x, (SELECT password_hash FROM public.users LIMIT 1) AS y --"));
        }
    }

    @Nested
    class Writing {
        @Test
        void a_data_modifying_query_is_refused_and_changes_nothing() throws Exception {
            RuleResult result = custom("WITH gone AS (DELETE FROM quality_spec.orders RETURNING *) SELECT * FROM gone");
            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM quality_spec.orders")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(4);
            }
        }
    }

    @Nested
    class Taking_too_long {
        @Test
        void is_cancelled_at_the_statement_timeout_as_an_error() {
            Instant start = Instant.now();
            RuleResult result = custom("SELECT pg_sleep(30) FROM quality_spec.orders");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(result.detail()).isEqualTo("the check ran longer than 2 s and was cancelled");
        }
    }

    @Nested
    class Who_may_check {
        @Test
        void marco_may_not_check_the_data_of_sales_analytics() {
            assertThatThrownBy(() -> checks.checkNow("sales-analytics", PortType.POSTGRES_TABLE,
                    QualitySpecLake.ORDERS, new QualityRule.RowCount("rows", "", 1L, null), "marco"))
                    .isInstanceOf(Refusal.class).hasMessageContaining("Only members of team 'sales-analytics'");
        }

        @Test
        void olivia_may_not_check_a_table_of_another_team() {
            assertThatThrownBy(() -> checks.checkNow("sales-analytics", PortType.POSTGRES_TABLE,
                    QualitySpecLake.SECRETS, new QualityRule.RowCount("rows", "", 1L, null), "olivia"))
                    .isInstanceOf(Refusal.class).hasMessageContaining("registered to team marketing-insights");
        }

        @Test
        void a_rule_the_contract_would_refuse_is_refused_before_it_runs() {
            assertThatThrownBy(() -> custom("DELETE FROM quality_spec.orders"))
                    .isInstanceOf(Refusal.class).hasMessageContaining("must be a SELECT query");
        }
    }
}
