package dev.agora.identity;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.freshProduct;
import static dev.agora.support.AccessRequestsApi.get;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.agora.audit.AuditLog;
import dev.agora.platform.web.SessionCookies;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.People;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Deactivating a leaver ends everything they hold in one operation: their access is revoked through the grant
 * engines (their PostgreSQL role can no longer read), their pending requests are cancelled, their sessions and API
 * tokens end. Reactivating them lets them sign in again, and gives none of it back.
 */
@QuarkusTest
class DeactivatingALeaverSpec {

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource database;

    private String leaver;

    @BeforeEach
    void aLeaverOfMarketing() {
        People people = new People(accounts, directory);
        leaver = people.person("leaver");
        people.member("marketing-insights", leaver, TeamRole.MEMBER);
    }

    /** Reads the lake as the role, the way the person's login role (granted this role) would. */
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

    private boolean deniedAs(String role) {
        try {
            countAs(role, "SELECT count(*) FROM lake.campaigns");
            return false;
        } catch (SQLException denied) {
            return denied.getMessage().contains("permission denied");
        }
    }

    private static Response deactivate(String username) {
        return Api.as("admin").post("/api/v1/admin/users/" + username + "/deactivate");
    }

    private static Response reactivate(String username) {
        return Api.as("admin").post("/api/v1/admin/users/" + username + "/reactivate");
    }

    private String newToken() {
        return Api.as(leaver).body(Map.of("name", "laptop")).post("/api/v1/me/tokens")
                .then().statusCode(201).extract().path("token");
    }

    private static int callWith(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/v1/me").statusCode();
    }

    private Map<String, String> signInWithTheForm() {
        Response response = given().redirects().follow(false).formParam("username", leaver)
                .formParam("password", People.PASSWORD).post("/j_security_check");
        response.then().statusCode(302);
        return Map.of(SessionCookies.CREDENTIAL, response.getCookie(SessionCookies.CREDENTIAL),
                SessionCookies.TICKET, response.getCookie(SessionCookies.TICKET));
    }

    private static Response openThePortal(Map<String, String> session) {
        return given().redirects().follow(false).cookies(session).get("/requests");
    }

    @Nested
    class Deactivation {

        @Test
        void revokes_their_active_access_for_real_so_that_their_postgresql_role_can_no_longer_select()
                throws SQLException {
            String active = submit(leaver, request(freshProduct("INTERNAL"), null, 30)).getString("id");
            approve("olivia", active);
            String role = awaitStatus(leaver, active, "ACTIVE").getString("grants[0].grantee");
            assertThat(countAs(role, "SELECT count(*) FROM lake.campaigns")).as("while active").isEqualTo(40);

            deactivate(leaver).then().statusCode(200).body("status", equalTo("DEACTIVATED"));

            assertThat(get("admin", active).getString("status")).isEqualTo("REVOKED");
            Eventually.within(Duration.ofSeconds(15), "the grant of " + role + " taken back by the engine",
                    () -> deniedAs(role), denied -> denied);
        }

        @Test
        void cancels_their_pending_requests() {
            String pending = submit(leaver, request(freshProduct("INTERNAL"), null, 30)).getString("id");

            deactivate(leaver).then().statusCode(200);

            assertThat(get("admin", pending).getString("status")).isEqualTo("CANCELLED");
        }

        @Test
        void makes_their_api_token_stop_working() {
            String token = newToken();
            assertThat(callWith(token)).isEqualTo(200);

            deactivate(leaver).then().statusCode(200).body("liveApiTokens", equalTo(0));

            assertThat(callWith(token)).isEqualTo(401);
        }

        @Test
        void ends_their_browser_session() {
            Map<String, String> session = signInWithTheForm();
            openThePortal(session).then().statusCode(200);

            deactivate(leaver).then().statusCode(200);

            openThePortal(session).then().statusCode(302).header("Location", containsString("/login"));
            given().redirects().follow(false).formParam("username", leaver).formParam("password", People.PASSWORD)
                    .post("/j_security_check").then().header("Location", containsString("error"));
        }

        @Test
        void can_be_repeated_safely_and_is_journalled_once() {
            deactivate(leaver).then().statusCode(200).body("status", equalTo("DEACTIVATED"));
            deactivate(leaver).then().statusCode(200).body("status", equalTo("DEACTIVATED"));
            Api.as("admin").post("/api/v1/admin/users/" + leaver + "/disable").then().statusCode(204);

            assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("user", leaver)))
                    .filteredOn(event -> event.action().equals("identity.user.deactivated"))
                    .singleElement()
                    .satisfies(event -> assertThat(event.actor()).isEqualTo("admin"));
        }
    }

    @Nested
    class Reactivation {

        @Test
        void lets_them_sign_in_again_but_gives_no_access_and_no_token_back() {
            String active = submit(leaver, request(freshProduct("INTERNAL"), null, 30)).getString("id");
            approve("olivia", active);
            String role = awaitStatus(leaver, active, "ACTIVE").getString("grants[0].grantee");
            String pending = submit(leaver, request(freshProduct("INTERNAL"), null, 30)).getString("id");
            String token = newToken();
            deactivate(leaver).then().statusCode(200);
            Api.as(leaver).get("/api/v1/me").then().statusCode(401);

            reactivate(leaver).then().statusCode(200).body("status", equalTo("ACTIVE"));

            Api.as(leaver).get("/api/v1/me").then().statusCode(200).body("username", equalTo(leaver));
            openThePortal(signInWithTheForm()).then().statusCode(200);
            assertThat(get(leaver, active).getString("status")).isEqualTo("REVOKED");
            assertThat(get(leaver, pending).getString("status")).isEqualTo("CANCELLED");
            assertThat(callWith(token)).as("a revoked token stays revoked").isEqualTo(401);
            Eventually.within(Duration.ofSeconds(15), "the grant of " + role + " to stay gone",
                    () -> deniedAs(role), denied -> denied);
            assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("user", leaver)))
                    .anySatisfy(event -> assertThat(event.action()).isEqualTo("identity.user.reactivated"));
        }

        @Test
        void of_an_active_account_changes_nothing() {
            reactivate(leaver).then().statusCode(200).body("status", equalTo("ACTIVE"));

            assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("user", leaver)))
                    .noneSatisfy(event -> assertThat(event.action()).isEqualTo("identity.user.reactivated"));
        }
    }

    @Test
    void the_old_disable_and_enable_paths_do_the_same() {
        String token = newToken();

        Api.as("admin").post("/api/v1/admin/users/" + leaver + "/disable").then().statusCode(204);
        assertThat(callWith(token)).isEqualTo(401);
        Api.as("admin").get("/api/v1/admin/users/" + leaver).then().statusCode(200)
                .body("status", equalTo("DEACTIVATED"));

        Api.as("admin").post("/api/v1/admin/users/" + leaver + "/enable").then().statusCode(204);
        Api.as(leaver).get("/api/v1/me").then().statusCode(200);
        assertThat(callWith(token)).as("a revoked token stays revoked").isEqualTo(401);
    }
}
