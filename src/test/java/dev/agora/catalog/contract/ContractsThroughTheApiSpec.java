package dev.agora.catalog.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.agora.support.Api;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Producers GET a product's contract as ODCS YAML, edit it in their repository and PUT it back on release. */
@QuarkusTest
class ContractsThroughTheApiSpec {

    static final String YAML = "application/yaml";

    static String draft() {
        return Api.as("olivia").body(Products.named("Contract Api Spec " + Products.uniqueTag()).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
    }

    static String published() {
        String slug = draft();
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        return slug;
    }

    static String contract(String user, String slug) {
        return Api.as(user).accept(YAML).get("/api/v1/products/" + slug + "/contract").then().statusCode(200)
                .contentType(startsWith(YAML)).extract().asString();
    }

    static ExtractableResponse<Response> put(String user, String slug, String yaml) {
        return Api.as(user).contentType(YAML).accept(YAML + ", application/problem+json")
                .body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/api/v1/products/" + slug + "/contract").then().extract();
    }

    static String version(String slug) {
        return Api.as("olivia").get("/api/v1/products/" + slug).then().statusCode(200).extract().path("version");
    }

    /** The quality rules a producer adds to the downloaded document, under the object of port "main". */
    static String withRowCount(String yaml) {
        return yaml.replaceFirst("(?m)^(    properties:)$", "    quality:\n      - name: has-rows\n"
                + "        metric: rowCount\n        mustBeGreaterOrEqualTo: 1\n$1");
    }

    @Nested
    class Downloading {

        @Test
        void the_owner_gets_an_odcs_document_with_an_etag_that_answers_304_when_current() {
            String slug = draft();

            var response = Api.as("olivia").accept(YAML).get("/api/v1/products/" + slug + "/contract").then()
                    .statusCode(200).extract();

            assertThat(response.asString()).contains("apiVersion: v3.1.0", "kind: DataContract",
                    "id: urn:agora:data-product:" + slug, "physicalName: lake.orders", "name: order_id");
            Api.as("olivia").accept(YAML).header("If-None-Match", response.header("ETag"))
                    .get("/api/v1/products/" + slug + "/contract").then().statusCode(304);
        }

        @Test
        void the_demo_product_exports_a_document_that_conforms_to_the_odcs_schema() {
            String yaml = contract("marco", "orders");

            assertThat(dev.agora.catalog.contract.odcs.OdcsReader.validate(
                    dev.agora.catalog.contract.odcs.OdcsReader.read(yaml))).isEmpty();
            assertThat(yaml).contains("dataProduct: orders", "status: active");
        }

        @Test
        void another_team_reads_a_published_product_but_nobody_outside_sees_a_draft() {
            String draft = draft();
            String published = published();

            assertThat(contract("marco", published)).contains("dataProduct: " + published);
            Api.as("marco").accept(YAML).get("/api/v1/products/" + draft + "/contract").then().statusCode(404);
        }
    }

    @Nested
    class Uploading {

        @Test
        void the_downloaded_document_applies_unchanged_and_keeps_the_version() {
            String slug = draft();
            String yaml = contract("olivia", slug);

            var response = put("olivia", slug, yaml);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.header("Agora-Contract-Outcome")).isEqualTo("terms-only");
            assertThat(response.asString()).isEqualTo(yaml);
            assertThat(version(slug)).isEqualTo("1.0.0");
        }

        @Test
        void new_terms_with_a_greater_version_record_that_version() {
            String slug = draft();
            String yaml = withRowCount(contract("olivia", slug)).replace("version: 1.0.0", "version: 1.0.1");

            var response = put("olivia", slug, yaml);

            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            assertThat(version(slug)).isEqualTo("1.0.1");
            assertThat(contract("olivia", slug)).contains("metric: rowCount", "name: has-rows");
        }

        @Test
        void a_compatible_schema_change_becomes_the_next_minor_version_with_a_generated_changelog() {
            String slug = published();
            String yaml = contract("olivia", slug).replaceFirst("(?m)^(      - name: amount)$",
                    "      - name: note\n        logicalType: string\n        physicalType: text\n"
                    + "        required: false\n$1");

            var response = put("olivia", slug, yaml);

            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            assertThat(response.header("Agora-Product-Version")).isEqualTo("1.1.0");
            Api.as("olivia").get("/api/v1/products/" + slug).then().body("version", org.hamcrest.Matchers.is("1.1.0"))
                    .body("versions.changelog", hasItem(containsString("main.note: column added (text)")))
                    .body("outputPorts[0].columns.name", org.hamcrest.Matchers.contains("order_id", "note", "amount"));
        }

        @Test
        void a_breaking_change_is_refused_with_each_difference_unless_it_is_a_new_major_version() {
            String slug = published();
            String yaml = contract("olivia", slug).replaceFirst("(?m)^(        physicalType: numeric\\n)"
                    + "        required: false$", "$1        required: true");
            assertThat(yaml).contains("required: true");

            var refused = put("olivia", slug, yaml);

            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("breakingChanges")).contains("main.amount: nullability changed");
            assertThat(version(slug)).isEqualTo("1.0.0");

            var applied = put("olivia", slug, yaml.replace("version: 1.0.0", "version: 2.0.0"));

            assertThat(applied.statusCode()).as(applied.asString()).isEqualTo(200);
            assertThat(applied.header("Agora-Contract-Outcome")).isEqualTo("major-version");
            assertThat(version(slug)).isEqualTo("2.0.0");
            Api.as("olivia").get("/api/v1/products/" + slug).then()
                    .body("outputPorts[0].columns.find { it.name == 'amount' }.nullable",
                            org.hamcrest.Matchers.is(false));
        }

        @Test
        void a_member_of_another_team_may_not_upload() {
            String slug = published();
            String yaml = contract("marco", slug);

            assertThat(put("marco", slug, yaml).statusCode()).isEqualTo(403);
        }

        @Test
        void a_stale_if_match_is_refused() {
            String slug = draft();
            String yaml = contract("olivia", slug);

            int status = Api.as("olivia").contentType(YAML).accept(YAML + ", application/problem+json").header("If-Match", "\"0123456789abcdef\"")
                    .body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .put("/api/v1/products/" + slug + "/contract").then().extract().statusCode();

            assertThat(status).isEqualTo(412);
        }
    }

    @Nested
    class RefusingBadDocuments {

        @Test
        void an_invalid_contract_is_refused_with_the_line_and_field_of_each_problem() {
            String slug = draft();
            String yaml = contract("olivia", slug).replaceFirst("logicalType: integer", "logicalType: int");

            var refused = put("olivia", slug, yaml);

            assertThat(refused.statusCode()).isEqualTo(400);
            List<String> fields = refused.jsonPath().getList("errors.field");
            assertThat(fields).anySatisfy(field -> assertThat(field)
                    .matches("line \\d+: schema\\[0]\\.properties\\[0]\\.logicalType"));
        }

        @Test
        void a_rule_on_an_unknown_column_names_the_rule() {
            String slug = draft();
            String yaml = contract("olivia", slug).replaceFirst("(?m)^(    properties:)$", "    quality:\n"
                    + "      - name: unique-key\n        metric: duplicateValues\n        mustBe: 0\n"
                    + "        arguments:\n          properties: [order_id, no_such_column]\n$1");

            var refused = put("olivia", slug, yaml);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.jsonPath().getList("errors.message", String.class))
                    .anySatisfy(message -> assertThat(message).contains("no column 'no_such_column'"));
            assertThat(refused.jsonPath().getList("errors.field", String.class))
                    .anySatisfy(field -> assertThat(field).matches("line \\d+: schema\\[0]\\.quality\\[0]"));
        }

        @Test
        void yaml_that_does_not_parse_and_a_document_over_the_limit_are_refused() {
            String slug = draft();

            var broken = put("olivia", slug, "apiVersion: v3.1.0\nkind: [DataContract\n");
            var huge = put("olivia", slug, "description: " + "x".repeat(1024 * 1024 + 10));

            assertThat(broken.statusCode()).isEqualTo(400);
            assertThat(broken.jsonPath().getString("errors[0].field")).startsWith("line ");
            // the HTTP layer's own body limit may answer first (413); either way nothing of it is applied
            assertThat(huge.statusCode()).isIn(400, 413);
        }
    }
}
