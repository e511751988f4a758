package dev.agora.platform.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Free text is bounded, and single-line text holds no control characters: nothing a caller types can inject a
 * mail header or a log line. The field at fault is named.
 */
@QuarkusTest
class BoundedInputSpec {

    @Nested
    class AProduct {

        @Test
        void refuses_line_breaks_in_its_name_contact_and_column_names_and_types() {
            Map<String, Object> body = Products.named("Injected\r\nBcc: everyone@example.com")
                    .with("contact", "owner@agora.example\nBcc: x@example.com")
                    .port("second", "postgres-table", "lake.orders",
                            Products.column("order\nid", "bigint\r", "fine"))
                    .body();
            Api.as("olivia").body(body).post("/api/v1/products")
                    .then().statusCode(400)
                    .body("errors.field", hasItems("name", "contact", "outputPorts[1].columns[0].name",
                            "outputPorts[1].columns[0].type"))
                    .body("errors.find { it.field == 'name' }.message", containsString("single line"));
        }

        @Test
        void refuses_a_line_break_in_a_tag_instead_of_turning_it_into_a_dash() {
            Api.as("olivia").body(Products.named("Tagged " + Products.uniqueTag()).tagged("a\r\nb").body())
                    .post("/api/v1/products")
                    .then().statusCode(400).body("errors.field", hasItem("tags[0]"));
        }

        @Test
        void bounds_column_descriptions_changelogs_and_deprecation_reasons() {
            Api.as("olivia").body(Products.named("Long Column " + Products.uniqueTag())
                            .port("second", "postgres-table", "lake.orders",
                                    Products.column("id", "bigint", "d".repeat(2001))).body())
                    .post("/api/v1/products")
                    .then().statusCode(400).body("errors.field", hasItem("outputPorts[1].columns[0].description"));

            String slug = Api.as("olivia").body(Products.named("Long Notes " + Products.uniqueTag()).body())
                    .post("/api/v1/products").then().statusCode(201).extract().path("slug");
            Api.as("olivia").body(Map.of("version", "1.1.0", "changelog", "c".repeat(5001)))
                    .post("/api/v1/products/" + slug + "/versions")
                    .then().statusCode(400).body("errors.field", hasItem("changelog"));
            Api.as("olivia").body(Map.of("reason", "r".repeat(5001)))
                    .post("/api/v1/products/" + slug + "/deprecate")
                    .then().statusCode(400).body("errors.field", hasItem("reason"));
        }
    }

    @Nested
    class AnAccessRequest {

        @Test
        void bounds_the_justification() {
            Map<String, Object> body = AccessRequestsApi.request(AccessRequestsApi.freshProduct("INTERNAL"), null, 30);
            body.put("justification", "j".repeat(2001));
            Api.as("marco").body(body).post("/api/v1/access-requests")
                    .then().statusCode(400).body("errors.field", hasItem("justification"));
        }

        @Test
        void refuses_a_line_break_in_the_principal_name() {
            Map<String, Object> body = AccessRequestsApi.request(AccessRequestsApi.freshProduct("INTERNAL"), null, 30);
            body.put("principal", Map.of("type", "TEAM", "name", "sales\r\nBcc: x@example.com"));
            Api.as("marco").body(body).post("/api/v1/access-requests")
                    .then().statusCode(400).body("errors.field", hasItem("principal.name"));
        }

        @Test
        void bounds_reasons_comments_and_the_number_of_requests_approved_at_once() {
            String id = AccessRequestsApi.submit("marco", AccessRequestsApi.request(
                    AccessRequestsApi.freshProduct("CONFIDENTIAL"), null, 30)).getString("id");
            Api.as("olivia").body(Map.of("reason", "r".repeat(2001)))
                    .post("/api/v1/access-requests/" + id + "/reject")
                    .then().statusCode(400).body("errors.field", hasItem("reason"));
            Api.as("olivia").body(Map.of("comment", "c".repeat(2001)))
                    .post("/api/v1/access-requests/" + id + "/approve")
                    .then().statusCode(400).body("errors.field", hasItem("comment"));
            List<String> ids = java.util.Collections.nCopies(201, id);
            Api.as("olivia").body(Map.of("ids", ids)).post("/api/v1/access-requests/bulk-approve")
                    .then().statusCode(400).body("errors.field", hasItem("ids"));
        }

        @Test
        void bounds_the_items_of_a_basket() {
            List<Map<String, Object>> items = java.util.Collections.nCopies(51, Map.of("product", "x"));
            Api.as("marco").body(Map.of("items", items, "justification", "For the quarterly report."))
                    .post("/api/v1/access-requests/basket")
                    .then().statusCode(400).body("errors.field", hasItem("items"));
        }
    }

    @Nested
    class AnAccount {

        @Test
        void refuses_a_line_break_in_the_display_name_and_an_endless_password() {
            Api.as("admin").body(Map.of("username", "bounded-" + Products.uniqueTag(),
                            "displayName", "Eve\r\nBcc: all@example.com", "password", "p".repeat(1025)))
                    .post("/api/v1/admin/users")
                    .then().statusCode(400).body("errors.field", hasItems("displayName", "password"));
        }
    }
}
