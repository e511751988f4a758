package dev.agora.grants.postgres;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.freshProduct;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.Locations;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On the embedded default an approval becomes a real PostgreSQL privilege: checked by querying the lake as the
 * consumer's role, before approval, after it, and after the access ends.
 */
@QuarkusTest
class PostgresGrantsAreRealSpec {

    @Inject
    AgroalDataSource database;

    @Inject
    dev.agora.identity.Directory directory;

    @Inject
    dev.agora.identity.LocalAccounts accounts;

    @Inject
    PostgresGrantEngine engine;

    /** Runs a query as the role, the way a consumer's login role that is granted the group role would. */
    private long countAs(String role, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE \"" + role + "\"");
            try (ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            } finally {
                statement.execute("RESET ROLE");
            }
        }
    }

    private boolean roleExists(String role) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'")) {
            rows.next();
            return rows.getLong(1) == 1;
        }
    }

    @Test
    void the_consumers_role_can_select_the_table_only_while_the_access_is_active() throws SQLException {
        String product = freshProduct("INTERNAL");
        String role = "agora_user_stella";
        String id = submit("stella", request(product, null, 30)).getString("id");
        if (roleExists(role)) {
            assertThatThrownBy(() -> countAs(role, "SELECT count(*) FROM lake.campaigns"))
                    .as("before approval").hasMessageContaining("permission denied");
        }

        approve("olivia", id);
        JsonPath active = awaitStatus("stella", id, "ACTIVE");
        assertThat(active.getString("grants[0].grantee")).isEqualTo(role);
        assertThat(countAs(role, "SELECT count(*) FROM lake.campaigns")).isEqualTo(40);

        Api.as("olivia").body(Map.of("reason", "Done")).post("/api/v1/access-requests/" + id + "/revoke")
                .then().statusCode(200);
        Eventually.within(Duration.ofSeconds(10), "the grant taken back", () -> {
            try {
                countAs(role, "SELECT count(*) FROM lake.campaigns");
                return false;
            } catch (SQLException denied) {
                return denied.getMessage().contains("permission denied");
            }
        }, gone -> gone);
    }

    @Test
    void a_request_narrowed_to_columns_grants_those_columns_only() throws SQLException {
        // a team of its own, so that no other spec's grant to the same role blurs the picture
        String team = "columns-" + dev.agora.support.Products.uniqueTag();
        String consumer = team.replace("-", "");
        accounts.open(new dev.agora.identity.LocalAccounts.NewAccount(consumer, "Column Spec", null,
                "column-spec-secret", dev.agora.identity.PlatformRole.USER), "spec");
        Api.remember(consumer, "column-spec-secret");
        directory.ensureTeam(team, "Column Spec Team", "", "marketing", "spec");
        directory.ensureMembership(team, consumer, dev.agora.identity.TeamRole.MEMBER, "spec");
        Map<String, Object> body = request(freshProduct("INTERNAL"), team, 30);
        body.put("ports", List.of(Map.of("name", "campaigns", "columns", List.of("campaign_id", "channel"))));
        String id = submit(consumer, body).getString("id");

        approve("olivia", id);
        awaitStatus(consumer, id, "ACTIVE");

        String role = "agora_team_" + team.replace('-', '_');
        assertThat(countAs(role, "SELECT count(campaign_id) FROM lake.campaigns WHERE channel <> ''")).isEqualTo(40);
        assertThatThrownBy(() -> countAs(role, "SELECT count(spend_eur) FROM lake.campaigns"))
                .hasMessageContaining("permission denied");
    }

    @Test
    void many_grants_on_one_table_at_once_all_take_effect() throws Exception {
        // GRANTs on one table rewrite one access list: unserialised, concurrent ones fail "tuple concurrently updated"
        String run = dev.agora.support.Products.uniqueTag().replace('-', '_');
        List<String> roles = java.util.stream.IntStream.range(0, 24)
                .mapToObj(i -> dev.agora.grants.postgres.GranteeRoles.derived(new dev.agora.grants.Grantee("USER", run + "_" + i)))
                .toList();
        var workers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<dev.agora.grants.GrantOutcome>> outcomes = new java.util.ArrayList<>();
            for (String role : roles) {
                outcomes.add(workers.submit(() -> engine.grant(new dev.agora.grants.GrantSpec("postgres-table",
                        "lake.orders", List.of(), role, java.util.Set.of("READ")))));
            }
            for (var outcome : outcomes) {
                assertThat(outcome.get()).isInstanceOf(dev.agora.grants.GrantOutcome.Applied.class);
            }
        } finally {
            workers.shutdown();
        }
        for (String role : roles) {
            assertThat(countAs(role, "SELECT count(*) FROM lake.orders")).isPositive();
        }
    }

    @Test
    void a_grant_on_a_table_that_is_gone_fails_with_the_engines_error_shown_to_the_owner() throws SQLException {
        String product = freshProduct("INTERNAL");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS lake.doomed (id int)");
            statement.execute("COMMENT ON COLUMN lake.doomed.id IS 'Key'");
            Locations.salesTable("lake.doomed");
        }
        String doomed = Api.as("olivia").body(dev.agora.support.Products.named("Doomed " + dev.agora.support.Products
                        .uniqueTag()).harvestedPort("doomed", "postgres-table", "lake.doomed").body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + doomed + "/publish").then().statusCode(200);
        String id = submit("marco", request(doomed, "marketing-insights", 30)).getString("id");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE lake.doomed");
        }

        approve("olivia", id);
        JsonPath failed = awaitStatus("olivia", id, "FAILED");

        assertThat(failed.getString("lastGrantError")).contains("there is no table lake.doomed");
        assertThat(failed.getString("grants[0].status")).isEqualTo("FAILED");
        assertThat(product).isNotBlank();
    }
}
