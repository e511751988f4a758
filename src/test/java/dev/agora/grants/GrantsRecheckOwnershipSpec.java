package dev.agora.grants;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.get;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.LakePrivileges;
import dev.agora.identity.DataLocations;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.Locations;
import dev.agora.support.Products;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The grant engines re-check at execution that a port's data is still registered to the product's team: a grant
 * for data unregistered meanwhile fails for good with a clear message; revoking is never held back.
 */
@QuarkusTest
class GrantsRecheckOwnershipSpec {

    private static final String GRANTEE = "agora_team_marketing_insights";

    @Inject
    AgroalDataSource database;

    @Inject
    DataLocations locations;

    private String table;
    private long registration;

    /** A lake table of its own, registered to sales-analytics, published and requested by marketing-insights. */
    private String requested() throws SQLException {
        table = "lake.recheck_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE TABLE " + table + " (id int)");
        execute("COMMENT ON COLUMN " + table + ".id IS 'Key'");
        registration = Locations.salesTable(table).id();
        String slug = Api.as("olivia").body(Products.named("Recheck " + Products.uniqueTag())
                        .harvestedPort("main", "postgres-table", table).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        return submit("marco", request(slug, "marketing-insights", 30)).getString("id");
    }

    @Nested
    class A_location_unregistered_before_the_approval {

        @Test
        void fails_the_grant_for_good_with_a_clear_message_and_grants_nothing() throws SQLException {
            String id = requested();
            locations.unregister(registration, Locations.ACTOR);

            approve("olivia", id);
            JsonPath failed = awaitStatus("olivia", id, "FAILED");

            assertThat(failed.getString("lastGrantError"))
                    .contains(table + " is no longer registered to team sales-analytics");
            assertThat(failed.getString("grants[0].status")).isEqualTo("FAILED");
            assertThat(canSelect(GRANTEE, table)).isFalse();
        }
    }

    @Nested
    class A_location_unregistered_after_the_grant {

        @Test
        void does_not_hold_back_the_revocation() throws SQLException {
            String id = requested();
            approve("olivia", id);
            awaitStatus("marco", id, "ACTIVE");
            assertThat(canSelect(GRANTEE, table)).isTrue();
            locations.unregister(registration, Locations.ACTOR);

            Api.as("olivia").body(Map.of("reason", "The table left the team")).post("/api/v1/access-requests/" + id
                    + "/revoke").then().statusCode(200);

            Eventually.within(Duration.ofSeconds(10), "the grant revoked", () -> get("marco", id),
                    request -> "REVOKED".equals(request.getString("grants[0].status")));
            assertThat(canSelect(GRANTEE, table)).isFalse();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private boolean canSelect(String role, String relation) throws SQLException {
        return LakePrivileges.canSelect(database, role, relation);
    }
}
