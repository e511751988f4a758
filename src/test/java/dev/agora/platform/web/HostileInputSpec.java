package dev.agora.platform.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Whatever a caller sends, the answer is a 4xx problem that says what is wrong: never a 500, never a 404 for a
 * malformed parameter of a path that exists.
 */
@QuarkusTest
class HostileInputSpec {

    /** Every list endpoint, with the account that may read it. */
    private static final Map<String, String> LISTS = Map.of(
            "/api/v1/access-requests", "marco",
            "/api/v1/access-requests?view=inbox", "olivia",
            "/api/v1/notifications", "marco",
            "/api/v1/me/following", "marco",
            "/api/v1/admin/users", "admin",
            "/api/v1/admin/teams", "admin",
            "/api/v1/admin/domains", "admin",
            "/api/v1/admin/policies", "admin",
            "/api/v1/admin/group-mappings", "admin",
            "/api/v1/search", "marco");

    private static String with(String path, String query) {
        return path + (path.contains("?") ? "&" : "?") + query;
    }

    @Nested
    class MalformedQueryParameters {

        @ParameterizedTest
        @ValueSource(strings = {"page=abc", "page=-1", "size=-1", "size=0", "size=100000", "page=99999999999999"})
        void are_a_400_that_names_the_parameter_on_every_list(String query) {
            String parameter = query.substring(0, query.indexOf('='));
            LISTS.forEach((path, who) -> Api.as(who).get(with(path, query))
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://agora.dev/problems/validation"))
                    .body("errors.field", hasItem(parameter)));
        }

        @Test
        void an_unknown_status_is_a_400_that_names_the_parameter() {
            Api.as("marco").get("/api/v1/access-requests?status=NOPE")
                    .then().statusCode(400).body("errors.field", hasItem("status"))
                    .body("errors[0].message", containsString("PENDING"));
        }

        @Test
        void a_deprecated_flag_that_is_not_a_boolean_is_a_400() {
            Api.as("marco").get("/api/v1/search?deprecated=perhaps")
                    .then().statusCode(400).body("errors.field", hasItem("deprecated"));
        }

        @Test
        void the_older_limit_of_notifications_is_checked_too() {
            Api.as("marco").get("/api/v1/notifications?limit=lots")
                    .then().statusCode(400).body("errors.field", hasItem("limit"));
        }
    }

    @Nested
    class HugePages {

        @Test
        void a_page_far_beyond_the_end_is_an_empty_page_on_every_list() {
            LISTS.forEach((path, who) -> {
                if (!path.startsWith("/api/v1/search")) {
                    Api.as(who).get(with(path, "page=1000000&size=100")).then().statusCode(200)
                            .body("size()", equalTo(0));
                }
            });
            // search ranks only its first 10,000 hits, and says so
            Api.as("marco").get("/api/v1/search?page=1000000&size=100")
                    .then().statusCode(400).body("errors.field", hasItem("page"));
        }

        @Test
        void a_page_is_never_longer_than_asked_and_the_total_is_told() {
            Api.as("admin").get("/api/v1/admin/users?size=1")
                    .then().statusCode(200)
                    .header(Paging.TOTAL_HEADER, org.hamcrest.Matchers.notNullValue())
                    .body("size()", lessThanOrEqualTo(1));
        }
    }

    @Nested
    class RequestBodies {

        @Test
        void a_body_above_the_limit_is_a_413_problem() {
            char[] filler = new char[1_100_000];
            Arrays.fill(filler, 'x');
            Api.as("olivia").body(Map.of("name", "Big", "description", new String(filler)))
                    .post("/api/v1/products")
                    .then().statusCode(413)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://agora.dev/problems/payload-too-large"));
        }
    }

    @Nested
    class NullsInsideLists {

        @Test
        void a_null_tag_port_or_column_is_a_field_error() {
            Map<String, Object> body = new HashMap<>(Products.named("Nulls " + Products.uniqueTag()).body());
            List<Object> tags = new ArrayList<>();
            tags.add(null);
            body.put("tags", tags);
            List<Object> ports = new ArrayList<>((List<?>) body.get("outputPorts"));
            ports.add(null);
            body.put("outputPorts", ports);
            Api.as("olivia").body(body).post("/api/v1/products")
                    .then().statusCode(400)
                    .body("errors.field", hasItem("tags[0]"))
                    .body("errors.field", hasItem("outputPorts[1]"));
        }

        @Test
        void a_null_id_in_a_bulk_approval_is_a_field_error() {
            List<Object> ids = new ArrayList<>();
            ids.add(null);
            Api.as("olivia").body(Map.of("ids", ids)).post("/api/v1/access-requests/bulk-approve")
                    .then().statusCode(400).body("errors.field", hasItem("ids[0]"));
        }

        @Test
        void a_null_approver_role_of_a_policy_is_a_field_error() {
            List<Object> approvers = new ArrayList<>();
            approvers.add(null);
            Map<String, Object> body = new HashMap<>();
            body.put("approvers", approvers);
            body.put("maxDurationDays", 30);
            Api.as("admin").body(body).put("/api/v1/admin/policies/INTERNAL")
                    .then().statusCode(400).body("errors.field", hasItem("approvers[0]"));
        }

        @Test
        void a_null_basket_item_or_port_is_a_field_error() {
            List<Object> items = new ArrayList<>();
            items.add(null);
            Api.as("marco").body(Map.of("items", items, "justification", "For the quarterly report."))
                    .post("/api/v1/access-requests/basket")
                    .then().statusCode(400).body("errors.field", hasItem("items[0]"));
            List<Object> ports = new ArrayList<>();
            ports.add(null);
            Api.as("marco").body(Map.of("product", AccessRequestsApi.freshProduct("INTERNAL"), "ports", ports,
                            "justification", "For the quarterly report."))
                    .post("/api/v1/access-requests")
                    .then().statusCode(400).body("errors.field", hasItem("ports[0]"));
        }

        @Test
        void a_null_column_of_a_requested_port_is_a_field_error() {
            List<Object> columns = new ArrayList<>();
            columns.add(null);
            Map<String, Object> port = new HashMap<>();
            port.put("name", "orders");
            port.put("columns", columns);
            Api.as("marco").body(Map.of("product", AccessRequestsApi.freshProduct("INTERNAL"), "ports", List.of(port),
                            "justification", "For the quarterly report."))
                    .post("/api/v1/access-requests")
                    .then().statusCode(400).body("errors.field", hasItem("ports[0].columns[0]"));
        }
    }

    @Nested
    class OddValues {

        @Test
        void an_over_long_version_is_a_field_error() {
            String version = "1.0.0-" + "9".repeat(5000);
            Api.as("olivia").body(Products.named("Long Version " + Products.uniqueTag()).with("version", version)
                            .body())
                    .post("/api/v1/products")
                    .then().statusCode(400).body("errors.field", hasItem("version"));
        }

        @Test
        void a_version_whose_numbers_overflow_is_compared_without_failing() {
            String slug = Api.as("olivia").body(Products.named("Huge Pre-release " + Products.uniqueTag())
                            .with("version", "1.0.0-99999999999999999999").body())
                    .post("/api/v1/products").then().statusCode(201).extract().path("slug");
            Api.as("olivia").body(Map.of("version", "1.0.0-99999999999999999998", "changelog", "older"))
                    .post("/api/v1/products/" + slug + "/versions")
                    .then().statusCode(org.hamcrest.Matchers.lessThan(500));
        }

        @Test
        void a_search_with_too_many_filter_values_is_a_400_that_names_the_filter() {
            StringBuilder query = new StringBuilder("/api/v1/search?q=orders");
            for (int i = 0; i < 60; i++) {
                query.append("&tag=t").append(i);
            }
            Api.as("marco").get(query.toString())
                    .then().statusCode(400).body("errors.field", hasItem("tag"));
        }

        @Test
        void a_requested_port_that_does_not_exist_with_odd_columns_is_a_field_error() {
            Map<String, Object> port = new HashMap<>();
            port.put("name", "no-such-port");
            port.put("columns", List.of("a\u0000b", "x".repeat(500)));
            Api.as("marco").body(Map.of("product", AccessRequestsApi.freshProduct("INTERNAL"), "ports", List.of(port),
                            "justification", "For the quarterly report."))
                    .post("/api/v1/access-requests")
                    .then().statusCode(400)
                    .body("errors.field", hasItem("ports[0].columns[0]"))
                    .body("errors.field", hasItem("ports[0].columns[1]"));
        }
    }
}
