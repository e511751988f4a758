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
        assertThat(EventTypes.catalog()).hasSize(15);
        for (String type : EventTypes.catalog().keySet()) {
            assertThat(document).as(type).contains("name: " + type, "\"type\": \"" + type + "\"");
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
