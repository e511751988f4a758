package dev.agora.access.api;

import static dev.agora.support.AccessRequestsApi.freshProduct;
import static dev.agora.support.AccessRequestsApi.get;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.agora.audit.AuditLog;
import dev.agora.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, Policies: an administrator changes a classification's policy; the next request follows it, requests
 * made before keep their steps; every policy carries a preview line; bad input is a 400, non-admins get a 403.
 * The policies changed here (PUBLIC, CONFIDENTIAL) are put back as they were after each spec.
 */
@QuarkusTest
class PolicyChangesSpec {

    private static final String POLICIES = "/api/v1/admin/policies";

    @Inject
    AuditLog audit;

    private final Map<String, Map<String, Object>> saved = new HashMap<>();

    @BeforeEach
    void remember() {
        JsonPath all = Api.as("admin").get(POLICIES).then().statusCode(200).extract().jsonPath();
        for (String classification : List.of("PUBLIC", "CONFIDENTIAL")) {
            Map<String, Object> policy = all.getMap("find { it.classification == '" + classification + "' }");
            saved.put(classification, Map.of("approvers", policy.get("approvers"), "autoApprove",
                    policy.get("autoApprove"), "maxDurationDays", policy.get("maxDurationDays")));
        }
    }

    @AfterEach
    void restore() {
        saved.forEach((classification, policy) -> Api.as("admin").body(policy).put(POLICIES + "/" + classification)
                .then().statusCode(200));
    }

    private static Map<String, Object> policy(List<String> approvers, boolean autoApprove, Object days) {
        Map<String, Object> body = new HashMap<>();
        body.put("approvers", approvers);
        body.put("autoApprove", autoApprove);
        body.put("maxDurationDays", days);
        return body;
    }

    @Test
    void a_policy_change_takes_effect_on_the_next_request_while_a_request_made_before_keeps_its_steps() {
        Api.as("admin").body(policy(List.of("OWNER", "STEWARD"), false, 90)).put(POLICIES + "/CONFIDENTIAL")
                .then().statusCode(200);
        JsonPath before = submit("marco", request(freshProduct("CONFIDENTIAL"), "marketing-insights", 60));
        assertThat(before.getList("steps.role")).containsExactly("OWNER", "STEWARD");

        Api.as("admin").body(policy(List.of("OWNER"), false, 20)).put(POLICIES + "/confidential")
                .then().statusCode(200).body("approvers", equalTo(List.of("OWNER"))).body("maxDurationDays", equalTo(20));

        JsonPath next = submit("marco", request(freshProduct("CONFIDENTIAL"), "marketing-insights", 20));
        assertThat(next.getList("steps.role")).containsExactly("OWNER");
        assertThat(next.getInt("maxDurationDays")).isEqualTo(20);
        JsonPath earlier = get("marco", before.getString("id"));
        assertThat(earlier.getList("steps.role")).containsExactly("OWNER", "STEWARD");
        assertThat(earlier.getInt("maxDurationDays")).isEqualTo(90);
        assertThat(earlier.getInt("durationDays")).isEqualTo(60);
    }

    @Test
    void turning_auto_approval_off_sends_the_next_public_request_to_its_approvers() {
        Api.as("admin").body(policy(List.of("OWNER"), true, 365)).put(POLICIES + "/PUBLIC").then().statusCode(200);
        JsonPath approvedAtOnce = submit("marco", request(freshProduct("PUBLIC"), "marketing-insights", 30));
        assertThat(approvedAtOnce.getString("status")).isIn("APPROVED", "ACTIVE");

        Api.as("admin").body(policy(List.of("OWNER", "STEWARD"), false, 60)).put(POLICIES + "/PUBLIC")
                .then().statusCode(200).body("autoApprove", equalTo(false));

        JsonPath waits = submit("marco", request(freshProduct("PUBLIC"), "marketing-insights", 30));
        assertThat(waits.getString("status")).isEqualTo("PENDING");
        assertThat(waits.getList("steps.role")).containsExactly("OWNER", "STEWARD");
        assertThat(get("marco", approvedAtOnce.getString("id")).getString("status")).isIn("APPROVED", "ACTIVE");
        assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("access-policy", "PUBLIC")))
                .last().satisfies(line -> {
                    assertThat(line.actor()).isEqualTo("admin");
                    assertThat(line.action()).isEqualTo("access.policy.updated");
                });
    }

    @Test
    void every_policy_has_a_preview_line_and_a_change_answers_with_the_new_one() {
        Api.as("admin").get(POLICIES).then().statusCode(200)
                .body("find { it.classification == 'RESTRICTED' }.preview", containsString("A RESTRICTED request needs"
                        + " an owner of the product's team and a steward of its domain"));

        Api.as("admin").body(policy(List.of("OWNER"), false, 45)).put(POLICIES + "/CONFIDENTIAL").then()
                .statusCode(200).body("preview", equalTo("A CONFIDENTIAL request needs an owner of the product's team; "
                        + "a request for the owner team itself goes to a steward of the domain instead; access lasts "
                        + "at most 45 days."));
        Api.as("admin").get(POLICIES).then().statusCode(200)
                .body("find { it.classification == 'CONFIDENTIAL' }.preview", containsString("at most 45 days"));
    }

    @Test
    void saving_the_same_policy_again_changes_and_audits_nothing() {
        Api.as("admin").body(policy(List.of("OWNER", "STEWARD"), false, 77)).put(POLICIES + "/CONFIDENTIAL")
                .then().statusCode(200);
        int lines = QuarkusTransaction.requiringNew().call(() -> audit.about("access-policy", "CONFIDENTIAL")).size();

        Api.as("admin").body(policy(List.of("OWNER", "STEWARD"), false, 77)).put(POLICIES + "/CONFIDENTIAL")
                .then().statusCode(200).body("maxDurationDays", equalTo(77));

        assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("access-policy", "CONFIDENTIAL")))
                .hasSize(lines);
    }

    @Nested
    class Bad_input_is_a_400_problem_and_changes_nothing {

        private void refused(Object body, String field) {
            Api.as("admin").body(body).put(POLICIES + "/CONFIDENTIAL").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(field));
        }

        @Test
        void an_unknown_approver_role() {
            refused(policy(List.of("OWNER", "AUDITOR"), false, 30), "approvers[1]");
        }

        @Test
        void a_duration_of_zero_or_longer_than_ten_years_or_beyond_any_integer() {
            refused(policy(List.of("OWNER"), false, 0), "maxDurationDays");
            refused(policy(List.of("OWNER"), false, 3651), "maxDurationDays");
            refused(policy(List.of("OWNER"), false, 99_999_999_999L), "maxDurationDays");
            refused(policy(List.of("OWNER"), false, "ninety"), "maxDurationDays");
            refused(policy(List.of("OWNER"), false, null), "maxDurationDays");
        }

        @Test
        void no_approval_steps_and_no_auto_approval() {
            refused(policy(List.of(), false, 30), "approvers");
        }

        @Test
        void auto_approval_of_data_that_is_not_public() {
            refused(policy(List.of("OWNER"), true, 30), "autoApprove");
        }

        @Test
        void a_body_that_is_not_a_policy() {
            Api.as("admin").body("null").put(POLICIES + "/CONFIDENTIAL").then().statusCode(400)
                    .contentType("application/problem+json");
            Api.as("admin").body("[1, 2]").put(POLICIES + "/CONFIDENTIAL").then().statusCode(400)
                    .contentType("application/problem+json");
        }

        @AfterEach
        void nothing_changed() {
            Api.as("admin").get(POLICIES).then().statusCode(200)
                    .body("find { it.classification == 'CONFIDENTIAL' }.maxDurationDays",
                            equalTo(saved.get("CONFIDENTIAL").get("maxDurationDays")));
        }
    }

    @Test
    void an_unknown_classification_is_not_found() {
        Api.as("admin").body(policy(List.of("OWNER"), false, 30)).put(POLICIES + "/SECRET").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void non_administrators_get_a_403_problem_from_every_policy_and_grant_health_endpoint() {
        String someId = "00000000-0000-0000-0000-000000000001";
        for (String user : List.of("olivia", "marco", "stella")) {
            Api.as(user).get(POLICIES).then().statusCode(403).contentType("application/problem+json");
            Api.as(user).body(policy(List.of("OWNER"), true, 365)).put(POLICIES + "/PUBLIC").then().statusCode(403)
                    .contentType("application/problem+json");
            Api.as(user).get("/api/v1/admin/grants/health").then().statusCode(403)
                    .contentType("application/problem+json");
            Api.as(user).post("/api/v1/admin/grants/reconcile").then().statusCode(403)
                    .contentType("application/problem+json");
            Api.as(user).post("/api/v1/admin/grants/jobs/" + someId + "/retry").then().statusCode(403)
                    .contentType("application/problem+json");
            Api.as(user).post("/api/v1/admin/grants/drift/" + someId + "/heal").then().statusCode(403)
                    .contentType("application/problem+json");
            Api.as(user).post("/api/v1/admin/grants/drift/" + someId + "/revoke").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        Api.anonymous().get(POLICIES).then().statusCode(401);
    }
}
