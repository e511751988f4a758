package dev.agora.catalog.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.PortType;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.quality.RuleResult.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every kind of quality rule, checked against a real table of the lake (QualitySpecLake: four orders, order 2
 * twice, three without coupon, one refunded at -5, the newest updated two hours ago), once passing, once failing.
 */
@QuarkusTest
class EachRuleKindAgainstRealTablesSpec {

    @Inject
    QualityChecks checks;

    @BeforeEach
    void lake() {
        QualitySpecLake.ensure();
    }

    private RuleResult check(QualityRule rule) {
        return checks.checkNow("sales-analytics", PortType.POSTGRES_TABLE, QualitySpecLake.ORDERS, rule, "olivia");
    }

    @Nested
    class A_row_count {
        @Test
        void passes_within_its_bounds() {
            RuleResult result = check(new QualityRule.RowCount("rows", "", 1L, 10L));
            assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(result.observed()).isEqualTo("4 rows");
        }

        @Test
        void fails_below_its_minimum() {
            RuleResult result = check(new QualityRule.RowCount("rows", "", 5L, null));
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.detail()).isEqualTo("expected at least 5 rows");
        }
    }

    @Nested
    class A_null_rate {
        @Test
        void passes_at_or_below_its_maximum() {
            RuleResult result = check(new QualityRule.NullRate("coupons", "", "coupon", new BigDecimal("75")));
            assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(result.observed()).isEqualTo("75.00 % (3 of 4 rows)");
        }

        @Test
        void fails_above_its_maximum() {
            assertThat(check(new QualityRule.NullRate("coupons", "", "coupon", new BigDecimal("50"))).outcome())
                    .isEqualTo(Outcome.FAILED);
        }
    }

    @Nested
    class Uniqueness {
        @Test
        void of_several_columns_passes_when_no_key_repeats() {
            RuleResult result = check(new QualityRule.Unique("key", "", List.of("order_id", "status")));
            assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(result.observed()).isEqualTo("0 duplicated keys");
        }

        @Test
        void of_one_column_fails_with_the_count_of_duplicated_keys() {
            RuleResult result = check(new QualityRule.Unique("key", "", List.of("order_id")));
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.observed()).isEqualTo("1 duplicated keys");
        }
    }

    @Nested
    class Accepted_values {
        @Test
        void pass_when_every_value_is_listed() {
            assertThat(check(new QualityRule.AcceptedValues("status", "", "status", List.of("paid", "refunded")))
                    .outcome()).isEqualTo(Outcome.PASSED);
        }

        @Test
        void fail_with_the_count_of_other_values_and_samples_of_them() {
            RuleResult result = check(new QualityRule.AcceptedValues("status", "", "status", List.of("paid")));
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.observed()).isEqualTo("1 rows with other values");
            assertThat(result.samples()).containsExactly("refunded");
        }

        @Test
        void are_values_not_sql() {
            RuleResult result = check(new QualityRule.AcceptedValues("status", "", "status",
                    List.of("paid', 'refunded")));
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.observed()).isEqualTo("4 rows with other values");
        }
    }

    @Nested
    class A_range {
        @Test
        void passes_when_every_value_lies_within() {
            assertThat(check(new QualityRule.ValueRange("amount", "", "amount", new BigDecimal("-10"),
                    new BigDecimal("100"))).outcome()).isEqualTo(Outcome.PASSED);
        }

        @Test
        void fails_with_the_count_outside() {
            RuleResult result = check(new QualityRule.ValueRange("amount", "", "amount", BigDecimal.ZERO, null));
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.observed()).isEqualTo("1 rows outside");
        }
    }

    @Nested
    class Freshness {
        @Test
        void passes_when_the_newest_value_is_young_enough() {
            RuleResult result = check(new QualityRule.Freshness("fresh", "", "updated_at", Duration.ofHours(3)));
            assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(result.observed()).contains("(2 hours old)");
        }

        @Test
        void fails_when_the_newest_value_is_older_than_allowed() {
            assertThat(check(new QualityRule.Freshness("fresh", "", "updated_at", Duration.ofHours(1))).outcome())
                    .isEqualTo(Outcome.FAILED);
        }
    }

    @Nested
    class Custom_sql {
        @Test
        void passes_when_the_query_finds_no_rows() {
            RuleResult result = check(new QualityRule.CustomSql("no-huge", "",
                    "SELECT * FROM quality_spec.orders WHERE amount > 1000;"));
            assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(result.observed()).isEqualTo("0 offending rows");
        }

        @Test
        void fails_with_the_count_and_a_few_sample_rows() {
            RuleResult result = check(new QualityRule.CustomSql("no-negative", "",
                    "select order_id, amount from quality_spec.orders where amount < 0 -- refunds are separate"));
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.observed()).isEqualTo("1 offending rows");
            assertThat(result.samples()).containsExactly("{\"order_id\":2,\"amount\":-5}");
        }
    }

    @Test
    void a_rule_on_a_column_the_table_no_longer_has_gives_an_error_not_a_verdict() {
        try (var connection = io.quarkus.arc.Arc.container().instance(io.agroal.api.AgroalDataSource.class).get()
                .getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS quality_spec.shrinking (id int)");
        } catch (java.sql.SQLException failed) {
            throw new IllegalStateException(failed);
        }
        QualityProbe probe = io.quarkus.arc.Arc.container().select(QualityProbe.class).stream()
                .filter(p -> p.portType() == PortType.POSTGRES_TABLE).findFirst().orElseThrow();
        RuleResult result = probe.evaluate(0, "main", "quality_spec.shrinking",
                List.of(new QualityRule.NullRate("gone", "", "vanished", BigDecimal.ONE))).get(0);
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.detail()).contains("vanished");
    }
}
