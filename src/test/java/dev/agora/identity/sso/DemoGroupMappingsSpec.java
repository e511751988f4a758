package dev.agora.identity.sso;

import static org.hamcrest.Matchers.hasItems;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A demo with single sign-on configured (docker/compose.yml with Keycloak) maps the demo realm's groups to the demo
 * organisation, so that its Keycloak users arrive with their teams; without a provider nothing is seeded
 * (GroupMappingAdministrationSpec starts from an empty table).
 */
@QuarkusTest
@TestProfile(SingleSignOnProfile.class)
class DemoGroupMappingsSpec {

    @Test
    void the_demo_realms_groups_are_mapped_to_the_demo_teams() {
        Api.as("admin").get("/api/v1/admin/group-mappings").then().statusCode(200)
                .body("findAll { it.group == 'agora-admins' }.role", hasItems("ADMIN"))
                .body("findAll { it.group == 'sales-owners' }.team", hasItems("sales-analytics"))
                .body("findAll { it.group == 'sales-stewards' }.domain", hasItems("sales"))
                .body("findAll { it.group == 'marketing-members' }.team", hasItems("marketing-insights"));
    }
}
