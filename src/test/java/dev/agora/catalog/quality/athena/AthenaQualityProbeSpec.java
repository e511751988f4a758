package dev.agora.catalog.quality.athena;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.quality.RuleResult;
import dev.agora.catalog.quality.RuleResult.Outcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Athena probe speaks to Amazon Athena through the real SDK v2; a local HTTP stub stands in for Athena, checks
 * the exact requests (query text, parameters, workgroup, output location, database) and scripts each query's way
 * through QUEUED and RUNNING to its end.
 */
class AthenaQualityProbeSpec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T22:00:00Z");
    private static final String TABLE = "\"sales\".\"orders\"";
    private static final AthenaStub athena = new AthenaStub();
    private AthenaQualityProbe probe;

    @BeforeAll
    static void startStub() {
        athena.start();
    }

    @AfterAll
    static void stopStub() {
        athena.stop();
    }

    @BeforeEach
    void probeAgainstTheStub() {
        athena.reset();
        probe = probeWithTimeout(Duration.ofSeconds(5));
    }

    @org.junit.jupiter.api.AfterEach
    void everyRequestWasOneTheStubKnows() {
        assertThat(athena.server().findAllUnmatchedRequests()).extracting(r -> r.getHeader("X-Amz-Target")
                + " " + r.getBodyAsString()).isEmpty();
    }

    private static AthenaQualityProbe probeWithTimeout(Duration timeout) {
        return new AthenaQualityProbe(athena.client(), new AthenaQualityProbe.Settings("agora-quality",
                Optional.of("s3://agora-athena-results/quality/"), Duration.ofMillis(5), Duration.ofMillis(20),
                timeout, true), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private RuleResult check(QualityRule rule) {
        List<RuleResult> results = probe.evaluate(7, "orders", "sales/orders", List.of(rule));
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    /** The StartQueryExecution bodies sent, each without the SDK's random idempotency token (which must be there). */
    private static List<JsonNode> started() {
        return athena.bodies(AthenaStub.START).stream().map(body -> {
            assertThat(body.path("ClientRequestToken").asText()).hasSizeGreaterThanOrEqualTo(32);
            ObjectNode copy = body.deepCopy();
            copy.remove("ClientRequestToken");
            return (JsonNode) copy;
        }).toList();
    }

    private static JsonNode body(String sql, String... parameters) {
        ObjectNode body = MAPPER.createObjectNode().put("QueryString", sql).put("WorkGroup", "agora-quality");
        body.putObject("QueryExecutionContext").put("Database", "sales");
        body.putObject("ResultConfiguration").put("OutputLocation", "s3://agora-athena-results/quality/");
        if (parameters.length > 0) {
            var list = body.putArray("ExecutionParameters");
            for (String parameter : parameters) {
                list.add(parameter);
            }
        }
        return body;
    }

    @Nested
    class A_query_runs_its_course {

        @Test
        void it_is_started_in_the_workgroup_polled_through_queued_and_running_and_its_first_row_read() {
            String id = athena.succeeds("SELECT count(*) FROM " + TABLE, List.of(), List.of(List.of("42")));

            RuleResult result = check(new QualityRule.RowCount("enough-orders", "", 10L, 100L));

            assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(result.observed()).isEqualTo("42");
            assertThat(result.checkedAt()).isEqualTo(NOW);
            assertThat(started()).containsExactly(body("SELECT count(*) FROM \"sales\".\"orders\""));
            assertThat(athena.bodies(AthenaStub.STATUS)).hasSize(3)
                    .allSatisfy(b -> assertThat(b).isEqualTo(MAPPER.createObjectNode().put("QueryExecutionId", id)));
            assertThat(athena.bodies(AthenaStub.RESULTS)).containsExactly(MAPPER.createObjectNode()
                    .put("QueryExecutionId", id).put("MaxResults", 2));
            athena.server().verify(postRequestedFor(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo(AthenaStub.START))
                    .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                    .withHeader("Authorization", matching(
                            "AWS4-HMAC-SHA256 Credential=AKIDAGORATEST/\\d{8}/eu-west-1/athena/aws4_request, .*")));
        }

        @Test
        void a_failed_query_gives_an_error_with_athenas_reason() {
            athena.fails("SELECT count(*), count_if(\"email\" IS NULL) FROM " + TABLE, List.of(),
                    "COLUMN_NOT_FOUND: line 1:25: Column 'email' cannot be resolved");

            RuleResult result = check(new QualityRule.NullRate("emails", "", "email", BigDecimal.ONE));

            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(result.observed()).isNull();
            assertThat(result.detail()).isEqualTo("Athena could not run the check: "
                    + "COLUMN_NOT_FOUND: line 1:25: Column 'email' cannot be resolved");
            assertThat(athena.requests(AthenaStub.RESULTS)).isEmpty();
        }

        @Test
        void a_query_that_outlives_the_timeout_is_stopped_and_gives_an_error() {
            probe = probeWithTimeout(Duration.ofMillis(300));
            String id = athena.hangs("SELECT count(*) FROM " + TABLE, List.of());

            RuleResult result = check(new QualityRule.RowCount("enough-orders", "", 1L, null));

            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(result.detail()).isEqualTo("the Athena query did not finish within 0.3s; Agora stopped it");
            assertThat(athena.bodies(AthenaStub.STOP)).containsExactly(
                    MAPPER.createObjectNode().put("QueryExecutionId", id));
            // polled with a doubling pause capped at 20 ms: more than a handful of looks, far fewer than 300 ms / 5
            assertThat(athena.requests(AthenaStub.STATUS).size()).isBetween(5, 40);
        }

        @Test
        void a_query_athena_refuses_to_start_gives_an_error_with_its_message() {
            athena.refuses("SELECT count(*) FROM " + TABLE, "InvalidRequestException",
                    "WorkGroup agora-quality is not found.");

            RuleResult result = check(new QualityRule.RowCount("enough-orders", "", 1L, null));

            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(result.detail()).isEqualTo("Athena refused the check: WorkGroup agora-quality is not found.");
        }

        @Test
        void one_rule_that_cannot_run_does_not_stop_the_others() {
            athena.succeeds("SELECT count(*) FROM " + TABLE, List.of(), List.of(List.of("42")));

            List<RuleResult> results = probe.evaluate(7, "orders", "sales.orders", List.of(
                    new QualityRule.NullRate("odd-column", "", "e\"; DROP TABLE x; --", BigDecimal.ONE),
                    new QualityRule.RowCount("enough-orders", "", 1L, null)));

            assertThat(results).extracting(RuleResult::rule, RuleResult::outcome).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("odd-column", Outcome.ERROR),
                    org.assertj.core.groups.Tuple.tuple("enough-orders", Outcome.PASSED));
            assertThat(results.get(0).detail()).startsWith("the name 'e\"; DROP TABLE x; --' cannot be used");
            assertThat(started()).containsExactly(body("SELECT count(*) FROM \"sales\".\"orders\""));
        }

        @Test
        void athena_out_of_reach_gives_errors_without_waiting_through_the_sdks_retries_for_every_rule()
                throws java.io.IOException {
            int closedPort;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            AthenaQualityProbe unreachable = new AthenaQualityProbe(software.amazon.awssdk.services.athena
                    .AthenaClient.builder().endpointOverride(java.net.URI.create("http://127.0.0.1:" + closedPort))
                    .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKID", "s")))
                    .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                    .build(), new AthenaQualityProbe.Settings("agora-quality", Optional.empty(),
                    Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5), true), Clock.fixed(NOW, ZoneOffset.UTC));

            List<RuleResult> results = unreachable.evaluate(7, "orders", "sales/orders", List.of(
                    new QualityRule.RowCount("enough-orders", "", 1L, null),
                    new QualityRule.RowCount("not-too-many", "", null, 1_000_000L)));

            assertThat(results).extracting(RuleResult::outcome).containsExactly(Outcome.ERROR, Outcome.ERROR);
            assertThat(results.get(0).detail()).startsWith("Athena could not be reached: ");
            assertThat(results.get(1).detail()).isEqualTo(results.get(0).detail()
                    + " (not tried again for this port's other rules)");
        }

        @Test
        void a_location_that_is_not_a_glue_table_gives_errors_without_asking_athena() {
            List<RuleResult> results = probe.evaluate(7, "orders", "s3://bucket/orders", List.of(
                    new QualityRule.RowCount("enough-orders", "", 1L, null)));

            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
                assertThat(r.detail()).contains("is not a Glue table");
            });
            assertThat(athena.requests(AthenaStub.START)).isEmpty();
        }
    }

    @Nested
    class Row_counts {

        @Test
        void pass_within_the_bounds() {
            athena.succeeds("SELECT count(*) FROM " + TABLE, List.of(), List.of(List.of("100")));

            assertThat(check(new QualityRule.RowCount("enough-orders", "", 10L, 100L)))
                    .extracting(RuleResult::outcome, RuleResult::observed).containsExactly(Outcome.PASSED, "100");
        }

        @Test
        void fail_below_the_minimum_saying_what_was_expected() {
            athena.succeeds("SELECT count(*) FROM " + TABLE, List.of(), List.of(List.of("3")));

            RuleResult result = check(new QualityRule.RowCount("enough-orders", "", 10L, null));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.detail()).isEqualTo("3 rows; at least 10 expected");
        }
    }

    @Nested
    class Null_rates {

        private static final String SQL = "SELECT count(*), count_if(\"email\" IS NULL) FROM " + TABLE;

        @Test
        void pass_at_most_the_allowed_percentage() {
            athena.succeeds(SQL, List.of(), List.of(List.of("40", "2")));

            RuleResult result = check(new QualityRule.NullRate("emails", "", "email", new BigDecimal("5")));

            assertThat(result).extracting(RuleResult::outcome, RuleResult::observed)
                    .containsExactly(Outcome.PASSED, "5");
            assertThat(started()).containsExactly(body(SQL));
        }

        @Test
        void fail_above_it() {
            athena.succeeds(SQL, List.of(), List.of(List.of("40", "3")));

            RuleResult result = check(new QualityRule.NullRate("emails", "", "email", new BigDecimal("5")));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.observed()).isEqualTo("7.5");
            assertThat(result.detail()).isEqualTo("3 of 40 rows have no email (7.5 %); at most 5 % allowed");
        }
    }

    @Nested
    class Unique_keys {

        private static final String DUPLICATES = "FROM " + TABLE + " WHERE \"order_id\" IS NOT NULL AND \"line\" "
                + "IS NOT NULL GROUP BY \"order_id\", \"line\" HAVING count(*) > 1";

        @Test
        void pass_when_no_key_occurs_twice() {
            athena.succeeds("SELECT count(*) FROM (SELECT 1 " + DUPLICATES + ") AS duplicates", List.of(),
                    List.of(List.of("0")));

            assertThat(check(new QualityRule.Unique("one-line", "", List.of("order_id", "line"))).outcome())
                    .isEqualTo(Outcome.PASSED);
            assertThat(athena.requests(AthenaStub.START)).hasSize(1);
        }

        @Test
        void fail_with_the_number_of_duplicated_keys_and_a_few_of_them() {
            athena.succeeds("SELECT count(*) FROM (SELECT 1 " + DUPLICATES + ") AS duplicates", List.of(),
                    List.of(List.of("2")));
            athena.succeeds("SELECT \"order_id\", \"line\", count(*) " + DUPLICATES + " LIMIT 5", List.of(),
                    List.of(List.of("17", "1", "2"), List.of("18", "3", "4")));

            RuleResult result = check(new QualityRule.Unique("one-line", "", List.of("order_id", "line")));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.observed()).isEqualTo("2");
            assertThat(result.detail()).isEqualTo("2 values of order_id, line occur more than once");
            assertThat(result.samples()).containsExactly("('17', '1') 2 times", "('18', '3') 4 times");
            assertThat(athena.bodies(AthenaStub.RESULTS).get(1).path("MaxResults").asInt()).isEqualTo(6);
        }
    }

    @Nested
    class Accepted_values {

        private static final String OUTSIDE = " FROM " + TABLE + " WHERE \"status\" IS NOT NULL AND "
                + "CAST(\"status\" AS varchar) NOT IN (?, ?, ?)";
        private static final List<String> LITERALS = List.of("'open'", "'shipped'", "'it''s'");
        private final QualityRule rule = new QualityRule.AcceptedValues("known-status", "", "status",
                List.of("open", "shipped", "it's"));

        @Test
        void pass_when_every_value_is_accepted_and_send_the_values_as_quoted_execution_parameters() {
            athena.succeeds("SELECT count(*)" + OUTSIDE, LITERALS, List.of(List.of("0")));

            assertThat(check(rule).outcome()).isEqualTo(Outcome.PASSED);
            assertThat(started()).containsExactly(body("SELECT count(*)" + OUTSIDE, "'open'", "'shipped'", "'it''s'"));
        }

        @Test
        void fail_with_a_bounded_sample_of_the_values_outside() {
            athena.succeeds("SELECT count(*)" + OUTSIDE, LITERALS, List.of(List.of("9")));
            athena.succeeds("SELECT DISTINCT CAST(\"status\" AS varchar)" + OUTSIDE + " LIMIT 5", LITERALS,
                    List.of(List.of("lost"), List.of("x".repeat(80))));

            RuleResult result = check(rule);

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.observed()).isEqualTo("9");
            assertThat(result.detail()).isEqualTo("9 rows have a status outside the accepted values");
            assertThat(result.samples()).containsExactly("'lost'", "'" + "x".repeat(60) + "…'");
            assertThat(started()).containsExactly(
                    body("SELECT count(*)" + OUTSIDE, "'open'", "'shipped'", "'it''s'"),
                    body("SELECT DISTINCT CAST(\"status\" AS varchar)" + OUTSIDE + " LIMIT 5",
                            "'open'", "'shipped'", "'it''s'"));
        }
    }

    @Nested
    class Value_ranges {

        private static final String OUTSIDE = " FROM " + TABLE + " WHERE \"amount\" < ? OR \"amount\" > ?";
        private final QualityRule rule = new QualityRule.ValueRange("sane-amount", "", "amount", BigDecimal.ZERO,
                new BigDecimal("1000.50"));

        @Test
        void pass_when_every_value_lies_within_and_send_the_bounds_as_plain_numbers() {
            athena.succeeds("SELECT count(*)" + OUTSIDE, List.of("0", "1000.50"), List.of(List.of("0")));

            assertThat(check(rule).outcome()).isEqualTo(Outcome.PASSED);
            assertThat(started()).containsExactly(body("SELECT count(*)" + OUTSIDE, "0", "1000.50"));
        }

        @Test
        void fail_with_a_sample_of_the_values_outside() {
            athena.succeeds("SELECT count(*)" + OUTSIDE, List.of("0", "1000.50"), List.of(List.of("2")));
            athena.succeeds("SELECT DISTINCT \"amount\"" + OUTSIDE + " LIMIT 5", List.of("0", "1000.50"),
                    List.of(List.of("-5.00"), List.of("2000.00")));

            RuleResult result = check(rule);

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.detail()).isEqualTo("2 rows have an amount not between 0 and 1000.50");
            assertThat(result.samples()).containsExactly("'-5.00'", "'2000.00'");
        }

        @Test
        void with_only_a_maximum_ask_only_for_values_above_it() {
            athena.succeeds("SELECT count(*) FROM " + TABLE + " WHERE \"amount\" > ?", List.of("1000"),
                    List.of(List.of("0")));

            RuleResult result = check(new QualityRule.ValueRange("sane-amount", "", "amount", null,
                    new BigDecimal("1E+3")));

            assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(started()).containsExactly(body("SELECT count(*) FROM " + TABLE + " WHERE \"amount\" > ?",
                    "1000"));
        }
    }

    @Nested
    class Freshness {

        private static final String SQL = "SELECT max(\"ordered_at\") FROM " + TABLE;

        @Test
        void passes_when_the_newest_value_is_young_enough() {
            athena.succeeds(SQL, List.of(), List.of(List.of("2026-12-01 20:00:00.000")));

            RuleResult result = check(new QualityRule.Freshness("fresh", "", "ordered_at", Duration.ofHours(3)));

            assertThat(result).extracting(RuleResult::outcome, RuleResult::observed)
                    .containsExactly(Outcome.PASSED, "2026-12-01T20:00:00Z");
        }

        @Test
        void fails_when_it_is_older_reading_the_zone_athena_writes() {
            athena.succeeds(SQL, List.of(), List.of(List.of("2026-12-01 21:00:00.000 Europe/Berlin")));

            RuleResult result = check(new QualityRule.Freshness("fresh", "", "ordered_at", Duration.ofHours(1)));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.detail()).isEqualTo("the newest ordered_at is 2026-12-01T20:00:00Z, 2h old; "
                    + "at most 1h allowed");
        }

        @Test
        void fails_when_the_column_has_no_value_at_all() {
            athena.succeeds(SQL, List.of(), java.util.Arrays.asList(java.util.Arrays.asList((String) null)));

            RuleResult result = check(new QualityRule.Freshness("fresh", "", "ordered_at", Duration.ofHours(1)));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.detail()).isEqualTo("ordered_at has no values: nothing is fresh");
        }

        @Test
        void gives_an_error_for_a_value_that_is_no_time() {
            athena.succeeds(SQL, List.of(), List.of(List.of("yesterday")));

            RuleResult result = check(new QualityRule.Freshness("fresh", "", "ordered_at", Duration.ofHours(1)));

            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(result.detail()).contains("'yesterday', which is not a timestamp or date");
        }
    }

    @Nested
    class Custom_sql {

        private static final String SQL = "SELECT * FROM orders WHERE amount < 0 -- refunds are separate;";
        // the closing semicolon goes, and the comment ends on its own line, before the wrapping's closing parenthesis
        private static final String WRAPPED = "(\nSELECT * FROM orders WHERE amount < 0 -- refunds are separate\n)"
                + " AS offending";

        @Test
        void passes_when_the_wrapped_query_counts_no_rows() {
            athena.succeeds("SELECT count(*) FROM (\nSELECT * FROM orders WHERE amount < 0\n) AS offending",
                    List.of(), List.of(List.of("0")));

            RuleResult result = check(new QualityRule.CustomSql("no-negative", "",
                    "SELECT * FROM orders WHERE amount < 0;"));

            assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(started()).containsExactly(
                    body("SELECT count(*) FROM (\nSELECT * FROM orders WHERE amount < 0\n) AS offending"));
        }

        @Test
        void fails_with_a_sample_of_the_offending_rows_a_trailing_comment_ending_on_its_own_line() {
            athena.succeeds("SELECT count(*) FROM " + WRAPPED, List.of(), List.of(List.of("12")));
            athena.succeeds("SELECT * FROM " + WRAPPED + " LIMIT 5", List.of(),
                    List.of(java.util.Arrays.asList("1", "-3.00", null)));

            RuleResult result = check(new QualityRule.CustomSql("no-negative", "", SQL));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.observed()).isEqualTo("12");
            assertThat(result.detail()).isEqualTo("the query finds 12 offending rows");
            assertThat(result.samples()).containsExactly("('1', '-3.00', null)");
        }

        @Test
        void are_not_run_at_all_until_the_operator_switches_them_on() {
            AthenaQualityProbe guarded = new AthenaQualityProbe(athena.client(), new AthenaQualityProbe.Settings(
                    "agora-quality", Optional.empty(), Duration.ofMillis(5), Duration.ofMillis(20),
                    Duration.ofSeconds(5), false), Clock.fixed(NOW, ZoneOffset.UTC));

            RuleResult result = guarded.evaluate(7, "orders", "sales/orders",
                    List.of(new QualityRule.CustomSql("no-negative", "", SQL))).get(0);

            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(result.detail()).contains("AGORA_ATHENA_CUSTOM_SQL=on");
            assertThat(started()).isEmpty();
        }
    }

    @Nested
    class When_athena_checks_are_off {

        @Test
        void the_switch_is_aws_or_off_and_nothing_else() {
            assertThat(AthenaSwitch.check("off", settings("primary", null))).isFalse();
            assertThat(AthenaSwitch.check("aws", settings("primary", "s3://agora-results/q/"))).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AthenaSwitch.check("yes", settings("primary", null)))
                    .hasMessage("AGORA_QUALITY_ATHENA is \"yes\"; use aws or off");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AthenaSwitch.check("aws",
                    settings("primary", "agora-results/q/"))).hasMessageContaining("use an S3 URI");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AthenaSwitch.check("aws",
                    settings("my group", null))).hasMessageContaining("AGORA_ATHENA_WORKGROUP");
        }

        private AthenaConfig settings(String workgroup, String outputLocation) {
            return new AthenaConfig() {
                public String athena() {
                    return "aws";
                }

                public String workgroup() {
                    return workgroup;
                }

                public Optional<String> outputLocation() {
                    return Optional.ofNullable(outputLocation);
                }

                public Optional<String> region() {
                    return Optional.empty();
                }

                public Optional<java.net.URI> endpoint() {
                    return Optional.empty();
                }

                public Duration pollInterval() {
                    return Duration.ofMillis(500);
                }

                public Duration pollIntervalCap() {
                    return Duration.ofSeconds(5);
                }

                public Duration timeout() {
                    return Duration.ofMinutes(5);
                }

                public AthenaConfig.Switch customSqlSwitch() {
                    return AthenaConfig.Switch.off;
                }
            };
        }

        @Test
        void every_rule_of_a_glue_port_gives_an_error_that_says_how_to_switch_them_on() {
            List<RuleResult> results = AthenaSwitch.offResults("orders", List.of(
                    new QualityRule.RowCount("enough-orders", "", 1L, null)), NOW);

            assertThat(results).containsExactly(new RuleResult("orders", "enough-orders", "row-count",
                    Outcome.ERROR, null, "Athena checks are not switched on (AGORA_QUALITY_ATHENA=aws)", NOW));
        }
    }
}
