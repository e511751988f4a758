package dev.agora.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.Locations;
import dev.agora.support.People;
import dev.agora.support.Products;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's numbers match a known set of requests: a product of a domain and team of this spec's own, seven
 * requests made in one week long ago (a week no other spec uses) with known outcomes and decision times, and four
 * requests pending for known ages now.
 */
@QuarkusTest
class DashboardFiguresSpec {

    private static final String PATH = "/api/v1/admin/dashboard";

    @Inject
    LocalAccounts accounts;
    @Inject
    Directory directory;
    @Inject
    AgroalDataSource database;
    @Inject
    Clock clock;

    private People people;
    private String domain;
    private String owner;
    private String product;
    private LocalDate week;

    @BeforeEach
    void a_domain_team_and_products_of_the_specs_own() {
        people = new People(accounts, directory);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        domain = "dash-" + suffix;
        directory.ensureDomain(domain, "Dashboard spec " + suffix, "", "spec");
        String team = people.team("dash", domain);
        owner = people.person("dashowner");
        people.member(team, owner, TeamRole.OWNER);
        String table = Locations.ownTable(team, "dash");
        product = create(team, table, "Dashboard Spec " + suffix);
        Api.as(owner).post("/api/v1/products/" + product + "/publish").then().statusCode(200);
        create(team, table, "Dashboard Draft " + suffix);
        String old = create(team, table, "Dashboard Old " + suffix);
        Api.as(owner).post("/api/v1/products/" + old + "/publish").then().statusCode(200);
        Api.as(owner).body(Map.of("reason", "replaced by " + product)).post("/api/v1/products/" + old + "/deprecate")
                .then().statusCode(200);
        // a Monday between 2003 and 2006: a week of this run's own, far from every other spec's requests
        week = LocalDate.of(2003, 1, 6).plusWeeks(ThreadLocalRandom.current().nextInt(0, 200));
    }

    @Test
    void the_figures_count_outcomes_decision_times_top_products_and_pending_ages_of_known_requests() {
        List<Long> pendingBefore = figures(null, null).getList("pendingByAge.pending", Long.class);

        // seven requests in the week: three approved, two rejected, one cancelled, one still pending
        Instant monday = week.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(9));
        String approvedIn1h = decided("approve", monday, 1);
        String approvedIn2h = decided("approve", monday.plusSeconds(60), 2);
        String rejectedIn3h = decided("reject", monday.plusSeconds(120), 3);
        String rejectedIn4h = decided("reject", monday.plusSeconds(180), 4);
        String approvedIn10h = decided("approve", monday.plusSeconds(240), 10);
        String cancelled = submit();
        Api.as(requesterOf(cancelled)).post("/api/v1/access-requests/" + cancelled + "/cancel").then().statusCode(200);
        backdate(cancelled, monday.plusSeconds(300), monday.plusSeconds(600));
        backdate(submit(), monday.plusSeconds(360), null);
        // three more pending now, for less than a day, one to three days and three to seven days
        Instant now = clock.instant();
        backdate(submit(), now.minus(Duration.ofHours(2)), null);
        backdate(submit(), now.minus(Duration.ofDays(2)), null);
        backdate(submit(), now.minus(Duration.ofDays(5)), null);

        JsonPath figures = figures(week.toString(), week.plusDays(6).toString());

        assertThat(figures.getList("requestsPerWeek.weekStarting")).containsExactly(week.toString());
        Map<String, Integer> outcomes = figures.getMap("requestsPerWeek[0].byOutcome");
        assertThat(outcomes.keySet()).containsExactlyElementsOf(Dashboard.OUTCOMES);
        assertThat(outcomes.get("REJECTED")).isEqualTo(2);
        assertThat(outcomes.get("CANCELLED")).isEqualTo(1);
        assertThat(outcomes.get("PENDING")).isEqualTo(1);
        // an approval goes on to ACTIVE (or FAILED) once the grant engine has acted
        assertThat(outcomes.get("APPROVED") + outcomes.get("ACTIVE") + outcomes.get("FAILED")).isEqualTo(3);
        assertThat(outcomes.get("EXPIRED") + outcomes.get("REVOKED")).isZero();
        assertThat(figures.getInt("requestsPerWeek[0].total")).isEqualTo(7);

        // decisions after 1, 2, 3, 4 and 10 hours: median 3, p90 4 + 0.6 × (10 − 4) = 7.6
        assertThat(figures.getInt("decisionTimes.decided")).isEqualTo(5);
        assertThat(figures.getDouble("decisionTimes.medianHours")).isCloseTo(3.0, within(0.001));
        assertThat(figures.getDouble("decisionTimes.p90Hours")).isCloseTo(7.6, within(0.001));
        assertThat(figures.getInt("decisionTimes.autoApproved")).isZero();
        assertThat(figures.getDouble("decisionTimes.perWeek[0].medianHours")).isCloseTo(3.0, within(0.001));

        assertThat(figures.getList("mostRequested.slug")).containsExactly(product);
        assertThat(figures.getInt("mostRequested[0].requests")).isEqualTo(7);

        Map<String, Object> ours = figures.getMap("productsPerDomain.find { it.domain == '" + domain + "' }");
        assertThat(ours).containsEntry("published", 1).containsEntry("draft", 1).containsEntry("deprecated", 1)
                .containsEntry("total", 3);

        // pending by age is how things stand now: ours added one to each bucket (the week's one is > 7 days old)
        assertThat(figures.getList("pendingByAge.label")).containsExactlyElementsOf(Dashboard.AGE_BUCKETS);
        List<Long> pendingAfter = figures.getList("pendingByAge.pending", Long.class);
        for (int bucket = 0; bucket < 4; bucket++) {
            assertThat(pendingAfter.get(bucket) - pendingBefore.get(bucket))
                    .as("pending %s", Dashboard.AGE_BUCKETS.get(bucket)).isEqualTo(1);
        }

        // grants by engine: what the approvals caused is among them, each engine's total adds up
        long activeOfOurs = Set.of(approvedIn1h, approvedIn2h, approvedIn10h).stream()
                .filter(id -> "ACTIVE".equals(AccessRequestsApi.get(owner, id).getString("status"))).count();
        List<Map<String, Object>> engines = figures.getList("grantsByEngine");
        long active = engines.stream().mapToLong(e -> ((Number) e.get("active")).longValue()).sum();
        assertThat(active).isGreaterThanOrEqualTo(activeOfOurs);
        for (Map<String, Object> engine : engines) {
            assertThat(((Number) engine.get("total")).longValue()).isEqualTo(
                    ((Number) engine.get("pending")).longValue() + ((Number) engine.get("active")).longValue()
                            + ((Number) engine.get("failed")).longValue()
                            + ((Number) engine.get("revoking")).longValue());
        }
    }

    @Test
    void a_week_without_requests_shows_zeros_and_no_decision_times() {
        JsonPath figures = figures(week.toString(), week.plusDays(13).toString());

        assertThat(figures.getList("requestsPerWeek.weekStarting"))
                .containsExactly(week.toString(), week.plusWeeks(1).toString());
        assertThat(figures.getList("requestsPerWeek.total", Integer.class)).containsExactly(0, 0);
        assertThat(figures.getInt("decisionTimes.decided")).isZero();
        assertThat(figures.getString("decisionTimes.medianHours")).isNull();
        assertThat(figures.getList("mostRequested")).isEmpty();
    }

    private final java.util.Map<String, String> requesters = new java.util.HashMap<>();

    private String create(String team, String table, String name) {
        return Api.as(owner).body(Products.named(name).with("ownerTeam", team)
                        .harvestedPort("main", "postgres-table", table).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
    }

    /** A request of a new person of their own: one open request per person and port. */
    private String submit() {
        String requester = people.person("dashreq");
        String id = AccessRequestsApi.submit(requester, AccessRequestsApi.request(product, null, 30)).getString("id");
        requesters.put(id, requester);
        return id;
    }

    private String requesterOf(String id) {
        return requesters.get(id);
    }

    /** A request made at {@code made} and approved or rejected by the owner {@code hours} later. */
    private String decided(String decision, Instant made, int hours) {
        String id = submit();
        if (decision.equals("approve")) {
            AccessRequestsApi.approve(owner, id);
            // the grant worker writes the request once more: wait for it before the history is moved back in time
            Eventually.within(Duration.ofSeconds(15), "the grant of " + id + " to be settled",
                    () -> AccessRequestsApi.get(owner, id).getString("status"), status -> !status.equals("APPROVED"));
        } else {
            Api.as(owner).body(Map.of("reason", "not for this purpose")).post("/api/v1/access-requests/" + id
                    + "/reject").then().statusCode(200);
        }
        backdate(id, made, made.plus(Duration.ofHours(hours)));
        return id;
    }

    /** Moves a request's making (and its first move out of PENDING, if any) to the given instants. */
    private void backdate(String id, Instant made, Instant leftPending) {
        try (var connection = database.getConnection(); var statement = connection.prepareStatement("""
                UPDATE access_requests
                   SET created_at = ?,
                       history = (SELECT jsonb_agg(CASE WHEN h ->> 'from' IS NULL THEN jsonb_set(h, '{at}', to_jsonb(?::text))
                                                        WHEN h ->> 'from' = 'PENDING' AND ? IS NOT NULL
                                                             THEN jsonb_set(h, '{at}', to_jsonb(?::text))
                                                        ELSE h END ORDER BY n)
                                    FROM jsonb_array_elements(history) WITH ORDINALITY AS t(h, n))
                 WHERE id = ?::uuid""")) {
            statement.setObject(1, made.atOffset(ZoneOffset.UTC));
            statement.setString(2, made.toString());
            String left = leftPending == null ? null : leftPending.toString();
            statement.setString(3, left);
            statement.setString(4, left);
            statement.setString(5, id);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static JsonPath figures(String from, String to) {
        var request = Api.as("admin");
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        return request.get(PATH).then().statusCode(200).extract().jsonPath();
    }
}
