package dev.agora.identity;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** GET /api/v1/me tells the signed-in person who they are in the mesh: roles, teams, stewardship. */
@QuarkusTest
class WhoAmISpec {

    @Test
    void an_owner_sees_her_team_and_her_role_in_it() {
        Api.as("olivia").get("/api/v1/me")
                .then().statusCode(200)
                .body("displayName", equalTo("Olivia Owner"))
                .body("roles", contains("USER"))
                .body("memberships.team", contains("sales-analytics"))
                .body("memberships[0].domain", equalTo("sales"))
                .body("memberships[0].role", equalTo("OWNER"))
                .body("stewardOf", empty());
    }

    @Test
    void a_steward_is_steward_of_the_domain_of_her_team() {
        Api.as("stella").get("/api/v1/me")
                .then().statusCode(200)
                .body("memberships[0].role", equalTo("STEWARD"))
                .body("stewardOf", contains("sales"));
    }

    @Test
    void a_consumer_is_a_member_of_his_team() {
        Api.as("marco").get("/api/v1/me")
                .then().statusCode(200)
                .body("memberships.team", contains("marketing-insights"))
                .body("memberships[0].role", equalTo("MEMBER"));
    }

    @Test
    void an_admin_holds_both_the_admin_and_the_user_role() {
        Api.as("admin").get("/api/v1/me")
                .then().statusCode(200)
                .body("platformRole", equalTo("ADMIN"))
                .body("roles", containsInAnyOrder("ADMIN", "USER"))
                .body("memberships", empty());
    }
}
