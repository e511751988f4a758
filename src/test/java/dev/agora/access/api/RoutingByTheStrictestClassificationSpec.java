package dev.agora.access.api;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.get;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.audit.AuditLog;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.Api;
import dev.agora.support.Locations;
import dev.agora.support.People;
import dev.agora.support.Products;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Requests follow the strictest classification a product had lately and its current owner team: lowering the
 * classification opens no shortcut, raising it re-routes pending requests and shortens access, and after a
 * team change the old owners no longer decide.
 */
@QuarkusTest
class RoutingByTheStrictestClassificationSpec {

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    @Inject
    AuditLog audit;

    /** A published product on lake.campaigns, as the body that created it (to revise it with). */
    private static Products product(String classification) {
        return product(classification, "lake.campaigns");
    }

    private static Products product(String classification, String table) {
        Products product = Products.named("Routing Spec " + Products.uniqueTag())
                .with("classification", classification)
                .harvestedPort("campaigns", "postgres-table", table);
        String slug = Api.as("olivia").body(product.body()).post("/api/v1/products").then().statusCode(201)
                .extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        return product.with("slug", slug);
    }

    private static String slug(Products product) {
        return (String) product.body().get("slug");
    }

    private static void revise(String as, Products product) {
        Api.as(as).body(product.body()).put("/api/v1/products/" + slug(product)).then().statusCode(200);
    }

    @Nested
    class Lowering_the_classification {

        @Test
        void keeps_requests_routed_by_the_stricter_one_within_the_memory() {
            Products product = product("CONFIDENTIAL");
            revise("admin", product.with("classification", "PUBLIC"));
            Api.as("marco").get("/api/v1/products/" + slug(product)).then().statusCode(200);

            JsonPath request = submit("marco", request(slug(product), "marketing-insights", 30));

            assertThat(request.getString("status")).isEqualTo("PENDING");
            assertThat(request.getList("steps.role")).containsExactly("OWNER", "STEWARD");
            assertThat(request.getInt("maxDurationDays")).isEqualTo(90);
        }
    }

    @Nested
    class Raising_the_classification {

        @Test
        void routes_a_pending_request_to_a_steward_as_well_and_keeps_the_owners_approval_valid() {
            Products product = product("INTERNAL");
            String id = submit("marco", request(slug(product), "marketing-insights", 30)).getString("id");
            assertThat(get("marco", id).getList("steps.role")).containsExactly("OWNER");

            revise("olivia", product.with("classification", "CONFIDENTIAL"));

            JsonPath rerouted = get("marco", id);
            assertThat(rerouted.getString("status")).isEqualTo("PENDING");
            assertThat(rerouted.getList("steps.role")).containsExactly("OWNER", "STEWARD");
            approve("olivia", id);
            assertThat(get("marco", id).getString("status")).isEqualTo("PENDING");
            approve("stella", id);
            assertThat(get("marco", id).getString("status")).isIn("APPROVED", "ACTIVE");
            assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("access-request", id)))
                    .extracting(e -> e.action()).contains("access.request.rerouted");
        }

        @Test
        void ends_active_access_no_later_than_the_new_maximum() {
            Products product = product("INTERNAL");
            String id = submit("marco", request(slug(product), "marketing-insights", 120)).getString("id");
            approve("olivia", id);
            awaitStatus("marco", id, "ACTIVE");

            revise("olivia", product.with("classification", "RESTRICTED"));

            JsonPath shortened = get("marco", id);
            assertThat(shortened.getString("status")).isEqualTo("ACTIVE");
            assertThat(Instant.parse(shortened.getString("expiresAt")))
                    .isBefore(Instant.now().plus(Duration.ofDays(30)).plusSeconds(60));
            assertThat(Api.as("marco").get("/api/v1/notifications").then().statusCode(200).extract().asString())
                    .contains("now ends on");
        }
    }

    @Nested
    class Changing_team {

        @Test
        void the_old_owners_no_longer_decide_nor_revoke_and_the_new_owners_do() {
            People people = new People(accounts, directory);
            String newOwner = people.person("owner");
            String team = people.team("sales-ops", "sales");
            people.member(team, newOwner, TeamRole.OWNER);
            String table = Locations.ownTable("sales-analytics", "routing");
            Products product = product("INTERNAL", table);
            String id = submit("marco", request(slug(product), "marketing-insights", 30)).getString("id");

            // the data moves with the product: a port may name only data registered to its team
            Locations.transfer(team, "postgres-table", table);
            revise("admin", product.with("ownerTeam", team));

            Api.as("olivia").body(Map.of()).post("/api/v1/access-requests/" + id + "/approve").then()
                    .statusCode(404);
            assertThat(get("marco", id).getList("steps.scope")).containsExactly(team);
            approve(newOwner, id);
            awaitStatus("marco", id, "ACTIVE");
            Api.as("olivia").body(Map.of("reason", "no longer ours")).post("/api/v1/access-requests/" + id
                    + "/revoke").then().statusCode(404);
            Api.as(newOwner).body(Map.of("reason", "moved to us")).post("/api/v1/access-requests/" + id
                    + "/revoke").then().statusCode(200);
        }
    }
}
