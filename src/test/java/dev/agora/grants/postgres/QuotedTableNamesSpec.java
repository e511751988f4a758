package dev.agora.grants.postgres;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.get;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.agora.support.LakePrivileges;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.Locations;
import dev.agora.support.Products;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * postgres-table locations take PostgreSQL's own identifier syntax: a table named with mixed case, spaces and a dot
 * is registered, harvested, granted, reconciled and revoked as the one table it is.
 */
@QuarkusTest
class QuotedTableNamesSpec {

    private static final String GRANTEE = "agora_team_marketing_insights";

    @Inject
    AgroalDataSource database;

    @Test
    void a_quoted_table_goes_from_registration_to_revocation() throws SQLException {
        String name = "Order Items." + UUID.randomUUID().toString().substring(0, 6);
        String location = "lake.\"" + name + "\"";
        execute("CREATE TABLE " + location + " (\"Line No\" int, amount numeric)");
        execute("COMMENT ON COLUMN " + location + ".\"Line No\" IS 'Line of the order'");
        execute("COMMENT ON COLUMN " + location + ".amount IS 'Line total'");
        Locations.salesTable(location);

        String slug = Api.as("olivia").body(Products.named("Quoted " + Products.uniqueTag())
                        .harvestedPort("items", "postgres-table", location).body())
                .post("/api/v1/products").then().statusCode(201)
                .body("outputPorts[0].columns.name", hasItems("Line No", "amount"))
                .extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        String id = submit("marco", request(slug, "marketing-insights", 30)).getString("id");
        approve("olivia", id);
        awaitStatus("marco", id, "ACTIVE");
        assertThat(canSelect(location)).isTrue();

        execute("REVOKE SELECT ON " + location + " FROM " + GRANTEE);
        Api.as("admin").post("/api/v1/admin/grants/reconcile").then().statusCode(200);
        Eventually.within(Duration.ofSeconds(10), "the privilege healed by reconciliation", () -> {
            try {
                return canSelect(location);
            } catch (SQLException e) {
                return false;
            }
        }, back -> back);

        Api.as("olivia").body(Map.of("reason", "Done")).post("/api/v1/access-requests/" + id + "/revoke")
                .then().statusCode(200).body("status", equalTo("REVOKED"));
        Eventually.within(Duration.ofSeconds(10), "the grant revoked", () -> get("marco", id),
                r -> "REVOKED".equals(r.getString("grants[0].status")));
        assertThat(canSelect(location)).isFalse();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private boolean canSelect(String relation) throws SQLException {
        return LakePrivileges.canSelect(database, GRANTEE, relation);
    }
}
