package dev.agora.catalog;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Api;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A producer who types a breaking change of a product's columns (PUT of the product, a version under the same major)
 * while the product has consumers is refused: it reaches them only as a new major version.
 */
@QuarkusTest
class BreakingRevisionsNeedAMajorVersionSpec {

    private static final String NAME_PREFIX = "Breaking Revision Spec ";

    private static Map<String, Object> body(String name, List<Map<String, Object>> columns) {
        Map<String, Object> body = new LinkedHashMap<>(Products.named(name).body());
        @SuppressWarnings("unchecked")
        Map<String, Object> port = new LinkedHashMap<>(((List<Map<String, Object>>) body.get("outputPorts")).get(0));
        port.put("columns", columns);
        body.put("outputPorts", List.of(port));
        body.remove("version");
        return body;
    }

    private static final List<Map<String, Object>> BOTH = List.of(
            Products.column("order_id", "bigint", "Order key"), Products.column("amount", "numeric", "Order total"));
    private static final List<Map<String, Object>> WITHOUT_AMOUNT = List.of(
            Products.column("order_id", "bigint", "Order key"));

    private static String published(String name) {
        Map<String, Object> body = new LinkedHashMap<>(body(name, BOTH));
        body.put("version", "1.0.0");
        String slug = Api.as("olivia").body(body).post("/api/v1/products").then().statusCode(201).extract()
                .path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        return slug;
    }

    @Nested
    class With_a_consumer {

        String name;
        String slug;

        @BeforeEach
        void marketing_insights_reads_the_product() {
            name = NAME_PREFIX + Products.uniqueTag();
            slug = published(name);
            approve("olivia", submit("marco", request(slug, "marketing-insights", 30)).getString("id"));
        }

        @Test
        void a_revision_that_removes_a_column_is_refused_and_changes_nothing() {
            String problem = Api.as("olivia").body(body(name, WITHOUT_AMOUNT)).put("/api/v1/products/" + slug)
                    .then().statusCode(409).extract().path("detail");

            assertThat(problem).contains("has consumers", "amount: column removed", "2.0.0");
            assertThat(Api.as("olivia").get("/api/v1/products/" + slug).then().extract()
                    .<List<String>>path("outputPorts[0].columns.name")).containsExactly("order_id", "amount");
        }

        @Test
        void a_compatible_revision_is_applied() {
            List<Map<String, Object>> more = new ArrayList<>(BOTH);
            more.add(Products.column("note", "text", "A note"));

            Api.as("olivia").body(body(name, more)).put("/api/v1/products/" + slug).then().statusCode(200);
        }

        @Test
        void a_breaking_version_needs_a_new_major() {
            Map<String, Object> minor = Map.of("version", "1.1.0", "changelog", "amount removed",
                    "product", body(name, WITHOUT_AMOUNT));
            Api.as("olivia").body(minor).post("/api/v1/products/" + slug + "/versions").then().statusCode(409);

            Map<String, Object> major = Map.of("version", "2.0.0", "changelog", "amount removed",
                    "product", body(name, WITHOUT_AMOUNT));
            Api.as("olivia").body(major).post("/api/v1/products/" + slug + "/versions").then().statusCode(201);
        }
    }

    @Test
    void without_consumers_a_breaking_revision_is_the_producer_s_to_make() {
        String name = NAME_PREFIX + Products.uniqueTag();
        String slug = published(name);

        Api.as("olivia").body(body(name, WITHOUT_AMOUNT)).put("/api/v1/products/" + slug).then().statusCode(200);
    }
}
