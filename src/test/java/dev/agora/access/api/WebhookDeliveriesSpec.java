package dev.agora.access.api;

import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static dev.agora.support.Webhooks.awaitReceived;
import static dev.agora.support.Webhooks.eventOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.Locations;
import dev.agora.support.People;
import dev.agora.support.Products;
import dev.agora.support.RecordingEndpoint;
import dev.agora.support.Webhooks;
import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A team's webhook receives the events of the products and types it chose (none chosen: all) as a POST of the
 * CloudEvent in structured JSON, signed {@code X-Agora-Signature: sha256=<hex HMAC-SHA256 of the exact body>} with
 * the secret shown at creation, so that the recipe of the README verifies it. A failing endpoint is retried, then
 * its delivery is marked failed, while another subscriber of the same events keeps receiving. A team subscribed to
 * everything still hears only of products it may see and of access requests that concern it; a deleted webhook
 * receives nothing more.
 */
@QuarkusTest
class WebhookDeliveriesSpec {

    private static final String CREATED = "agora.product.created";
    private static final String PUBLISHED = "agora.product.published";
    private static final String DEPRECATED = "agora.product.deprecated";

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    RecordingEndpoint endpoint;

    @BeforeEach
    void startEndpoint() {
        endpoint = RecordingEndpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    /** A draft of sales-analytics (olivia's team) that no other spec knows of. */
    private static String draft() {
        Locations.transfer("sales-analytics", "postgres-table", "lake.campaigns");
        return Api.as("olivia").body(Products.named("Webhook Spec " + Products.uniqueTag())
                        .harvestedPort("campaigns", "postgres-table", "lake.campaigns").body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
    }

    private static void publish(String slug) {
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
    }

    private static void deprecate(String slug) {
        Api.as("olivia").body(Map.of("reason", "Superseded in a specification")).post("/api/v1/products/" + slug
                + "/deprecate").then().statusCode(200);
    }

    /** The README's Java recipe, word for word. */
    private static boolean verifiesWithTheJavaRecipe(String secret, byte[] body, String header) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }

    /** The README's shell recipe: {@code openssl dgst -sha256 -hmac "$SECRET" -r body.json}. */
    private static String hexWithTheOpensslRecipe(String secret, byte[] body) throws IOException, InterruptedException {
        Path file = Files.createTempFile("webhook-body", ".json");
        try {
            Files.write(file, body);
            Process openssl = new ProcessBuilder("openssl", "dgst", "-sha256", "-hmac", secret, "-r",
                    file.toString()).redirectErrorStream(true).start();
            String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(openssl.waitFor()).as(out).isZero();
            return out.split(" ")[0];
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void a_delivery_is_the_cloud_event_signed_so_that_the_documented_recipe_verifies_it() throws Exception {
        String product = draft();
        var webhook = Webhooks.create("olivia", endpoint.url("/signed"), "sales-analytics", List.of(product),
                List.of());
        String secret = webhook.getString("secret");
        publish(product);

        RecordingEndpoint.Received received = awaitReceived(endpoint, "/signed", "the published event",
                eventOf(PUBLISHED, product));

        String signature = received.header("X-Agora-Signature");
        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(verifiesWithTheJavaRecipe(secret, received.body(), signature)).isTrue();
        assertThat("sha256=" + hexWithTheOpensslRecipe(secret, received.body())).isEqualTo(signature);
        assertThat(verifiesWithTheJavaRecipe("whsec_another", received.body(), signature)).isFalse();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.header("Content-Type")).startsWith("application/cloudevents+json");
        CloudEvent event = Webhooks.event(received);
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getType()).isEqualTo(PUBLISHED);
        assertThat(event.getSubject()).isEqualTo(product);
        assertThat(event.getExtension("partitionkey")).isEqualTo(product);
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"" + product + "\"");
        assertThat(received.header("X-Agora-Event-Id")).isEqualTo(event.getId());
        assertThat(received.header("X-Agora-Event-Type")).isEqualTo(PUBLISHED);
        assertThat(received.header("X-Agora-Webhook-Id")).isEqualTo(webhook.getString("id"));
        Webhooks.delete("olivia", webhook.getString("id"));
    }

    @Test
    void a_failing_endpoint_is_retried_then_marked_failed_while_another_subscriber_keeps_receiving() {
        endpoint.answer("/down", 503);
        String product = draft();
        String failing = Webhooks.create("olivia", endpoint.url("/down"), "sales-analytics", List.of(product),
                List.of(PUBLISHED)).getString("id");
        String healthy = Webhooks.create("olivia", endpoint.url("/up"), "sales-analytics", List.of(product),
                List.of(PUBLISHED)).getString("id");
        publish(product);

        awaitReceived(endpoint, "/up", "the published event", eventOf(PUBLISHED, product));
        Map<String, Object> parked = Eventually.within(Duration.ofSeconds(20), "the delivery to be marked failed",
                () -> Webhooks.deliveries("olivia", failing),
                deliveries -> deliveries.size() == 1 && "FAILED".equals(deliveries.get(0).get("status"))).get(0);

        assertThat(parked.get("attempts")).isEqualTo(3); // %test.agora.outbound.max-attempts
        assertThat(parked.get("responseCode")).isEqualTo(503);
        assertThat((String) parked.get("lastError")).contains("503");
        assertThat(parked.get("lastAttemptAt")).isNotNull();
        assertThat(parked.get("deliveredAt")).isNull();
        assertThat(endpoint.received("/down")).hasSize(3)
                .allSatisfy(r -> assertThat(r.header("X-Agora-Event-Id")).isEqualTo(parked.get("eventId")));
        assertThat(Webhooks.deliveries("olivia", healthy)).singleElement().satisfies(delivered -> {
            assertThat(delivered.get("status")).isEqualTo("DELIVERED");
            assertThat(delivered.get("responseCode")).isEqualTo(200);
            assertThat(delivered.get("attempts")).isEqualTo(1);
            assertThat(delivered.get("eventId")).isEqualTo(parked.get("eventId"));
        });

        endpoint.answer("/down", 200);
        long id = ((Number) parked.get("id")).longValue();
        Api.as("olivia").post("/api/v1/webhooks/" + failing + "/deliveries/" + id + "/retry").then()
                .statusCode(202);
        Eventually.within(Duration.ofSeconds(20), "the retried delivery to arrive",
                () -> Webhooks.deliveries("olivia", failing).get(0).get("status"), "DELIVERED"::equals);
        Api.as("olivia").post("/api/v1/webhooks/" + failing + "/deliveries/" + id + "/retry").then()
                .statusCode(409);
        Webhooks.delete("olivia", failing);
        Webhooks.delete("olivia", healthy);
    }

    @Test
    void products_and_types_filter_what_a_webhook_receives() {
        String chosen = draft();
        String other = draft();
        String onlyPublished = Webhooks.create("olivia", endpoint.url("/published"), "sales-analytics",
                List.of(chosen, other), List.of(PUBLISHED)).getString("id");
        String onlyChosen = Webhooks.create("olivia", endpoint.url("/chosen"), "sales-analytics",
                List.of(chosen), List.of()).getString("id");
        publish(other);
        publish(chosen);
        deprecate(other);
        deprecate(chosen);

        awaitReceived(endpoint, "/published", "the chosen product published", eventOf(PUBLISHED, chosen));
        awaitReceived(endpoint, "/published", "the other product published", eventOf(PUBLISHED, other));
        awaitReceived(endpoint, "/chosen", "the chosen product deprecated", eventOf(DEPRECATED, chosen));

        assertThat(endpoint.received("/published")).extracting(r -> r.header("X-Agora-Event-Type"))
                .containsOnly(PUBLISHED);
        assertThat(endpoint.received("/chosen")).extracting(r -> Webhooks.event(r).getSubject()).containsOnly(chosen);
        // (the creation may have been relayed before the webhook existed)
        assertThat(endpoint.received("/chosen")).extracting(r -> r.header("X-Agora-Event-Type"))
                .filteredOn(type -> !type.equals(CREATED)).containsExactly(PUBLISHED, DEPRECATED);
        Webhooks.delete("olivia", onlyPublished);
        Webhooks.delete("olivia", onlyChosen);
    }

    @Test
    void a_team_subscribed_to_everything_hears_of_another_teams_product_only_once_it_is_published() {
        People people = new People(accounts, directory);
        String consumer = people.person("hooked");
        String team = people.team("hooked", "marketing");
        people.member(team, consumer, TeamRole.MEMBER);
        String all = Webhooks.create(consumer, endpoint.url("/all"), team, List.of(), List.of()).getString("id");
        String product = draft();
        publish(product);

        awaitReceived(endpoint, "/all", "the published event", eventOf(PUBLISHED, product));

        // the draft's creation would have come first (one product's events arrive in order): it never came
        assertThat(endpoint.received("/all")).filteredOn(eventOf(CREATED, product)).isEmpty();
        Webhooks.delete(consumer, all);
    }

    @Test
    void a_team_subscribed_to_everything_does_not_hear_of_another_teams_access_request() {
        People people = new People(accounts, directory);
        String requester = people.person("requester");
        String requesting = people.team("requesting", "marketing");
        people.member(requesting, requester, TeamRole.MEMBER);
        String bystander = people.person("bystander");
        String onlooking = people.team("onlooking", "marketing");
        people.member(onlooking, bystander, TeamRole.MEMBER);
        String product = draft();
        publish(product);
        String own = Webhooks.create(requester, endpoint.url("/requesting"), requesting, List.of(),
                List.of("agora.access.requested")).getString("id");
        String others = Webhooks.create(bystander, endpoint.url("/onlooking"), onlooking, List.of(), List.of())
                .getString("id");
        String owners = Webhooks.create("olivia", endpoint.url("/owners"), "sales-analytics", List.of(product),
                List.of("agora.access.requested")).getString("id");

        String requestId = submit(requester, request(product, requesting, 30)).getString("id");

        RecordingEndpoint.Received toRequester = awaitReceived(endpoint, "/requesting", "its own request",
                eventOf("agora.access.requested", requestId));
        awaitReceived(endpoint, "/owners", "a request for their product", eventOf("agora.access.requested", requestId));
        // the onlookers' deliveries of this event would have been queued in the same transaction: there are none
        String eventId = toRequester.header("X-Agora-Event-Id");
        assertThat(Webhooks.deliveries(bystander, others)).extracting(d -> d.get("eventId")).doesNotContain(eventId);
        assertThat(endpoint.received("/onlooking")).filteredOn(eventOf("agora.access.requested", requestId)).isEmpty();
        Webhooks.delete(requester, own);
        Webhooks.delete(bystander, others);
        Webhooks.delete("olivia", owners);
    }

    @Test
    void a_deleted_webhook_receives_nothing_more() {
        String product = draft();
        String gone = Webhooks.create("olivia", endpoint.url("/gone"), "sales-analytics", List.of(product),
                List.of(PUBLISHED, DEPRECATED)).getString("id");
        String witness = Webhooks.create("olivia", endpoint.url("/witness"), "sales-analytics", List.of(product),
                List.of(PUBLISHED, DEPRECATED)).getString("id");
        publish(product);
        awaitReceived(endpoint, "/gone", "the publication", eventOf(PUBLISHED, product));

        Webhooks.delete("olivia", gone);
        deprecate(product);

        // the deleted webhook's delivery would have been queued with the witness's: there was none
        awaitReceived(endpoint, "/witness", "the deprecation", eventOf(DEPRECATED, product));
        assertThat(endpoint.received("/gone")).extracting(r -> r.header("X-Agora-Event-Type"))
                .containsExactly(PUBLISHED);
        Api.as("olivia").get("/api/v1/webhooks/" + gone + "/deliveries").then().statusCode(404);
        Webhooks.delete("olivia", witness);
    }
}
