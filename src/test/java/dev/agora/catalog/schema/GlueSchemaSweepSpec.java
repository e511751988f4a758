package dev.agora.catalog.schema;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agora.support.Api;
import dev.agora.support.Locations;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Glue tables have no DDL trigger: the schema watch's sweep compares each published glue-table port with what AWS
 * Glue says (the real SDK against a local stub of Glue) and treats a difference like one found on the lake.
 */
@QuarkusTest
@TestProfile(GlueSchemaSweepSpec.WithGlue.class)
class GlueSchemaSweepSpec {

    static final WireMockServer GLUE = new WireMockServer(options().dynamicPort());

    /** Agora harvesting from a local Glue stub; the sweep is started by the spec, not by the clock. */
    public static class WithGlue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            if (!GLUE.isRunning()) {
                GLUE.start();
            }
            return Map.of("agora.harvest.glue", "aws",
                    "agora.aws.glue.endpoint", GLUE.baseUrl(),
                    "agora.aws.region", "eu-west-1",
                    "agora.data-dir", "target/agora-test-data-glue");
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    private static final Map<String, String> AWS = Map.of("aws.accessKeyId", "AKIDAGORATEST",
            "aws.secretAccessKey", "test-secret");

    @Inject
    SchemaWatch watch;

    @BeforeEach
    void credentials() {
        AWS.forEach(System::setProperty);
    }

    @AfterEach
    void forgetCredentials() {
        AWS.keySet().forEach(System::clearProperty);
    }

    private static void glueSays(String table, String columnsJson) {
        GLUE.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetTable"))
                .withRequestBody(equalToJson("{\"DatabaseName\": \"sales\", \"Name\": \"" + table + "\"}", true, true))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Table\": {\"Name\": \"" + table + "\", \"DatabaseName\": \"sales\","
                                + " \"StorageDescriptor\": {\"Columns\": " + columnsJson + "}}}")));
    }

    @Test
    void a_column_added_in_glue_becomes_a_new_minor_version() {
        String table = "orders_" + UUID.randomUUID().toString().substring(0, 8);
        Locations.register("sales-analytics", "glue-table", "sales/" + table);
        glueSays(table, "[{\"Name\": \"order_id\", \"Type\": \"bigint\", \"Comment\": \"Order key\"}]");
        Map<String, Object> body = new java.util.LinkedHashMap<>(Products.named("Glue Sweep Spec " + Products.uniqueTag())
                .harvestedPort("orders", "glue-table", "sales/" + table).body());
        String slug = Api.as("olivia").body(body).post("/api/v1/products").then().statusCode(201).extract()
                .path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);

        glueSays(table, "[{\"Name\": \"order_id\", \"Type\": \"bigint\", \"Comment\": \"Order key\"},"
                + " {\"Name\": \"channel\", \"Type\": \"string\", \"Comment\": \"Where it was ordered\"}]");
        long id = ((Number) Api.as("olivia").get("/api/v1/products/" + slug).then().extract().path("id")).longValue();
        assertThat(watch.productsWithPortsOf(List.of(dev.agora.catalog.PortType.GLUE_TABLE))).contains(id);

        watch.check(id, SchemaWatch.ACTOR);

        var product = Api.as("olivia").get("/api/v1/products/" + slug).then().statusCode(200).extract().jsonPath();
        assertThat(product.getString("version")).isEqualTo("1.1.0");
        assertThat(product.getList("outputPorts[0].columns.name")).containsExactly("order_id", "channel");
    }
}
