package dev.agora.access.api;

import static dev.agora.support.AccessRequestsApi.freshProduct;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.agora.audit.AuditLog;
import dev.agora.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Administrators change the access policies; a change applies to requests made after it. */
@QuarkusTest
class PoliciesThroughTheApiSpec {

    @Inject
    AuditLog audit;

    @AfterEach
    void defaults() {
        Api.as("admin").body(Map.of("approvers", List.of("OWNER"), "autoApprove", false, "maxDurationDays", 180))
                .put("/api/v1/admin/policies/INTERNAL").then().statusCode(200);
    }

    @Test
    void the_policies_of_every_classification_are_listed() {
        Api.as("admin").get("/api/v1/admin/policies").then().statusCode(200)
                .body("classification", hasItems("PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"))
                .body("find { it.classification == 'CONFIDENTIAL' }.approvers", hasItems("OWNER", "STEWARD"));
    }

    @Test
    void a_changed_policy_applies_to_requests_made_after_it_and_is_audited() {
        String product = freshProduct("INTERNAL");
        JsonPath before = submit("marco", request(product, "marketing-insights", 30));

        Api.as("admin").body(Map.of("approvers", List.of("OWNER", "STEWARD"), "autoApprove", false, "maxDurationDays", 14))
                .put("/api/v1/admin/policies/internal")
                .then().statusCode(200).body("maxDurationDays", equalTo(14));

        assertThat(before.getList("steps.role")).containsExactly("OWNER");
        assertThat(Api.as("marco").get("/api/v1/access-requests/" + before.getString("id")).then().extract()
                .jsonPath().getList("steps.role")).containsExactly("OWNER");
        Api.as("marco").body(request(freshProduct("INTERNAL"), "marketing-insights", 30)).post("/api/v1/access-requests")
                .then().statusCode(400).body("errors[0].message", containsString("between 1 and 14 days"));
        JsonPath after = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 14));
        assertThat(after.getList("steps.role")).containsExactly("OWNER", "STEWARD");
        assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("access-policy", "INTERNAL")))
                .extracting(e -> e.action()).contains("access.policy.updated");
    }

    @Test
    void an_unsafe_policy_is_refused_field_by_field() {
        Api.as("admin").body(Map.of("approvers", List.of("STEWARD"), "autoApprove", true, "maxDurationDays", 0))
                .put("/api/v1/admin/policies/RESTRICTED")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("approvers", "autoApprove", "maxDurationDays"));
        Api.as("admin").body(Map.of("approvers", List.of("OWNER"), "maxDurationDays", 30))
                .put("/api/v1/admin/policies/SECRET").then().statusCode(404);
    }

    @Test
    void only_administrators_change_policies() {
        Api.as("olivia").body(Map.of("approvers", List.of("OWNER"), "autoApprove", true, "maxDurationDays", 365))
                .put("/api/v1/admin/policies/PUBLIC").then().statusCode(403);
        Api.as("olivia").get("/api/v1/admin/policies").then().statusCode(403);
    }
}
