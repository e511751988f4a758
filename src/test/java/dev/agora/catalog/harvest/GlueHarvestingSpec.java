package dev.agora.catalog.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.harvest.glue.GlueSchemaHarvester;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The Glue harvester speaks to AWS Glue through the real SDK v2; a local HTTP stub stands in for Glue and
 * checks the exact requests the SDK sends (target header, JSON body, SigV4 signature for glue).
 */
class GlueHarvestingSpec {

    private static final String GET_TABLE_TARGET = "AWSGlue.GetTable";
    private static WireMockServer glue;
    private GlueSchemaHarvester harvester;

    @BeforeAll
    static void startStub() {
        glue = new WireMockServer(options().dynamicPort());
        glue.start();
    }

    @AfterAll
    static void stopStub() {
        glue.stop();
    }

    @BeforeEach
    void harvesterAgainstTheStub() {
        glue.resetAll();
        GlueClient client = GlueClient.builder()
                .endpointOverride(URI.create(glue.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDAGORATEST", "test-secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        harvester = new GlueSchemaHarvester(client, Optional.of("123456789012"));
    }

    @Test
    void reads_the_columns_and_partition_keys_with_their_comments() {
        glue.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(GET_TABLE_TARGET))
                .withRequestBody(equalToJson("""
                        {"CatalogId": "123456789012", "DatabaseName": "sales", "Name": "orders"}"""))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("""
                                {"Table": {"Name": "orders", "DatabaseName": "sales",
                                  "StorageDescriptor": {"Columns": [
                                    {"Name": "order_id", "Type": "bigint", "Comment": "Order key"},
                                    {"Name": "customer_email", "Type": "string", "Comment": "Who ordered"},
                                    {"Name": "amount", "Type": "decimal(10,2)"}]},
                                  "PartitionKeys": [{"Name": "dt", "Type": "string", "Comment": "Day of the order"}]}}
                                """)));

        SchemaHarvester.Outcome outcome = harvester.harvest("sales/orders");

        assertThat(outcome).isInstanceOf(SchemaHarvester.Outcome.Found.class);
        assertThat(((SchemaHarvester.Outcome.Found) outcome).columns()).containsExactly(
                new ColumnSchema("order_id", "bigint", "Order key", false),
                new ColumnSchema("customer_email", "string", "Who ordered", true),
                new ColumnSchema("amount", "decimal(10,2)", "", false),
                new ColumnSchema("dt", "string", "(partition key) Day of the order", false));
        glue.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(GET_TABLE_TARGET))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("Authorization", matching(
                        "AWS4-HMAC-SHA256 Credential=AKIDAGORATEST/\\d{8}/eu-west-1/glue/aws4_request, .*")));
    }

    @Test
    void a_table_glue_does_not_know_is_not_found() {
        glue.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(GET_TABLE_TARGET))
                .willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withHeader("x-amzn-ErrorType", "EntityNotFoundException")
                        .withBody("{\"__type\": \"EntityNotFoundException\", \"Message\": \"Table nope not found.\"}")));

        SchemaHarvester.Outcome outcome = harvester.harvest("sales.nope");

        assertThat(outcome).isEqualTo(new SchemaHarvester.Outcome.NotFound("there is no Glue table sales/nope"));
        glue.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson(
                "{\"CatalogId\": \"123456789012\", \"DatabaseName\": \"sales\", \"Name\": \"nope\"}")));
    }

    @Test
    void throttling_is_retried_by_the_sdk_and_then_reported_as_unavailable() {
        glue.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withHeader("x-amzn-ErrorType", "ThrottlingException")
                        .withBody("{\"__type\": \"ThrottlingException\", \"Message\": \"Rate exceeded\"}")));

        SchemaHarvester.Outcome outcome = harvester.harvest("sales/orders");

        assertThat(outcome).isInstanceOf(SchemaHarvester.Outcome.Unavailable.class);
        assertThat(((SchemaHarvester.Outcome.Unavailable) outcome).reason()).contains("Rate exceeded");
        assertThat(glue.findAll(postRequestedFor(urlEqualTo("/"))).size()).isGreaterThan(1);
    }
}
