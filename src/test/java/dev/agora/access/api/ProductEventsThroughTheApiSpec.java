package dev.agora.access.api;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.freshProduct;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.People;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/products/{id}/events}: the product's events as CloudEvents, newest first, paged, as far as the
 * viewer may see them. Whoever sees the product sees its product.* events; the owner team, the domain's stewards
 * and administrators see every access, grant and drift event too; anyone else sees only the access events of their
 * own requests, never another consumer's. A product the viewer may not see is not found.
 */
@QuarkusTest
class ProductEventsThroughTheApiSpec {

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    private String product;
    private String marcosRequest;
    private String othersRequest;
    private String other;

    @BeforeEach
    void a_published_product_with_requests_of_two_consumers() {
        People people = new People(accounts, directory);
        other = people.person("rival");
        String team = people.team("rivals", "marketing");
        people.member(team, other, TeamRole.OWNER);
        product = freshProduct("INTERNAL");
        marcosRequest = submit("marco", request(product, null, 30)).getString("id");
        othersRequest = submit(other, request(product, team, 30)).getString("id");
        Eventually.within(Duration.ofSeconds(10), "both requests in the activity", () -> subjects("olivia"),
                subjects -> subjects.containsAll(List.of(marcosRequest, othersRequest)));
    }

    @Test
    void the_owner_team_sees_the_products_events_and_every_request_newest_first() {
        JsonPath events = events("olivia", Map.of()).then().statusCode(200).contentType("application/json")
                .header("X-Total-Count", "4").extract().jsonPath();

        assertThat(events.getList("type")).containsExactly("agora.access.requested", "agora.access.requested",
                "agora.product.published", "agora.product.created");
        assertThat(events.getList("subject")).containsExactly(othersRequest, marcosRequest, product, product);
        assertThat(events.getList("data.product")).containsOnly(product);
        List<OffsetDateTime> times = events.<String>getList("time").stream().map(OffsetDateTime::parse).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(events.getString("[0].specversion")).isEqualTo("1.0");
    }

    @Test
    void a_consumer_sees_the_product_events_and_only_their_own_request() {
        JsonPath events = events("marco", Map.of()).then().statusCode(200).header("X-Total-Count", "3").extract()
                .jsonPath();

        assertThat(events.getList("subject")).containsExactly(marcosRequest, product, product)
                .doesNotContain(othersRequest);
        assertThat(events.getList("type")).containsExactly("agora.access.requested", "agora.product.published",
                "agora.product.created");
        assertThat(subjects(other)).containsExactly(othersRequest, product, product);
    }

    @Test
    void a_steward_of_the_products_domain_from_another_team_sees_every_request() {
        People people = new People(accounts, directory);
        String steward = people.person("steward");
        people.member(people.team("sales-governance", "sales"), steward, TeamRole.STEWARD);

        assertThat(subjects(steward)).containsExactly(othersRequest, marcosRequest, product, product);
    }

    @Test
    void grant_events_name_the_product_and_are_for_the_owner_team_only() {
        approve("olivia", marcosRequest);
        awaitStatus("marco", marcosRequest, "ACTIVE");
        Eventually.within(Duration.ofSeconds(10), "the grant in the activity", () -> events("olivia",
                Map.of("type", "agora.grant.applied")).jsonPath().getList("id"), ids -> !ids.isEmpty());

        JsonPath applied = events("olivia", Map.of("type", "agora.grant.applied")).jsonPath();
        assertThat(applied.getString("[0].data.product")).isEqualTo(product);
        assertThat(applied.getString("[0].data.order")).isEqualTo(marcosRequest);

        List<String> marcoSees = events("marco", Map.of()).jsonPath().getList("type");
        assertThat(marcoSees).contains("agora.access.approved").noneMatch(type -> type.startsWith("agora.grant."));
        assertThat(events("marco", Map.of("type", "agora.grant.applied")).then().statusCode(200)
                .header("X-Total-Count", "0").extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    void pages_are_bounded_and_counted() {
        Response first = events("olivia", Map.of("size", "3"));
        first.then().statusCode(200).header("X-Total-Count", "4");
        assertThat(first.jsonPath().getList("type")).hasSize(3);
        assertThat(events("olivia", Map.of("size", "3", "page", "1")).jsonPath().getList("type"))
                .containsExactly("agora.product.created");
        events("olivia", Map.of("size", "0")).then().statusCode(400).contentType("application/problem+json");
        events("olivia", Map.of("size", "201")).then().statusCode(400).contentType("application/problem+json");
        events("olivia", Map.of("page", "-1")).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_type_picks_one_public_type_and_an_unknown_one_is_refused() {
        JsonPath published = events("marco", Map.of("type", "agora.product.published")).then().statusCode(200)
                .header("X-Total-Count", "1").extract().jsonPath();
        assertThat(published.getList("type")).containsExactly("agora.product.published");

        String detail = events("marco", Map.of("type", "agora.access.request.submitted")).then().statusCode(400)
                .contentType("application/problem+json").extract().path("detail");
        assertThat(detail).contains("agora.access.requested");
    }

    @Test
    void the_cloudevents_batch_format_is_answered_when_asked_for() {
        Response batch = Api.as("olivia").accept("application/cloudevents-batch+json")
                .get("/api/v1/products/" + product + "/events");
        batch.then().statusCode(200).contentType("application/cloudevents-batch+json");
        assertThat(batch.jsonPath().getList("id")).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void a_product_the_viewer_may_not_see_is_not_found() {
        String draft = Api.as("olivia").body(Products.named("Events Spec " + Products.uniqueTag()).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");

        events("olivia", Map.of()).then().statusCode(200);
        Api.as("olivia").get("/api/v1/products/" + draft + "/events").then().statusCode(200);
        Api.as("marco").get("/api/v1/products/" + draft + "/events").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as("marco").get("/api/v1/products/no-such-product/events").then().statusCode(404);
        Api.anonymous().get("/api/v1/products/" + product + "/events").then().statusCode(401);
    }

    private Response events(String as, Map<String, String> query) {
        return Api.as(as).queryParams(query).get("/api/v1/products/" + product + "/events");
    }

    private List<String> subjects(String as) {
        return events(as, Map.of()).then().statusCode(200).extract().jsonPath().getList("subject");
    }
}
