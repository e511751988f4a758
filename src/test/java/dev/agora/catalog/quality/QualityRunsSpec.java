package dev.agora.catalog.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.agora.catalog.contract.ContractService;
import dev.agora.catalog.contract.ContractTerms;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.contract.ServiceLevels;
import dev.agora.events.DomainEvent;
import dev.agora.events.OutboxEntry;
import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.Products;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Runs of a product's contract rules: on demand by the owner team, on a schedule when due; each is kept with its
 * results, the score is recorded, and rules that start failing are announced and told to owners and consumers once.
 */
@QuarkusTest
class QualityRunsSpec {

    @Inject
    ContractService contracts;

    @Inject
    QualityStandings standings;

    @Inject
    QualitySchedule schedule;

    @Inject
    AgroalDataSource database;

    @BeforeEach
    void lake() {
        QualitySpecLake.ensure();
    }

    /** A published PUBLIC product of sales-analytics on quality_spec.orders with a passing and a failing rule. */
    private String productWithRules(Duration frequency) {
        String slug = Api.as("olivia").body(Products.named("Quality Runs " + Products.uniqueTag())
                        .with("classification", "PUBLIC")
                        .harvestedPort("orders", "postgres-table", QualitySpecLake.ORDERS).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        contracts.replaceTerms(slug, new ContractTerms(new ServiceLevels(null, frequency, null, null),
                Map.of("orders", List.of(new QualityRule.RowCount("has-rows", "", 1L, null),
                        new QualityRule.ValueRange("no-negative", "", "amount", BigDecimal.ZERO, null)))), "olivia");
        return slug;
    }

    private static JsonPath runNow(String as, String slug) {
        return Api.as(as).post("/api/v1/products/" + slug + "/quality/runs").then().statusCode(201).extract()
                .jsonPath();
    }

    @Nested
    class On_demand {
        @Test
        void the_owner_team_runs_the_checks_and_the_score_is_recorded() {
            String slug = productWithRules(null);
            JsonPath run = runNow("olivia", slug);
            assertThat(run.getString("trigger")).isEqualTo("ON_DEMAND");
            assertThat(run.getInt("passed")).isEqualTo(1);
            assertThat(run.getInt("failed")).isEqualTo(1);
            assertThat(run.getDouble("score")).isEqualTo(50.0);

            long id = run.getLong("productId");
            QualityStanding standing = standings.of(id);
            assertThat(standing.score()).isEqualTo(50.0);
            assertThat(standing.failingRules()).isEqualTo(1);
            assertThat(standing.hasIssue()).isTrue();

            JsonPath report = Api.as("olivia").get("/api/v1/products/" + slug + "/quality").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(report.getDouble("score")).isEqualTo(50.0);
            assertThat(report.getList("lastResults.rule")).containsExactly("has-rows", "no-negative");
            assertThat(report.getList("lastResults.outcome")).containsExactly("PASSED", "FAILED");
            assertThat(report.getList("recentRuns")).hasSize(1);
        }

        @Test
        void marco_cannot_run_the_checks_of_a_sales_product_but_sees_its_quality() {
            String slug = productWithRules(null);
            runNow("olivia", slug);
            Api.as("marco").post("/api/v1/products/" + slug + "/quality/runs").then().statusCode(403)
                    .body("detail", containsString("Only members of team 'sales-analytics'"));
            Api.as("marco").get("/api/v1/products/" + slug + "/quality").then().statusCode(200)
                    .body("mayRun", org.hamcrest.Matchers.is(false));
        }

        @Test
        void a_product_without_rules_has_nothing_to_run() {
            String slug = Api.as("olivia").body(Products.named("No Rules " + Products.uniqueTag()).body())
                    .post("/api/v1/products").then().statusCode(201).extract().path("slug");
            Api.as("olivia").post("/api/v1/products/" + slug + "/quality/runs").then().statusCode(409)
                    .body("detail", containsString("has no quality rules"));
        }
    }

    @Nested
    class On_the_schedule {
        @Test
        void a_product_runs_when_due_and_not_again_until_its_frequency_has_elapsed() throws Exception {
            String slug = productWithRules(Duration.ofHours(6));
            long id = Api.as("olivia").get("/api/v1/products/" + slug).then().extract().jsonPath().getLong("id");
            Eventually.within(Duration.ofSeconds(60), "a scheduled run of " + slug, () -> {
                schedule.runDue();
                return runs(id);
            }, runs -> !runs.isEmpty());
            assertThat(runs(id)).containsExactly("SCHEDULE");

            // not due again for six hours: further ticks leave it alone
            schedule.runDue();
            schedule.runDue();
            assertThat(runs(id)).hasSize(1);

            // six hours later (the schedule's next run time has come)
            execute("UPDATE quality_schedule SET next_run_at = now() - interval '1 minute' WHERE product_id = " + id);
            Eventually.within(Duration.ofSeconds(60), "a second scheduled run of " + slug, () -> {
                schedule.runDue();
                return runs(id);
            }, runs -> runs.size() == 2);
        }

        @Test
        void two_instances_never_claim_the_same_product() throws Exception {
            QualityRunStore store = io.quarkus.arc.Arc.container().instance(QualityRunStore.class).get();
            List<Long> fresh = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                fresh.add(Api.as("olivia").get("/api/v1/products/" + productWithRules(null)).then().extract()
                        .jsonPath().getLong("id"));
            }
            java.time.Instant now = java.time.Instant.now().plus(Duration.ofDays(400));
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> store.claimDue(now, 1000, now.plusSeconds(600)));
                var second = pool.submit(() -> store.claimDue(now, 1000, now.plusSeconds(600)));
                List<Long> a = first.get();
                List<Long> b = second.get();
                List<Long> both = new ArrayList<>(a);
                both.retainAll(b);
                assertThat(both).as("claimed by both").isEmpty();
                List<Long> claimed = new ArrayList<>(a);
                claimed.addAll(b);
                assertThat(claimed).containsAll(fresh);
            } finally {
                pool.shutdown();
                // give the claims back as they were: rows this spec made (due in 400 days) go, the others unclaimed
                execute("DELETE FROM quality_schedule WHERE next_run_at > now() + interval '300 days'");
                execute("UPDATE quality_schedule SET claimed_until = NULL");
            }
        }
    }

    @Nested
    class A_failing_rule {
        @Test
        void is_announced_and_told_to_owners_and_consumers_once_while_it_keeps_failing() throws Exception {
            String slug = productWithRules(null);
            String request = AccessRequestsApi.submit("marco",
                    AccessRequestsApi.request(slug, "marketing-insights", 30)).getString("id");
            AccessRequestsApi.awaitStatus("marco", request, "ACTIVE");

            JsonPath first = runNow("olivia", slug);
            runNow("olivia", slug);

            List<DomainEvent> events = failedEvents(slug);
            assertThat(events).hasSize(2);
            DomainEvent announced = events.get(0);
            assertThat(dev.agora.events.EventTypes.publicType(announced.type())).isEqualTo("agora.quality.failed");
            assertThat(((Number) announced.payload().get("runId")).longValue()).isEqualTo(first.getLong("id"));
            assertThat(announced.payload().get("failingRules").toString()).contains("no-negative", "1 rows outside");
            assertThat(announced.payload().get("newlyFailing").toString()).contains("no-negative");
            assertThat(events.get(1).payload().get("newlyFailing")).isEqualTo(List.of());

            List<String> told = Eventually.within(Duration.ofSeconds(15), "olivia and marco to be told",
                    () -> recipients(slug), who -> who.contains("olivia") && who.contains("marco"));
            Thread.sleep(1500);
            assertThat(recipients(slug)).containsExactlyInAnyOrderElementsOf(told);
            assertThat(told).filteredOn("marco"::equals).hasSize(1);
            assertThat(told).filteredOn("olivia"::equals).hasSize(1);
            assertThat(told).doesNotContain("stella");
        }
    }

    private List<DomainEvent> failedEvents(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>list(
                        "eventType = ?1 order by occurredAt", "agora.quality.run.failed").stream()
                .map(OutboxEntry::toEvent).filter(event -> slug.equals(event.payload().get("product"))).toList());
    }

    private List<String> runs(long productId) {
        try {
            return strings("SELECT trigger FROM quality_runs WHERE product_id = ? ORDER BY id", productId);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private List<String> recipients(String slug) {
        try {
            return strings("SELECT recipient FROM notifications WHERE kind = 'QUALITY_FAILED' AND product_slug = ?",
                    slug);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private List<String> strings(String sql, Object parameter) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
