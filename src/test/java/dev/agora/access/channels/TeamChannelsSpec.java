package dev.agora.access.channels;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.access.application.AccessReactions;
import dev.agora.access.application.TeamAnnouncement;
import dev.agora.audit.AuditLog;
import dev.agora.events.outbound.OutboundMessages;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.Locations;
import dev.agora.support.People;
import dev.agora.support.Products;
import dev.agora.support.RecordingEndpoint;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A team points its notifications at a Slack or Microsoft Teams incoming webhook, and Agora posts there, in the
 * tool's format, what the team should hear of: the owner team a new request for one of its products (once, however
 * often it is announced), the owner and the requesting team a grant that failed (never with the engine's error), the
 * requesting team access about to end. Only the team's owners (and administrators) set, test and remove the
 * channel; its members see that one is set; nobody sees its URL again, not even in the audit trail.
 */
@QuarkusTest
class TeamChannelsSpec {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LocalAccounts accounts;
    @Inject
    Directory directory;
    @Inject
    OutboundMessages messages;
    @Inject
    AccessReactions reactions;
    @Inject
    Event<TeamAnnouncement> announcements;
    @Inject
    AuditLog audit;

    RecordingEndpoint endpoint;
    String owner;
    String member;
    String requester;
    String outsider;
    String ownerTeam;
    String requestingTeam;

    @BeforeEach
    void twoTeamsAndAStub() {
        endpoint = RecordingEndpoint.start();
        People people = new People(accounts, directory);
        owner = people.person("owner");
        member = people.person("member");
        requester = people.person("asker");
        outsider = people.person("outsider");
        ownerTeam = people.team("producers", "sales");
        requestingTeam = people.team("consumers", "marketing");
        people.member(ownerTeam, owner, TeamRole.OWNER).member(ownerTeam, member, TeamRole.MEMBER)
                .member(requestingTeam, requester, TeamRole.OWNER);
    }

    @AfterEach
    void stopTheStub() {
        endpoint.close();
    }

    private static String path(String kind, String team) {
        return "/" + kind + "/" + team + "/T0001/B0001/s3cr3tT0k3nOfTheChannel";
    }

    private void setChannel(String as, String team, String kind) {
        Api.as(as).body(Map.of("kind", kind, "url", endpoint.url(path(kind, team))))
                .put("/api/v1/teams/" + team + "/notification-channel").then().statusCode(200);
    }

    private String product() {
        String table = Locations.ownTable(ownerTeam, "channels");
        String slug = Api.as(owner).body(Products.named("Channel Orders " + Products.uniqueTag())
                        .with("ownerTeam", ownerTeam).harvestedPort("orders", "postgres-table", table).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as(owner).post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        return slug;
    }

    /** A product whose grants fail: an S3 prefix, and no engine for it in the specs. */
    private String productThatCannotBeGranted() {
        String prefix = "s3://agora-channels/" + UUID.randomUUID() + "/";
        Locations.register(ownerTeam, "s3-prefix", prefix);
        String slug = Api.as(owner).body(Products.named("Channel Exports " + Products.uniqueTag())
                        .with("ownerTeam", ownerTeam).withoutPorts()
                        .port("raw", "s3-prefix", prefix, Products.column("line", "string", "One exported line"))
                        .body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as(owner).post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        return slug;
    }

    private String request(String product, String justification, int days) {
        Map<String, Object> body = AccessRequestsApi.request(product, requestingTeam, days);
        body.put("justification", justification);
        return AccessRequestsApi.submit(requester, body).getString("id");
    }

    private List<RecordingEndpoint.Received> arrived(String path, int count) {
        return Eventually.within(WAIT, count + " messages at " + path, () -> endpoint.received(path),
                received -> received.size() >= count);
    }

    private List<OutboundMessages.Sent> queued(String channel, String dedupePrefix) {
        return messages.history(channel, 0, 100).stream().filter(s -> s.dedupeKey().startsWith(dedupePrefix))
                .toList();
    }

    private static JsonNode json(RecordingEndpoint.Received received) {
        try {
            return JSON.readTree(received.body());
        } catch (java.io.IOException unreadable) {
            throw new AssertionError(received.text(), unreadable);
        }
    }

    @Nested
    class A_new_request {

        @Test
        void reaches_the_owner_teams_slack_channel_with_a_button_to_review_it_and_the_justification_escaped() {
            setChannel(owner, ownerTeam, "slack");
            String id = request(product(), "Attribution <!channel> & <https://evil.example|free money>", 30);

            RecordingEndpoint.Received received = arrived(path("slack", ownerTeam), 1).get(0);

            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = json(received);
            assertThat(body.get("text").asText()).startsWith(requester + " for team " + requestingTeam
                    + " requests access to Channel Orders").endsWith("for 30 days");
            JsonNode section = body.get("blocks").get(0);
            assertThat(section.get("type").asText()).isEqualTo("section");
            assertThat(section.get("text").get("type").asText()).isEqualTo("mrkdwn");
            assertThat(section.get("text").get("text").asText())
                    .startsWith("*" + requester + " for team " + requestingTeam)
                    .endsWith("*\nAttribution &lt;!channel&gt; &amp; &lt;https://evil.example|free money&gt;");
            JsonNode button = body.get("blocks").get(1).get("elements").get(0);
            assertThat(body.get("blocks").get(1).get("type").asText()).isEqualTo("actions");
            assertThat(button.get("type").asText()).isEqualTo("button");
            assertThat(button.get("text").get("text").asText()).isEqualTo("Review the request");
            assertThat(button.get("url").asText()).matches("https?://[^/]+/requests/" + id);
            assertThat(endpoint.received(path("slack", requestingTeam))).isEmpty();
        }

        @Test
        void reaches_the_channel_once_even_if_announced_twice() {
            setChannel(owner, ownerTeam, "slack");
            String id = request(product(), "Campaign attribution", 30);
            arrived(path("slack", ownerTeam), 1);

            QuarkusTransaction.requiringNew().run(() -> announcements.fire(new TeamAnnouncement(ownerTeam,
                    "new-request:" + id, "access-request:" + id, TeamAnnouncement.Occasion.NEW_REQUEST,
                    "again", "", null, null)));

            assertThat(queued("slack:" + ownerTeam, "new-request:")).hasSize(1)
                    .allSatisfy(sent -> assertThat(sent.status()).isEqualTo("DELIVERED"));
            assertThat(endpoint.received(path("slack", ownerTeam))).hasSize(1);
        }

        @Test
        void reaches_a_teams_channel_as_a_message_with_one_adaptive_card() {
            setChannel(owner, ownerTeam, "teams");
            String id = request(product(), "Campaign [attribution](https://evil.example)", 14);

            JsonNode body = json(arrived(path("teams", ownerTeam), 1).get(0));

            assertThat(body.get("type").asText()).isEqualTo("message");
            JsonNode attachment = body.get("attachments").get(0);
            assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
            JsonNode card = attachment.get("content");
            assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
            assertThat(card.get("version").asText()).isEqualTo("1.4");
            assertThat(card.get("body").get(0).get("inlines").get(0).get("text").asText())
                    .endsWith("for 14 days");
            assertThat(card.get("body").get(1).get("inlines").get(0).get("text").asText())
                    .isEqualTo("Campaign [attribution](https://evil.example)");
            JsonNode action = card.get("actions").get(0);
            assertThat(action.get("type").asText()).isEqualTo("Action.OpenUrl");
            assertThat(action.get("title").asText()).isEqualTo("Review the request");
            assertThat(action.get("url").asText()).matches("https?://[^/]+/requests/" + id);
        }
    }

    @Test
    void a_failed_grant_reaches_the_owner_team_and_the_requesting_team_without_the_engines_error() {
        setChannel(owner, ownerTeam, "slack");
        setChannel(requester, requestingTeam, "teams");
        String id = request(productThatCannotBeGranted(), "Exports for the campaign", 30);
        approve(owner, id);
        awaitStatus(owner, id, "FAILED");

        List<RecordingEndpoint.Received> toOwners = arrived(path("slack", ownerTeam), 2);
        RecordingEndpoint.Received toRequesters = arrived(path("teams", requestingTeam), 1).get(0);

        assertThat(json(toOwners.get(1)).get("text").asText()).contains("could not be granted");
        assertThat(toRequesters.text()).contains("could not be granted").contains("/requests/" + id);
        assertThat(toOwners.get(1).text() + toRequesters.text()).doesNotContain("no engine is configured");
    }

    @Test
    void access_about_to_end_reaches_the_requesting_team_once_however_often_the_job_runs() {
        setChannel(requester, requestingTeam, "slack");
        String id = request(product(), "Quarterly report", 5);
        approve(owner, id);
        awaitStatus(requester, id, "ACTIVE");

        reactions.warnOfExpiry(Instant.now(), Duration.ofDays(7));
        reactions.warnOfExpiry(Instant.now(), Duration.ofDays(7));

        RecordingEndpoint.Received received = arrived(path("slack", requestingTeam), 1).get(0);
        assertThat(json(received).get("text").asText()).startsWith("The access of team " + requestingTeam
                + " to Channel Orders").contains(" ends on ");
        assertThat(queued("slack:" + requestingTeam, "expiring:" + id)).hasSize(1);
    }

    @Nested
    class Through_the_api {

        private static final String BASE = "/api/v1/teams/";

        @Test
        void a_member_who_is_not_an_owner_cannot_set_test_or_remove_the_channel_but_sees_it() {
            setChannel(owner, ownerTeam, "slack");
            Map<String, String> body = Map.of("kind", "slack", "url", endpoint.url("/slack/mine"));

            Api.as(member).body(body).put(BASE + ownerTeam + "/notification-channel").then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://agora.dev/problems/forbidden"));
            Api.as(member).post(BASE + ownerTeam + "/notification-channel/test").then().statusCode(403);
            Api.as(member).delete(BASE + ownerTeam + "/notification-channel").then().statusCode(403);
            Api.as(member).get(BASE + ownerTeam + "/notification-channel").then().statusCode(200)
                    .body("kind", equalTo("slack"));
            assertThat(endpoint.received("/slack/mine")).isEmpty();
        }

        @Test
        void someone_outside_the_team_cannot_see_it_and_an_unknown_team_is_not_found() {
            setChannel(owner, ownerTeam, "slack");

            Api.as(outsider).get(BASE + ownerTeam + "/notification-channel").then().statusCode(403);
            Api.as(outsider).get(BASE + ownerTeam + "/notification-channel/deliveries").then().statusCode(403);
            Api.as(owner).get(BASE + "no-such-team-" + UUID.randomUUID() + "/notification-channel").then()
                    .statusCode(404).body("type", equalTo("https://agora.dev/problems/not-found"));
        }

        @Test
        void bad_input_is_refused_naming_each_field() {
            Api.as(owner).body(Map.of("kind", "irc", "url", "ftp://example.com/x"))
                    .put(BASE + ownerTeam + "/notification-channel").then().statusCode(400)
                    .body("type", equalTo("https://agora.dev/problems/validation"))
                    .body("errors.field", hasItems("kind", "url"));
            Api.as(owner).body("{}").put(BASE + ownerTeam + "/notification-channel").then().statusCode(400)
                    .body("errors.field", hasItems("kind", "url"));
            Api.as(owner).body(Map.of("kind", "slack", "url", "https://x/" + "a".repeat(2_100)))
                    .put(BASE + ownerTeam + "/notification-channel").then().statusCode(400)
                    .body("errors.field", hasItems("url"));
            Api.as(owner).get(BASE + ownerTeam + "/notification-channel/deliveries?size=1000").then().statusCode(400);
            Api.as(owner).get(BASE + ownerTeam + "/notification-channel").then().statusCode(404);
        }

        @Test
        void the_url_is_never_shown_back_nor_audited() {
            String secret = "s3cr3tT0k3nOfTheChannel";
            String set = Api.as(owner).body(Map.of("kind", "slack", "url", endpoint.url(path("slack", ownerTeam))))
                    .put(BASE + ownerTeam + "/notification-channel").then().statusCode(200)
                    .body("kind", equalTo("slack")).body("host", equalTo("127.0.0.1"))
                    .body("setBy", equalTo(owner)).extract().asString();
            String seen = Api.as(member).get(BASE + ownerTeam + "/notification-channel").then().statusCode(200)
                    .extract().asString();
            Api.as(owner).post(BASE + ownerTeam + "/notification-channel/test").then().statusCode(202);
            String deliveries = Api.as(owner).get(BASE + ownerTeam + "/notification-channel/deliveries").then()
                    .statusCode(200).extract().asString();

            assertThat(List.of(set, seen, deliveries)).noneSatisfy(answer -> assertThat(answer).contains(secret));
            assertThat(set).contains("\"maskedUrl\":\"http://127.0.0.1:");
            assertThat(audit.about("team", ownerTeam)).filteredOn(e -> e.action().startsWith("access.team-channel"))
                    .isNotEmpty().allSatisfy(event -> assertThat(event.details().toString()).doesNotContain(secret)
                            .doesNotContain(path("slack", ownerTeam)));
        }

        @Test
        void a_test_message_arrives_and_its_delivery_is_listed_and_another_right_after_is_refused() {
            setChannel(owner, ownerTeam, "slack");

            Api.as(owner).post(BASE + ownerTeam + "/notification-channel/test").then().statusCode(202)
                    .body("kind", equalTo("slack")).body("status", equalTo("PENDING"));
            Api.as(owner).post(BASE + ownerTeam + "/notification-channel/test").then().statusCode(409);

            JsonNode test = json(arrived(path("slack", ownerTeam), 1).get(0));
            assertThat(test.get("text").asText()).isEqualTo("Test message from Agora");
            Eventually.within(WAIT, "the test delivered", () -> Api.as(member)
                            .get(BASE + ownerTeam + "/notification-channel/deliveries").then().statusCode(200)
                            .header("X-Total-Count", "1").extract().jsonPath(),
                    page -> "DELIVERED".equals(page.getString("[0].status"))
                            && Integer.valueOf(200).equals(page.get("[0].responseCode")));
        }

        @Test
        void once_removed_nothing_more_is_posted_there() {
            setChannel(owner, ownerTeam, "slack");
            Api.as(owner).delete(BASE + ownerTeam + "/notification-channel").then().statusCode(204);
            Api.as(owner).delete(BASE + ownerTeam + "/notification-channel").then().statusCode(204);

            Api.as(member).get(BASE + ownerTeam + "/notification-channel").then().statusCode(404);
            Api.as(owner).post(BASE + ownerTeam + "/notification-channel/test").then().statusCode(409);
            request(product(), "Campaign attribution", 30);
            assertThat(queued("slack:" + ownerTeam, "")).isEmpty();
            assertThat(audit.about("team", ownerTeam)).extracting(e -> e.action())
                    .contains("access.team-channel.set", "access.team-channel.removed");
        }

        @Test
        void an_administrator_may_set_any_teams_channel() {
            Api.as("admin").body(Map.of("kind", "teams", "url", endpoint.url(path("teams", ownerTeam))))
                    .put(BASE + ownerTeam + "/notification-channel").then().statusCode(200)
                    .body("kind", equalTo("teams")).body("setBy", equalTo("admin"));
        }
    }
}
