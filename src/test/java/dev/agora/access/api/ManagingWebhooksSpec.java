package dev.agora.access.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.audit.AuditEvent;
import dev.agora.audit.AuditLog;
import dev.agora.events.outbound.DestinationGuard;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.Api;
import dev.agora.support.People;
import dev.agora.support.Webhooks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Only members of a team (any role) and administrators create, list, read, delete its webhooks and see their
 * deliveries; to anyone else another team's webhook does not exist (404), so ids cannot be probed. The signing
 * secret is shown once, in the answer to the creation. Bad input is a 400 naming each field; URLs that resolve to
 * internal addresses are refused unless the setting allows them.
 */
@QuarkusTest
class ManagingWebhooksSpec {

    private static final String URL = "https://hooks.example.com/agora";

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    @Inject
    AuditLog audit;

    String member;
    String outsider;
    String team;

    @BeforeEach
    void aTeamWithAMember() {
        People people = new People(accounts, directory);
        member = people.person("hookmember");
        outsider = people.person("outsider");
        team = people.team("hooks", "marketing");
        people.member(team, member, TeamRole.MEMBER);
    }

    /** What this spec made goes again, so that no later spec's events are sent towards hooks.example.com. */
    @AfterEach
    void deleteTheWebhooksMadeHere() {
        List<Map<String, Object>> all = Api.as("admin").get("/api/v1/webhooks").then().statusCode(200).extract()
                .jsonPath().getList("$");
        all.stream().filter(webhook -> ((String) webhook.get("url")).startsWith(URL))
                .forEach(webhook -> Webhooks.delete("admin", (String) webhook.get("id")));
    }

    private String webhook() {
        return Webhooks.create(member, URL, team, List.of(), List.of()).getString("id");
    }

    private static ExtractableResponse<Response> create(String as, Map<String, Object> body) {
        return Api.as(as).body(body).post("/api/v1/webhooks").then().extract();
    }

    private static List<String> fields(ExtractableResponse<Response> refused) {
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        return refused.jsonPath().getList("errors.field");
    }

    @Nested
    class Creating {

        @Test
        void a_member_creates_a_webhook_and_sees_its_secret_once() {
            ExtractableResponse<Response> answer = create(member, Webhooks.body(URL, team,
                    List.of("campaigns", "campaigns", " campaigns"), List.of("agora.product.published",
                            "agora.product.published")));

            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
            JsonPath webhook = answer.jsonPath();
            String id = webhook.getString("id");
            assertThat(answer.header("Location")).endsWith("/api/v1/webhooks/" + id);
            assertThat(webhook.getString("secret")).matches("whsec_[0-9a-f]{64}");
            assertThat(webhook.getString("url")).isEqualTo(URL);
            assertThat(webhook.getString("team")).isEqualTo(team);
            assertThat(webhook.getList("products")).containsExactly("campaigns");
            assertThat(webhook.getList("types")).containsExactly("agora.product.published");
            assertThat(webhook.getString("createdAt")).isNotBlank();

            String read = Api.as(member).get("/api/v1/webhooks/" + id).then().statusCode(200).extract().asString();
            String listed = Api.as(member).queryParam("team", team).get("/api/v1/webhooks").then().statusCode(200)
                    .extract().asString();
            assertThat(read).contains(id).doesNotContain("secret").doesNotContain(webhook.getString("secret"));
            assertThat(listed).contains(id).doesNotContain("secret").doesNotContain(webhook.getString("secret"));
        }

        @Test
        void a_non_member_cannot_create_a_webhook_for_the_team() {
            ExtractableResponse<Response> refused = create(outsider, Webhooks.body(URL, team, List.of(), List.of()));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.jsonPath().getString("detail")).contains("Only members of team '" + team + "'");
            assertThat(Api.as(member).queryParam("team", team).get("/api/v1/webhooks").then().statusCode(200)
                    .extract().jsonPath().getList("$")).isEmpty();
        }

        @Test
        void an_administrator_creates_a_webhook_for_any_team() {
            assertThat(create("admin", Webhooks.body(URL, team, List.of(), List.of())).statusCode()).isEqualTo(201);
        }

        @Test
        void bad_input_is_refused_naming_each_field() {
            List<String> fields = fields(create(member, Webhooks.body("ftp://hooks.example.com/x", "no-such-team",
                    List.of("campaigns"), List.of("agora.nothing.happened"))));

            assertThat(fields).contains("url", "team", "types[0]");
            assertThat(fields(create(member, Webhooks.body(null, null, null, null)))).contains("url", "team");
            assertThat(fields(create(member, Webhooks.body(URL, team, List.of("campaigns", "campaigns",
                    "no-such-product"), List.of())))).containsExactly("products[2]");
            assertThat(fields(create(member, Webhooks.body(URL, team,
                    IntStream.range(0, 101).mapToObj(i -> "p" + i).toList(), List.of())))).containsExactly("products");
            assertThat(fields(create(member, Webhooks.body(URL, team, List.of("line\nbreak"), List.of()))))
                    .containsExactly("products[0]");
            assertThat(fields(create(member, Webhooks.body("https://" + "h".repeat(2001) + ".example", team,
                    List.of(), List.of())))).containsExactly("url");
            assertThat(Api.as(member).body("{\"url\": ").post("/api/v1/webhooks").then().extract().statusCode())
                    .isEqualTo(400);
        }

        @Test
        void a_draft_of_another_team_cannot_be_chosen() {
            dev.agora.support.Locations.transfer("sales-analytics", "postgres-table", "lake.campaigns");
            String draft = Api.as("olivia").body(dev.agora.support.Products.named("Hook Draft "
                            + dev.agora.support.Products.uniqueTag())
                            .harvestedPort("campaigns", "postgres-table", "lake.campaigns").body())
                    .post("/api/v1/products").then().statusCode(201).extract().path("slug");

            assertThat(fields(create(member, Webhooks.body(URL, team, List.of(draft), List.of()))))
                    .containsExactly("products[0]");
            assertThat(create("olivia", Webhooks.body(URL, "sales-analytics", List.of(draft), List.of()))
                    .statusCode()).isEqualTo(201);
        }

        @Test
        void a_team_has_at_most_twenty_webhooks() {
            for (int i = 0; i < 20; i++) {
                webhook();
            }
            ExtractableResponse<Response> refused = create(member, Webhooks.body(URL, team, List.of(), List.of()));

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.jsonPath().getString("detail")).contains("20 webhooks");
        }

        @Test
        void concurrent_creations_never_give_a_team_more_than_twenty_webhooks() throws Exception {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<Integer>> answers = IntStream.range(0, 26).mapToObj(i -> pool.submit(
                        () -> create(member, Webhooks.body(URL, team, List.of(), List.of())).statusCode())).toList();
                List<Integer> statuses = new java.util.ArrayList<>();
                for (var answer : answers) {
                    statuses.add(answer.get());
                }

                assertThat(statuses).filteredOn(status -> status == 201).hasSize(20);
                assertThat(statuses).filteredOn(status -> status != 201).containsOnly(409);
            } finally {
                pool.shutdownNow();
            }
            assertThat(Api.as(member).queryParam("team", team).get("/api/v1/webhooks").then().statusCode(200)
                    .extract().jsonPath().getList("id")).hasSize(20);
        }

        @Test
        void a_url_that_resolves_to_an_internal_address_is_refused_outside_the_embedded_default() throws Exception {
            InetAddress metadata = InetAddress.getByName("169.254.169.254");
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            InetAddress internal = InetAddress.getByName("10.1.2.3");
            InetAddress outside = InetAddress.getByName("93.184.216.34");
            Map<String, InetAddress> dns = Map.of("metadata.example", metadata, "localhost", loopback,
                    "intranet.example", internal, "hooks.example.com", outside);
            QuarkusMock.installMockForType(new DestinationGuard(false, false, host -> {
                InetAddress address = dns.get(host);
                if (address == null && host.matches("[0-9.]+")) {
                    return new InetAddress[] {InetAddress.getByName(host)}; // a literal: nothing to look up
                }
                if (address == null) {
                    throw new java.net.UnknownHostException(host);
                }
                return new InetAddress[] {address};
            }), DestinationGuard.class);

            for (String url : List.of("https://metadata.example/latest/meta-data", "https://localhost:8080/hook",
                    "https://intranet.example/hook", "https://169.254.169.254/")) {
                ExtractableResponse<Response> refused = create(member, Webhooks.body(url, team, List.of(), List.of()));
                assertThat(fields(refused)).as(url).containsExactly("url");
                assertThat(refused.jsonPath().getString("errors[0].message")).as(url).contains("internal address");
            }
            assertThat(fields(create(member, Webhooks.body("http://hooks.example.com/", team, List.of(), List.of()))))
                    .containsExactly("url");
            assertThat(create(member, Webhooks.body(URL, team, List.of(), List.of())).statusCode()).isEqualTo(201);
        }
    }

    @Nested
    class Reading {

        @Test
        void a_non_member_does_not_see_the_teams_webhooks() {
            String id = webhook();

            Api.as(outsider).get("/api/v1/webhooks/" + id).then().statusCode(404);
            Api.as(outsider).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
            Api.as(outsider).queryParam("team", team).get("/api/v1/webhooks").then().statusCode(403);
            assertThat(Api.as(outsider).get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath()
                    .getList("id")).doesNotContain(id);
            Api.as(outsider).post("/api/v1/webhooks/" + id + "/deliveries/1/retry").then().statusCode(404);
        }

        @Test
        void a_member_lists_the_webhooks_of_all_their_teams() {
            String id = webhook();

            assertThat(Api.as(member).get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath()
                    .getList("id")).containsExactly(id);
            assertThat(Api.as(member).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .header("X-Total-Count", "0").extract().jsonPath().getList("$")).isEmpty();
        }

        @Test
        void an_administrator_sees_every_teams_webhooks() {
            String id = webhook();

            Api.as("admin").get("/api/v1/webhooks/" + id).then().statusCode(200);
            assertThat(Api.as("admin").queryParam("team", team).get("/api/v1/webhooks").then().statusCode(200)
                    .extract().jsonPath().getList("id")).containsExactly(id);
        }

        @Test
        void an_unknown_or_malformed_id_is_not_found() {
            Api.as(member).get("/api/v1/webhooks/" + java.util.UUID.randomUUID()).then().statusCode(404);
            Api.as(member).get("/api/v1/webhooks/not-an-id").then().statusCode(404);
            Api.as(member).get("/api/v1/webhooks/" + webhook() + "/deliveries?size=0").then().statusCode(400);
        }
    }

    @Nested
    class Deleting {

        @Test
        void a_non_member_cannot_delete_the_webhook() {
            String id = webhook();

            Api.as(outsider).delete("/api/v1/webhooks/" + id).then().statusCode(404);

            Api.as(member).get("/api/v1/webhooks/" + id).then().statusCode(200);
        }

        @Test
        void a_member_deletes_the_webhook_and_it_is_gone() {
            String id = webhook();

            Api.as(member).delete("/api/v1/webhooks/" + id).then().statusCode(204);

            Api.as(member).get("/api/v1/webhooks/" + id).then().statusCode(404);
            Api.as(member).delete("/api/v1/webhooks/" + id).then().statusCode(404);
        }

        @Test
        void an_administrator_deletes_any_teams_webhook() {
            Api.as("admin").delete("/api/v1/webhooks/" + webhook()).then().statusCode(204);
        }
    }

    @Test
    void creating_and_deleting_are_audited_without_the_secret() {
        JsonPath created = Webhooks.create(member, URL + "?token=receivers-own", team, List.of(), List.of());
        Webhooks.delete(member, created.getString("id"));

        List<AuditEvent> trail = QuarkusTransaction.requiringNew().call(() -> audit.about("webhook",
                created.getString("id")));

        assertThat(trail).extracting(AuditEvent::action).containsExactly("access.webhook.created",
                "access.webhook.deleted");
        assertThat(trail).extracting(AuditEvent::actor).containsOnly(member);
        assertThat(trail.stream().map(event -> event.details().toString()).toList().toString()).contains(team).doesNotContain(created.getString("secret"))
                .doesNotContain("receivers-own");
    }
}
