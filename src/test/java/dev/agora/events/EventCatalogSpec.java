package dev.agora.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The public event types are documented in an AsyncAPI 3.0 document served to signed-in people. */
@QuarkusTest
class EventCatalogSpec {

    @Test
    void the_asyncapi_document_names_every_public_type_with_an_example() {
        String document = Api.as("marco").accept("application/yaml").get("/api/v1/asyncapi.yaml").then().statusCode(200)
                .contentType("application/yaml").extract().asString();

        assertThat(document).contains("asyncapi: 3.0.0", "partitionkey");
        for (String type : EventTypes.catalog().keySet()) {
            assertThat(document).as(type).contains("name: " + type, "\"type\": \"" + type + "\"");
        }
    }

    @Test
    void every_public_type_of_issue_12_is_produced() {
        assertThat(EventTypes.catalog().keySet()).containsExactlyInAnyOrder(
                "agora.product.created", "agora.product.published", "agora.product.updated",
                "agora.product.version-released", "agora.product.deprecated", "agora.product.schema-changed",
                "agora.access.requested", "agora.access.approved", "agora.access.rejected", "agora.access.cancelled",
                "agora.access.extended", "agora.access.revoked", "agora.access.expired",
                "agora.grant.applied", "agora.grant.failed", "agora.grant.revoked", "agora.drift.found",
                "agora.quality.failed");
        assertThat(EventTypes.NOT_YET_PRODUCED).isEmpty();
        assertThat(EventTypes.publicType("agora.catalog.product.schema-changed"))
                .isEqualTo("agora.product.schema-changed");
        assertThat(EventTypes.publicType("agora.grants.drift.found")).isEqualTo("agora.drift.found");
    }

    @Test
    void the_example_of_every_event_about_a_product_names_it_in_data_product() {
        String document = Api.as("marco").accept("application/yaml").get("/api/v1/asyncapi.yaml").then().statusCode(200)
                .extract().asString();
        for (String type : EventTypes.catalog().keySet()) {
            String example = document.lines().filter(line -> line.contains("\"type\": \"" + type + "\""))
                    .findFirst().orElseThrow();
            assertThat(example).as(type).contains("\"data\": {\"product\": \"sales-orders\"");
        }
    }

    @Test
    void is_not_served_to_strangers() {
        Api.anonymous().accept("application/yaml").get("/api/v1/asyncapi.yaml").then().statusCode(401);
    }

    @Test
    void the_openapi_description_links_to_it() {
        assertThat(Api.as("admin").accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString())
                .contains("/api/v1/asyncapi.yaml");
    }
}
