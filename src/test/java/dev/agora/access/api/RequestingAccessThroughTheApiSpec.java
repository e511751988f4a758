package dev.agora.access.api;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.freshProduct;
import static dev.agora.support.AccessRequestsApi.get;
import static dev.agora.support.AccessRequestsApi.inbox;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.agora.access.application.AccessReactions;
import dev.agora.access.application.AccessRequests;
import dev.agora.audit.AuditLog;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.PlatformRole;
import dev.agora.identity.TeamRole;
import dev.agora.support.Api;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Consumers request access through the API; requests are routed, decided, granted, ended. */
@QuarkusTest
class RequestingAccessThroughTheApiSpec {

    @Inject
    AuditLog audit;

    @Inject
    MockMailbox mailbox;

    @Inject
    AccessRequests requests;

    @Inject
    AccessReactions reactions;

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    @BeforeEach
    void secondOwner() {
        Api.remember("oscar", "a-long-enough-secret");
        if (!accounts.exists("oscar")) {
            accounts.open(new LocalAccounts.NewAccount("oscar", "Oscar Owner", "oscar@agora.example",
                    "a-long-enough-secret", PlatformRole.USER), "spec");
            directory.ensureMembership("sales-analytics", "oscar", TeamRole.OWNER, "spec");
        }
    }

    @Nested
    class Requesting {

        @Test
        void a_request_is_submitted_as_made_with_its_steps_and_history() {
            String product = freshProduct("INTERNAL");

            JsonPath created = submit("marco", request(product, "marketing-insights", 30));

            assertThat(created.getString("status")).isEqualTo("PENDING");
            assertThat(created.getString("product.slug")).isEqualTo(product);
            assertThat(created.getList("ports.name")).containsExactly("campaigns");
            assertThat(created.getString("principal.type")).isEqualTo("TEAM");
            assertThat(created.getString("requester")).isEqualTo("marco");
            assertThat(created.getInt("durationDays")).isEqualTo(30);
            assertThat(created.getList("steps.role")).containsExactly("OWNER");
            assertThat(created.getList("steps[0].approvers", String.class)).contains("olivia", "oscar");
            assertThat(created.getList("history.to")).containsExactly("PENDING");
        }

        @Test
        void a_second_open_request_for_the_same_principal_and_port_is_refused_with_a_pointer() {
            String product = freshProduct("INTERNAL");
            String first = submit("marco", request(product, "marketing-insights", 30)).getString("id");

            Api.as("marco").body(request(product, "marketing-insights", 10)).post("/api/v1/access-requests")
                    .then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("/api/v1/access-requests/" + first));
        }

        @Test
        void a_request_can_narrow_a_port_to_named_columns() {
            String product = freshProduct("INTERNAL");
            Map<String, Object> body = request(product, null, 5);
            body.put("ports", List.of(Map.of("name", "campaigns", "columns", List.of("campaign_id", "spend_eur"))));

            JsonPath created = submit("marco", body);

            assertThat(created.getList("ports[0].columns")).containsExactly("campaign_id", "spend_eur");
            assertThat(created.getString("principal.type")).isEqualTo("USER");
        }

        @Test
        void what_breaks_the_rules_is_named_field_by_field() {
            String product = freshProduct("CONFIDENTIAL");
            Map<String, Object> body = request(product, "sales-analytics", 400);
            body.put("justification", "x");
            body.put("ports", List.of("nope"));

            Api.as("marco").body(body).post("/api/v1/access-requests")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItems("justification", "durationDays", "principal", "ports"))
                    .body("errors.find { it.field == 'durationDays' }.message",
                            containsString("between 1 and 90 days for CONFIDENTIAL"));
        }

        @Test
        void several_products_in_a_basket_become_one_request_each_in_one_submission() {
            String one = freshProduct("INTERNAL");
            String two = freshProduct("CONFIDENTIAL");

            JsonPath submission = Api.as("marco").body(Map.of(
                            "items", List.of(Map.of("product", one), Map.of("product", two, "ports", List.of("campaigns"))),
                            "principal", Map.of("type", "TEAM", "name", "marketing-insights"),
                            "justification", "Quarterly marketing review", "durationDays", 30))
                    .post("/api/v1/access-requests/basket").then().statusCode(201).extract().jsonPath();

            assertThat(submission.getList("requests.product.slug")).containsExactlyInAnyOrder(one, two);
            assertThat(submission.getList("requests.submissionId")).containsOnly(submission.getString("submissionId"));
            assertThat(submission.getList("requests.steps.role")).contains(List.of("OWNER"),
                    List.of("OWNER", "STEWARD"));
            Api.as("marco").get("/api/v1/access-requests/submissions/" + submission.getString("submissionId"))
                    .then().statusCode(200).body("size()", equalTo(2));
        }
    }

    @Nested
    class Routing_and_deciding {

        @Test
        void an_internal_request_goes_to_the_owners_only() {
            String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");

            assertThat(inbox("olivia")).contains(id);
            assertThat(inbox("oscar")).contains(id);
            assertThat(inbox("stella")).doesNotContain(id);
            assertThat(inbox("marco")).doesNotContain(id);
        }

        @Test
        void a_confidential_request_needs_the_owner_and_the_steward_in_any_order() {
            String id = submit("marco", request(freshProduct("CONFIDENTIAL"), "marketing-insights", 30)).getString("id");
            assertThat(inbox("stella")).contains(id);

            assertThat(approve("stella", id).getString("status")).isEqualTo("PENDING");
            assertThat(inbox("stella")).doesNotContain(id);
            assertThat(approve("olivia", id).getString("status")).isIn("APPROVED", "ACTIVE");
        }

        @Test
        void nobody_approves_their_own_request() {
            String id = submit("olivia", request(freshProduct("INTERNAL"), null, 30)).getString("id");

            Api.as("olivia").body(Map.of()).post("/api/v1/access-requests/" + id + "/approve")
                    .then().statusCode(403)
                    .body("detail", containsString("Nobody approves their own request"));
            assertThat(inbox("olivia")).doesNotContain(id);
        }

        @Test
        void someone_the_request_is_not_routed_to_gets_403_and_an_outsider_404() {
            String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");

            Api.as("stella").body(Map.of()).post("/api/v1/access-requests/" + id + "/approve")
                    .then().statusCode(403).contentType("application/problem+json");
            Api.as("admin").body(Map.of()).post("/api/v1/access-requests/" + id + "/approve")
                    .then().statusCode(403);
            Api.as("marco").get("/api/v1/access-requests/" + UUID.randomUUID()).then().statusCode(404);
            Api.anonymous().get("/api/v1/access-requests/" + id).then().statusCode(401);
        }

        @Test
        void a_rejection_needs_a_reason_and_ends_the_request() {
            String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");

            Api.as("olivia").body(Map.of("reason", " ")).post("/api/v1/access-requests/" + id + "/reject")
                    .then().statusCode(400).body("errors[0].field", equalTo("reason"));
            Api.as("olivia").body(Map.of("reason", "Use the aggregated product")).post("/api/v1/access-requests/" + id + "/reject")
                    .then().statusCode(200).body("status", equalTo("REJECTED"));
            Api.as("oscar").body(Map.of()).post("/api/v1/access-requests/" + id + "/approve")
                    .then().statusCode(409).body("detail", containsString("is REJECTED"));
        }

        @Test
        void an_approver_may_shorten_the_duration() {
            String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");

            Api.as("olivia").body(Map.of("durationDays", 7, "comment", "one week is enough"))
                    .post("/api/v1/access-requests/" + id + "/approve")
                    .then().statusCode(200).body("durationDays", equalTo(7));
        }

        @Test
        void two_approvers_deciding_at_once_one_wins_and_the_other_is_told() throws Exception {
            for (int round = 0; round < 3; round++) {
                String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    Callable<Integer> olivia = () -> decide("olivia", id).statusCode();
                    Callable<Integer> oscar = () -> decide("oscar", id).statusCode();
                    List<Future<Integer>> results = pool.invokeAll(List.of(olivia, oscar));
                    List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
                    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                } finally {
                    pool.shutdown();
                }
                assertThat(get("marco", id).getList("steps.decidedBy")).hasSize(1);
            }
        }

        private Response decide(String who, String id) {
            return Api.as(who).body(Map.of()).post("/api/v1/access-requests/" + id + "/approve");
        }

        @Test
        void bulk_approval_approves_each_request_and_says_what_it_could_not() {
            String one = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");
            String own = submit("olivia", request(freshProduct("INTERNAL"), null, 30)).getString("id");

            JsonPath outcome = Api.as("olivia").body(Map.of("ids", List.of(one, own)))
                    .post("/api/v1/access-requests/bulk-approve").then().statusCode(200).extract().jsonPath();

            assertThat(outcome.getList("done", Boolean.class)).containsExactly(true, false);
            assertThat(outcome.getString("[1].problem")).contains("own request");
        }
    }

    @Nested
    class Living_access {

        @Test
        void an_approved_request_becomes_active_with_its_grants_listed() {
            String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");

            approve("olivia", id);
            JsonPath active = awaitStatus("marco", id, "ACTIVE");

            assertThat(active.getString("expiresAt")).isNotNull();
            assertThat(active.getString("grants[0].engine")).isEqualTo("postgres");
            assertThat(active.getString("grants[0].grantee")).isEqualTo("agora_team_marketing_insights");
            assertThat(active.getString("grants[0].resource")).isEqualTo("postgres-table:lake.campaigns");
            assertThat(active.getString("grants[0].status")).isEqualTo("ACTIVE");
            assertThat(active.getList("history.to")).containsExactly("PENDING", "APPROVED", "ACTIVE");
        }

        @Test
        void the_requester_cancels_a_pending_request_and_may_then_ask_again() {
            String product = freshProduct("INTERNAL");
            String id = submit("marco", request(product, "marketing-insights", 30)).getString("id");

            Api.as("olivia").post("/api/v1/access-requests/" + id + "/cancel").then().statusCode(403);
            Api.as("marco").post("/api/v1/access-requests/" + id + "/cancel").then().statusCode(200)
                    .body("status", equalTo("CANCELLED"));
            submit("marco", request(product, "marketing-insights", 30));
        }

        @Test
        void an_owner_revokes_active_access_and_its_grants_are_taken_back() {
            String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");
            approve("olivia", id);
            awaitStatus("marco", id, "ACTIVE");

            Api.as("marco").body(Map.of("reason", "mine")).post("/api/v1/access-requests/" + id + "/revoke")
                    .then().statusCode(403);
            Api.as("oscar").body(Map.of("reason", "The project ended")).post("/api/v1/access-requests/" + id + "/revoke")
                    .then().statusCode(200).body("status", equalTo("REVOKED"));
            dev.agora.support.Eventually.within(Duration.ofSeconds(10), "the grant revoked", () -> get("marco", id),
                    request -> "REVOKED".equals(request.getString("grants[0].status")));
        }

        @Test
        void an_extension_keeps_the_access_active_and_moves_its_end_once_approved() {
            String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");
            approve("olivia", id);
            String endBefore = awaitStatus("marco", id, "ACTIVE").getString("expiresAt");

            Api.as("marco").body(Map.of("durationDays", 500, "reason", "Q4 too")).post("/api/v1/access-requests/" + id + "/extend")
                    .then().statusCode(400).body("errors[0].field", equalTo("durationDays"));
            Api.as("marco").body(Map.of("durationDays", 14, "reason", "Q4 too")).post("/api/v1/access-requests/" + id + "/extend")
                    .then().statusCode(200).body("status", equalTo("ACTIVE"));
            assertThat(inbox("olivia")).contains(id);
            JsonPath extended = approve("olivia", id);

            assertThat(Instant.parse(extended.getString("expiresAt")))
                    .isEqualTo(Instant.parse(endBefore).plus(Duration.ofDays(14)));
            assertThat(inbox("olivia")).doesNotContain(id);
        }

        @Test
        void the_expiry_job_ends_access_whose_time_is_up_and_revokes_its_grants() {
            String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 3)).getString("id");
            approve("olivia", id);
            awaitStatus("marco", id, "ACTIVE");

            int expired = requests.expireDue(Instant.now().plus(Duration.ofDays(4)), 500);

            assertThat(expired).isGreaterThanOrEqualTo(1);
            JsonPath ended = get("marco", id);
            assertThat(ended.getString("status")).isEqualTo("EXPIRED");
            assertThat(requests.expireDue(Instant.now().plus(Duration.ofDays(4)), 500)).isZero();
            dev.agora.support.Eventually.within(Duration.ofSeconds(10), "the grant revoked", () -> get("marco", id),
                    request -> "REVOKED".equals(request.getString("grants[0].status")));
        }
    }

    @Nested
    class Telling_people {

        @Test
        void approvers_hear_of_a_new_request_and_the_requester_of_the_decision() {
            mailbox.clear();
            String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");

            assertThat(notifications("olivia")).anySatisfy(n -> assertThat(n).contains("marco (for team "
                    + "marketing-insights) asks for access"));
            assertThat(mailbox.getMailsSentTo("olivia@agora.example")).isNotEmpty();
            assertThat(notifications("stella")).noneSatisfy(n -> assertThat(n).contains(id));

            Api.as("olivia").body(Map.of("reason", "Not this quarter")).post("/api/v1/access-requests/" + id + "/reject")
                    .then().statusCode(200);
            assertThat(notifications("marco")).anySatisfy(n -> assertThat(n).contains("is rejected: Not this quarter"));
        }

        @Test
        void approvers_are_reminded_of_old_requests_once_a_day_and_requesters_warned_before_the_end() {
            String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 5)).getString("id");
            Instant later = Instant.now().plus(Duration.ofDays(3));

            assertThat(reactions.remind(later, Duration.ofDays(2))).isGreaterThanOrEqualTo(1);
            int again = reactions.remind(later, Duration.ofDays(2));
            assertThat(notifications("olivia")).filteredOn(n -> n.startsWith("Still waiting")).isNotEmpty();

            approve("olivia", id);
            awaitStatus("marco", id, "ACTIVE");
            assertThat(reactions.warnOfExpiry(Instant.now(), Duration.ofDays(7))).isGreaterThanOrEqualTo(1);
            assertThat(notifications("marco")).anySatisfy(n -> assertThat(n).contains("ends on"));
            assertThat(again).isZero();
        }

        private List<String> notifications(String who) {
            return Api.as(who).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath()
                    .getList("message");
        }
    }

    @Test
    void every_transition_is_in_the_audit_trail() {
        String id = submit("marco", request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");
        approve("olivia", id);
        awaitStatus("marco", id, "ACTIVE");

        assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("access-request", id)))
                .extracting(e -> e.action())
                .containsSubsequence("access.request.submitted", "access.request.approved", "access.request.activated");
    }
}
