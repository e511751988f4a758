package dev.agora.access.api;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.support.Locations;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A grant engine's error text (JDBC URLs, SQL, AWS messages) is for the product's owners, the administrators and
 * the log: the requester reads a plain sentence, in the request and in notifications.
 */
@QuarkusTest
class GrantErrorsAreForOwnersSpec {

    private static final String ENGINE_DETAIL = "no engine is configured";
    private String id;

    @BeforeEach
    void a_grant_that_failed() {
        Locations.register("sales-analytics", "s3-prefix", "s3://agora-raw/exports/");
        String slug = Api.as("olivia").body(Products.named("Failing Grant " + Products.uniqueTag())
                        .port("raw", "s3-prefix", "s3://agora-raw/exports/",
                                Products.column("line", "string", "One exported line")).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        Map<String, Object> body = AccessRequestsApi.request(slug, null, 30);
        body.put("ports", List.of("raw"));
        id = AccessRequestsApi.submit("marco", body).getString("id");
        approve("olivia", id);
        awaitStatus("olivia", id, "FAILED");
    }

    @Nested
    class TheRequester {

        @Test
        void reads_a_plain_sentence_in_the_request_its_grants_and_its_history() {
            JsonPath seen = AccessRequestsApi.get("marco", id);
            assertThat(seen.getString("status")).isEqualTo("FAILED");
            assertThat(seen.getString("lastGrantError")).isNotBlank().doesNotContain(ENGINE_DETAIL);
            assertThat(seen.prettify()).doesNotContain(ENGINE_DETAIL);
        }

        @Test
        void reads_a_plain_sentence_in_the_list_and_in_notifications() {
            String mine = Api.as("marco").get("/api/v1/access-requests?size=200").then().statusCode(200)
                    .extract().asString();
            assertThat(mine).contains(id).doesNotContain(ENGINE_DETAIL);
            List<String> messages = Api.as("marco").get("/api/v1/notifications?size=200").then().extract().jsonPath()
                    .getList("findAll { it.requestId == '" + id + "' }.message", String.class);
            assertThat(messages).anySatisfy(message -> assertThat(message).contains("could not be granted"));
            assertThat(messages).noneSatisfy(message -> assertThat(message).contains(ENGINE_DETAIL));
        }
    }

    @Nested
    class TheOwnerAndTheAdministrator {

        @Test
        void read_what_the_engine_said() {
            assertThat(AccessRequestsApi.get("olivia", id).getString("lastGrantError")).contains(ENGINE_DETAIL);
            assertThat(AccessRequestsApi.get("admin", id).getString("lastGrantError")).contains(ENGINE_DETAIL);
        }
    }
}
