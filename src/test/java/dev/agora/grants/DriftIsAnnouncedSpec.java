package dev.agora.grants;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.freshProduct;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.events.DomainEvent;
import dev.agora.events.OutboxEntry;
import dev.agora.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each finding of a reconciliation is announced as one {@code grants.drift.found} (public type
 * {@code agora.drift.found}): engine, kind, grantee, resource, permission and the action taken; for a drift of a
 * grant Agora knows, also the grant, its order and the product it serves, with the grant as subject (so it keeps its
 * order among the grant's events); for a grant Agora never approved the drift itself is the subject.
 */
@QuarkusTest
class DriftIsAnnouncedSpec {

    @Inject
    AgroalDataSource database;

    @Test
    void a_missing_grant_is_announced_with_its_grant_order_and_product() throws SQLException {
        String product = freshProduct("INTERNAL");
        String id = submit("marco", request(product, null, 30)).getString("id");
        approve("olivia", id);
        awaitStatus("marco", id, "ACTIVE");

        execute("REVOKE SELECT ON lake.campaigns FROM agora_user_marco");
        JsonPath report = reconcile();

        List<DomainEvent> found = driftOf(report.getString("runId"));
        assertThat(found).hasSize(report.getList("findings").size());
        DomainEvent mine = found.stream().filter(event -> id.equals(event.payload().get("order"))).findFirst()
                .orElseThrow();
        assertThat(mine.aggregateType()).isEqualTo("grant");
        assertThat(mine.aggregateId()).isEqualTo(mine.payload().get("grant"));
        assertThat(mine.payload()).containsEntry("product", product).containsEntry("kind", "MISSING")
                .containsEntry("engine", "postgres").containsEntry("grantee", "agora_user_marco")
                .containsEntry("resource", "lake.campaigns").containsEntry("permission", "SELECT")
                .containsEntry("action", "re-applied");
    }

    @Test
    void a_grant_agora_never_approved_is_announced_under_the_drift_without_a_product() throws SQLException {
        String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");
        approve("olivia", id);
        awaitStatus("marco", id, "ACTIVE");
        execute("DO $$ BEGIN CREATE ROLE agora_team_trespassers NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; "
                + "END $$");
        execute("GRANT SELECT ON lake.campaigns TO agora_team_trespassers");
        try {
            JsonPath report = reconcile();

            DomainEvent extra = driftOf(report.getString("runId")).stream()
                    .filter(event -> "agora_team_trespassers".equals(event.payload().get("grantee"))).findFirst()
                    .orElseThrow();
            assertThat(extra.aggregateType()).isEqualTo("drift");
            assertThat(extra.aggregateId()).isEqualTo(extra.payload().get("drift"));
            assertThat(extra.payload()).containsEntry("kind", "EXTRA").containsEntry("action", "flagged")
                    .doesNotContainKeys("product", "grant", "order");
        } finally {
            execute("REVOKE SELECT ON lake.campaigns FROM agora_team_trespassers");
        }
    }

    private static JsonPath reconcile() {
        return Api.as("admin").post("/api/v1/admin/grants/reconcile").then().statusCode(200).extract().jsonPath();
    }

    private static List<DomainEvent> driftOf(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>list("eventType",
                        "agora.grants.drift.found").stream().map(OutboxEntry::toEvent)
                .filter(event -> runId.equals(event.payload().get("run"))).toList());
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
