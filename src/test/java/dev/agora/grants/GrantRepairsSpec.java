package dev.agora.grants;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.agora.audit.AuditLog;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.LakePrivileges;
import dev.agora.support.Locations;
import dev.agora.support.Products;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, grant health: an administrator retries a failed job, heals a missing grant and revokes a privilege
 * Agora never approved, through the API, against the real PostgreSQL engine; each is audited and safe to repeat.
 * Every spec works on a lake table of its own, so that its findings are its own.
 */
@QuarkusTest
class GrantRepairsSpec {

    private static final String GRANTS = "/api/v1/admin/grants";

    @Inject
    AgroalDataSource database;

    @Inject
    AuditLog audit;

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private boolean canSelect(String role, String table) {
        try {
            return LakePrivileges.canSelect(database, role, table);
        } catch (SQLException unreadable) {
            return false;
        }
    }

    /** A published product of sales-analytics on the table. */
    private static String productOn(String table) {
        String slug = Api.as("olivia").body(Products.named("Repairs " + Products.uniqueTag())
                        .harvestedPort("data", "postgres-table", table).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        return slug;
    }

    /** marco's access to a fresh table, in place; answers the table. */
    private static String marcoReadsAFreshTable() {
        String table = Locations.ownTable("sales-analytics", "e_repairs");
        String id = submit("marco", request(productOn(table), null, 30)).getString("id");
        approve("olivia", id);
        awaitStatus("marco", id, "ACTIVE");
        return table;
    }

    private static JsonPath health() {
        return Api.as("admin").get(GRANTS + "/health").then().statusCode(200).extract().jsonPath();
    }

    private static String findingOn(String table, String grantee) {
        Api.as("admin").post(GRANTS + "/reconcile").then().statusCode(200);
        String id = health().getString("lastReconciliation.drift.find { it.grantee == '" + grantee
                + "' && it.resource == '" + table + "' }.id");
        assertThat(id).as("a finding for " + grantee + " on " + table).isNotNull();
        return id;
    }

    @Test
    void a_failed_grant_is_retried_from_grant_health_and_the_access_becomes_active() throws SQLException {
        String table = "lake.e_retry_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE TABLE " + table + " (id int)");
        execute("COMMENT ON COLUMN " + table + ".id IS 'Key'");
        Locations.salesTable(table);
        String request = submit("marco", request(productOn(table), null, 30)).getString("id");
        execute("DROP TABLE " + table);
        approve("olivia", request);
        awaitStatus("olivia", request, "FAILED");

        JsonPath failed = health();
        String job = failed.getString("failedJobs.find { it.resource == 'postgres-table:" + table + "' }.jobId");
        assertThat(failed.getString("failedJobs.find { it.jobId == '" + job + "' }.error"))
                .contains("there is no table " + table);
        execute("CREATE TABLE " + table + " (id int)");

        Api.as("admin").post(GRANTS + "/jobs/" + job + "/retry").then().statusCode(200)
                .body("outcome", equalTo("grant queued again")).body("alreadyDone", equalTo(false));

        awaitStatus("marco", request, "ACTIVE");
        assertThat(canSelect("agora_user_marco", table)).isTrue();
        assertThat(health().getList("failedJobs.jobId")).doesNotContain(job);
        Api.as("admin").post(GRANTS + "/jobs/" + job + "/retry").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("not failed"));
        String grant = failed.getString("failedJobs.find { it.jobId == '" + job + "' }.grantee");
        assertThat(grant).isEqualTo("agora_user_marco");
        assertThat(QuarkusTransaction.requiringNew().call(() -> audit.latest(200)))
                .anySatisfy(line -> {
                    assertThat(line.action()).isEqualTo("grants.grant.retried");
                    assertThat(line.actor()).isEqualTo("admin");
                });
    }

    @Test
    void a_grant_missing_from_postgresql_is_healed_once_however_often_heal_is_asked() throws SQLException {
        String table = marcoReadsAFreshTable();
        // reconciliation re-applies what it finds missing by itself; heal is for when that did not hold
        execute("REVOKE SELECT ON " + table + " FROM agora_user_marco");
        String finding = findingOn(table, "agora_user_marco");
        Eventually.within(Duration.ofSeconds(10), "the reconciler's own re-apply", () -> canSelect("agora_user_marco",
                table), back -> back);
        execute("REVOKE SELECT ON " + table + " FROM agora_user_marco");
        assertThat(health().getList("lastReconciliation.drift.find { it.id == '" + finding + "' }.actions"))
                .containsExactly("HEAL");

        Api.as("admin").post(GRANTS + "/drift/" + finding + "/heal").then().statusCode(200)
                .body("alreadyDone", equalTo(false));

        Eventually.within(Duration.ofSeconds(10), "the healed privilege", () -> canSelect("agora_user_marco", table),
                back -> back);
        Api.as("admin").post(GRANTS + "/drift/" + finding + "/heal").then().statusCode(200)
                .body("alreadyDone", equalTo(true));
        Api.as("admin").post(GRANTS + "/drift/" + finding + "/revoke").then().statusCode(409)
                .contentType("application/problem+json");
        JsonPath settled = health();
        assertThat(settled.getString("lastReconciliation.drift.find { it.id == '" + finding + "' }.resolution"))
                .isEqualTo("HEALED");
        assertThat(settled.getList("lastReconciliation.drift.find { it.id == '" + finding + "' }.actions")).isEmpty();
        assertThat(settled.getString("lastReconciliation.drift.find { it.id == '" + finding + "' }.resolvedBy"))
                .isEqualTo("admin");
        String grant = settled.getString("lastReconciliation.drift.find { it.id == '" + finding + "' }.grantId");
        assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("grant", grant)))
                .extracting(line -> line.action()).containsOnlyOnce("grants.drift.healed");
    }

    @Test
    void a_privilege_agora_never_approved_is_revoked_from_grant_health() throws SQLException {
        String table = marcoReadsAFreshTable();
        String intruder = "agora_team_e_intruder_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE ROLE " + intruder + " NOLOGIN");
        execute("GRANT SELECT ON " + table + " TO " + intruder);
        String finding = findingOn(table, intruder);
        assertThat(health().getString("lastReconciliation.drift.find { it.id == '" + finding + "' }.kind"))
                .isEqualTo("EXTRA");
        assertThat(canSelect(intruder, table)).as("flagged, not revoked, by reconciliation").isTrue();

        Api.as("admin").post(GRANTS + "/drift/" + finding + "/heal").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("revoke it instead"));
        Api.as("admin").post(GRANTS + "/drift/" + finding + "/revoke").then().statusCode(200)
                .body("outcome", equalTo("revoked in postgres")).body("alreadyDone", equalTo(false));

        assertThat(canSelect(intruder, table)).isFalse();
        assertThat(canSelect("agora_user_marco", table)).as("the approved access stays").isTrue();
        Api.as("admin").post(GRANTS + "/drift/" + finding + "/revoke").then().statusCode(200)
                .body("alreadyDone", equalTo(true));
        assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("drift", finding)))
                .extracting(line -> line.action()).containsOnlyOnce("grants.drift.revoked");
        execute("DROP ROLE " + intruder);
    }

    @Test
    void an_unknown_job_or_finding_is_not_found() {
        Api.as("admin").post(GRANTS + "/jobs/" + UUID.randomUUID() + "/retry").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as("admin").post(GRANTS + "/drift/" + UUID.randomUUID() + "/heal").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as("admin").post(GRANTS + "/drift/not-an-id/revoke").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as("admin").body(Map.of()).post(GRANTS + "/drift/" + UUID.randomUUID() + "/revoke").then()
                .statusCode(404);
    }
}
