package dev.agora.grants;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.freshProduct;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.LakePrivileges;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reconciliation compares what Agora approved with what PostgreSQL actually holds, and heals or flags. */
@QuarkusTest
class ReconciliationSpec {

    @Inject
    AgroalDataSource database;

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private boolean canSelect(String role, String table) throws SQLException {
        return LakePrivileges.canSelect(database, role, table);
    }

    @Test
    void a_grant_removed_behind_agoras_back_is_detected_and_healed() throws SQLException {
        String id = submit("marco", request(freshProduct("INTERNAL"), null, 30)).getString("id");
        approve("olivia", id);
        awaitStatus("marco", id, "ACTIVE");
        assertThat(canSelect("agora_user_marco", "lake.campaigns")).isTrue();

        execute("REVOKE SELECT ON lake.campaigns FROM agora_user_marco");
        JsonPath report = Api.as("admin").post("/api/v1/admin/grants/reconcile").then().statusCode(200)
                .extract().jsonPath();

        assertThat(report.getInt("missing")).isGreaterThanOrEqualTo(1);
        assertThat(report.getList("findings.grantee")).contains("agora_user_marco");
        Eventually.within(Duration.ofSeconds(10), "the privilege back in place", () -> {
            try {
                return canSelect("agora_user_marco", "lake.campaigns");
            } catch (SQLException e) {
                return false;
            }
        }, back -> back);
        assertThat(Api.as("admin").get("/api/v1/admin/grants/health").then().statusCode(200).extract().jsonPath()
                .getInt("lastReconciliation.missing")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void an_extra_grant_agora_never_approved_is_flagged_not_revoked() throws SQLException {
        String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");
        approve("olivia", id);
        awaitStatus("marco", id, "ACTIVE");
        execute("DO $$ BEGIN CREATE ROLE agora_team_intruders NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        execute("GRANT SELECT ON lake.campaigns TO agora_team_intruders");

        JsonPath report = Api.as("admin").post("/api/v1/admin/grants/reconcile").then().statusCode(200)
                .extract().jsonPath();

        assertThat(report.getList("findings.findAll { it.kind == 'EXTRA' }.grantee")).contains("agora_team_intruders");
        assertThat(report.getList("findings.findAll { it.grantee == 'agora_team_intruders' }.action"))
                .containsOnly("flagged");
        assertThat(canSelect("agora_team_intruders", "lake.campaigns")).isTrue();
        execute("REVOKE SELECT ON lake.campaigns FROM agora_team_intruders");
    }

    @Test
    void the_health_view_counts_active_grants_per_engine_and_is_for_admins_only() {
        Api.as("admin").get("/api/v1/admin/grants/health").then().statusCode(200);
        Api.as("marco").get("/api/v1/admin/grants/health").then().statusCode(403);
        Api.as("marco").post("/api/v1/admin/grants/reconcile").then().statusCode(403);
    }
}
