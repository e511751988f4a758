package dev.agora.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.agora.audit.AuditLog;
import dev.agora.events.Outbox;
import dev.agora.support.Api;
import dev.agora.support.Locations;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Producers' pipelines publish data products through the REST API. */
@QuarkusTest
class PublishingThroughTheApiSpec {

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @BeforeEach
    void theLocationsOfItsPortsAreRegistered() {
        Locations.salesTable("lake.no_such_table");
        Locations.register("sales-analytics", "glue-table", "sales/orders");
        Locations.register("sales-analytics", "s3-prefix", "s3://agora-raw/orders/");
    }

    static ExtractableResponse<Response> create(String as, Products product) {
        return Api.as(as).body(product.body()).post("/api/v1/products").then().statusCode(201).extract();
    }

    @Nested
    class Creating {

        @Test
        void the_pipeline_body_creates_a_draft_with_id_slug_status_version_and_port_ids() {
            Map<String, Object> body = Map.of("name", "Web Orders Spec", "domain", "sales",
                    "ownerTeam", "sales-analytics",
                    "description", "All confirmed web-shop orders, **one row per order**.",
                    "tags", List.of("orders", "revenue"), "classification", "INTERNAL", "version", "1.0.0",
                    "contact", "sales-data@example.com",
                    "outputPorts", List.of(Map.of("name", "orders", "type", "postgres-table", "location", "lake.orders",
                            "columns", List.of(Map.of("name", "order_id", "type", "bigint",
                                    "description", "Order key", "pii", false)))));

            Api.as("olivia").body(body).post("/api/v1/products")
                    .then().statusCode(201)
                    .header("Location", containsString("/api/v1/products/web-orders-spec"))
                    .header("ETag", notNullValue())
                    .body("id", notNullValue())
                    .body("slug", equalTo("web-orders-spec"))
                    .body("status", equalTo("DRAFT"))
                    .body("version", equalTo("1.0.0"))
                    .body("domain", equalTo("sales"))
                    .body("outputPorts[0].id", notNullValue())
                    .body("outputPorts[0].type", equalTo("postgres-table"))
                    .body("outputPorts[0].columns[0].name", equalTo("order_id"))
                    .body("descriptionHtml", containsString("<strong>one row per order</strong>"));
        }

        @Test
        void a_postgres_table_port_without_columns_is_harvested_with_the_comments_as_descriptions() {
            create("olivia", Products.named("Harvested Customers Spec")
                    .harvestedPort("customers", "postgres-table", "lake.customers"))
                    .response().then()
                    .body("outputPorts[0].columns.name", hasItems("customer_id", "full_name", "email"))
                    .body("outputPorts[0].columns.find { it.name == 'email' }.description",
                            equalTo("Contact e-mail address"))
                    .body("outputPorts[0].columns.find { it.name == 'email' }.pii", equalTo(true))
                    .body("outputPorts[0].columns.find { it.name == 'segment' }.pii", equalTo(false))
                    .body("outputPorts[0].columns.find { it.name == 'signed_up_on' }.type", equalTo("date"));
        }

        @Test
        void a_port_whose_table_does_not_exist_is_refused_with_a_field_error() {
            Api.as("olivia").body(Products.named("Missing Table Spec")
                            .harvestedPort("nope", "postgres-table", "lake.no_such_table").body())
                    .post("/api/v1/products")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("outputPorts[0].location"))
                    .body("errors[0].message", containsString("no table lake.no_such_table"));
        }

        @Test
        void every_problem_of_a_bad_body_is_named_at_once_and_nothing_is_a_500() {
            Map<String, Object> bad = Map.of("name", " ", "ownerTeam", "no-such-team", "version", "one",
                    "tags", List.of("Bad Tag!!"),
                    "outputPorts", List.of(Map.of("name", "p", "type", "postgres-table", "location", "not a table",
                            "columns", List.of(Map.of("name", "", "type", "")))));

            Api.as("olivia").body(bad).post("/api/v1/products")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItems("name", "classification", "ownerTeam", "version", "tags[0]",
                            "outputPorts[0].location", "outputPorts[0].columns[0].name",
                            "outputPorts[0].columns[0].type"));
        }

        @Test
        void an_unknown_port_type_lists_the_known_ones() {
            Map<String, Object> body = Products.named("Odd Port Spec").body();
            body.put("outputPorts", List.of(Map.of("name", "x", "type", "ftp-folder", "location", "x")));

            Api.as("olivia").body(body).post("/api/v1/products")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("outputPorts[0].type"))
                    .body("errors[0].message", containsString("postgres-table"));
        }

        @Test
        void a_glue_table_port_without_columns_says_how_to_switch_glue_harvesting_on() {
            Api.as("olivia").body(Products.named("Glue Spec").harvestedPort("orders", "glue-table", "sales/orders").body())
                    .post("/api/v1/products")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("outputPorts[0].columns"))
                    .body("errors[0].message", containsString("AGORA_GLUE_HARVEST=aws"));
        }

        @Test
        void only_members_of_the_owner_team_may_create_its_products() {
            Api.as("marco").body(Products.named("Not Marcos Spec").body()).post("/api/v1/products")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("Only members of team 'sales-analytics'"));
        }

        @Test
        void a_team_of_another_domain_than_the_one_named_is_refused() {
            Api.as("olivia").body(Products.named("Wrong Domain Spec").with("domain", "marketing").body())
                    .post("/api/v1/products")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("ownerTeam"))
                    .body("errors[0].message", containsString("belongs to domain 'sales'"));
        }
    }

    @Nested
    class Drafts {

        @Test
        void are_seen_by_their_owner_team_and_admins_only() {
            String slug = create("olivia", Products.named("Secret Draft Spec")).path("slug");

            Api.as("olivia").get("/api/v1/products/" + slug).then().statusCode(200);
            Api.as("stella").get("/api/v1/products/" + slug).then().statusCode(200);
            Api.as("admin").get("/api/v1/products/" + slug).then().statusCode(200);
            Api.as("marco").get("/api/v1/products/" + slug).then().statusCode(404)
                    .contentType("application/problem+json");
        }

        @Test
        void are_found_by_id_as_well_as_by_slug() {
            ExtractableResponse<Response> created = create("olivia", Products.named("By Id Spec"));
            Api.as("olivia").get("/api/v1/products/" + created.path("id"))
                    .then().statusCode(200).body("slug", equalTo(created.path("slug")));
        }
    }

    @Nested
    class Publishing {

        @Test
        void is_refused_with_the_list_of_what_is_missing() {
            String slug = create("olivia", Products.named("Unready Spec").with("description", "Too short.")
                    .without("contact")
                    .withoutPorts().port("raw", "s3-prefix", "s3://agora-raw/orders/")).path("slug");

            Api.as("olivia").post("/api/v1/products/" + slug + "/publish")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", startsWith("'" + slug + "' is not ready to publish"))
                    .body("errors.field", everyItem(equalTo("readiness")))
                    .body("errors.message", hasItems(containsString("description of at least 8 words"),
                            containsString("a contact"), containsString("output port with its columns")));
        }

        @Test
        void a_ready_draft_becomes_published_and_visible_to_everyone() {
            String slug = create("olivia", Products.named("Ready Spec")).path("slug");

            Api.as("olivia").post("/api/v1/products/" + slug + "/publish")
                    .then().statusCode(200).body("status", equalTo("PUBLISHED"))
                    .body("readiness.ready", equalTo(true));
            Api.as("marco").get("/api/v1/products/" + slug).then().statusCode(200);
        }

        @Test
        void a_column_without_description_keeps_a_product_from_being_published() {
            String slug = create("olivia", Products.named("Undescribed Spec").withoutPorts()
                    .port("main", "postgres-table", "lake.orders", Products.column("order_id", "bigint", ""))).path("slug");

            Api.as("olivia").post("/api/v1/products/" + slug + "/publish")
                    .then().statusCode(400)
                    .body("errors.message", hasItem(containsString("main.order_id")));
        }

        @Test
        void cannot_be_done_by_someone_outside_the_owner_team() {
            String slug = create("olivia", Products.named("Guarded Spec")).path("slug");
            Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);

            Api.as("marco").body(Map.of("reason", "mine now")).post("/api/v1/products/" + slug + "/deprecate")
                    .then().statusCode(403).body("detail", containsString("Only members of team"));
        }
    }

    @Nested
    class Versions {

        @Test
        void a_new_version_must_be_greater_and_say_what_changed() {
            String slug = create("olivia", Products.named("Versioned Spec")).path("slug");

            Api.as("olivia").body(Map.of("version", "0.9.0", "changelog", "older")).post("/api/v1/products/" + slug + "/versions")
                    .then().statusCode(400).body("errors[0].field", equalTo("version"))
                    .body("errors[0].message", containsString("greater than the current version 1.0.0"));
            Api.as("olivia").body(Map.of("version", "1.1.0")).post("/api/v1/products/" + slug + "/versions")
                    .then().statusCode(400).body("errors[0].field", equalTo("changelog"));
            Api.as("olivia").body(Map.of("version", "1.1.0", "changelog", "Adds the currency column"))
                    .post("/api/v1/products/" + slug + "/versions")
                    .then().statusCode(201)
                    .body("version", equalTo("1.1.0"))
                    .body("versions.version", contains("1.0.0", "1.1.0"))
                    .body("versions[1].changelog", equalTo("Adds the currency column"))
                    .body("versions[1].createdBy", equalTo("olivia"));
        }

        @Test
        void the_version_does_not_change_through_a_plain_revision() {
            String slug = create("olivia", Products.named("Pinned Version Spec")).path("slug");

            Api.as("olivia").body(Products.named("Pinned Version Spec").with("version", "2.0.0").body())
                    .put("/api/v1/products/" + slug)
                    .then().statusCode(400).body("errors[0].field", equalTo("version"));
        }
    }

    @Nested
    class Revising {

        @Test
        void keeps_port_ids_of_ports_that_keep_their_name() {
            ExtractableResponse<Response> created = create("olivia", Products.named("Stable Ports Spec"));
            Object portId = created.path("outputPorts[0].id");

            Api.as("olivia").body(Products.named("Stable Ports Spec").with("description",
                            "Now with a better description that has more than eight words in it.").body())
                    .put("/api/v1/products/" + created.path("slug"))
                    .then().statusCode(200)
                    .body("outputPorts[0].id", equalTo(portId))
                    .body("description", containsString("better description"));
        }

        @Test
        void with_a_stale_etag_is_refused_instead_of_overwriting_a_concurrent_change() {
            ExtractableResponse<Response> created = create("olivia", Products.named("Contested Spec"));
            String slug = created.path("slug");
            String etag = created.header("ETag");

            Api.as("olivia").header("If-Match", etag).body(Products.named("Contested Spec")
                            .with("contact", "first-writer@agora.example").body())
                    .put("/api/v1/products/" + slug).then().statusCode(200);
            Api.as("olivia").header("If-Match", etag).body(Products.named("Contested Spec")
                            .with("contact", "second-writer@agora.example").body())
                    .put("/api/v1/products/" + slug)
                    .then().statusCode(412)
                    .body("type", equalTo("https://agora.dev/problems/precondition-failed"))
                    .body("detail", containsString("changed by someone else"));

            Api.as("olivia").get("/api/v1/products/" + slug).then().body("contact", equalTo("first-writer@agora.example"));
        }
    }

    @Nested
    class Deprecating {

        @Test
        void needs_a_reason_and_a_published_product() {
            String slug = create("olivia", Products.named("Old Spec")).path("slug");
            Api.as("olivia").body(Map.of("reason", "replaced")).post("/api/v1/products/" + slug + "/deprecate")
                    .then().statusCode(409).body("detail", containsString("Only a published product"));
            Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);

            Api.as("olivia").body(Map.of("reason", " ")).post("/api/v1/products/" + slug + "/deprecate")
                    .then().statusCode(400).body("errors[0].field", equalTo("reason"));
            Api.as("olivia").body(Map.of("reason", "Use orders-v2 instead"))
                    .post("/api/v1/products/" + slug + "/deprecate")
                    .then().statusCode(200)
                    .body("status", equalTo("DEPRECATED"))
                    .body("deprecationNote", equalTo("Use orders-v2 instead"));
        }
    }

    @Test
    void every_change_is_in_the_audit_trail_and_in_the_outbox() {
        String slug = create("olivia", Products.named("Journaled Spec")).path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);

        assertThat(audit.about("data-product", slug)).extracting(e -> e.action())
                .containsExactly("catalog.product.created", "catalog.product.published");
        assertThat(outbox.about("data-product", slug)).extracting(e -> e.eventType())
                .containsExactly("agora.catalog.product.created", "agora.catalog.product.published");
        assertThat(audit.about("data-product", slug)).allSatisfy(e -> assertThat(e.actor()).isEqualTo("olivia"));
    }

    @Test
    void the_demo_lake_is_published_as_three_harvested_products() {
        Api.as("marco").get("/api/v1/products/orders").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("ownerTeam", equalTo("sales-analytics"))
                .body("outputPorts[0].columns", hasSize(10));
        Api.as("marco").get("/api/v1/products/customers").then().statusCode(200)
                .body("classification", equalTo("CONFIDENTIAL"))
                .body("outputPorts[0].columns.findAll { it.pii }.name", hasItems("full_name", "email"));
        Api.as("marco").get("/api/v1/products/campaigns").then().statusCode(200)
                .body("ownerTeam", equalTo("marketing-insights"))
                .body("outputPorts[0].columns.description", not(hasItem("")));
    }
}
