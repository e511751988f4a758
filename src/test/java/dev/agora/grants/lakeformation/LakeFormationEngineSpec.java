package dev.agora.grants.lakeformation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agora.grants.ActualGrant;
import dev.agora.grants.GrantEngine;
import dev.agora.grants.GrantOutcome;
import dev.agora.grants.GrantSpec;
import dev.agora.grants.Grantee;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;

/**
 * The Lake Formation engine speaks to AWS through the real SDK v2; a local HTTP stub stands in for the service and
 * checks the exact requests (path, JSON body, SigV4 for lakeformation), answering success, partial failure and
 * throttling.
 */
class LakeFormationEngineSpec {

    private static final String ANALYSTS = "arn:aws:iam::123456789012:role/marketing-insights";
    private static WireMockServer lakeFormation;
    private LakeFormationGrantEngine engine;

    @BeforeAll
    static void startStub() {
        lakeFormation = new WireMockServer(options().dynamicPort());
        lakeFormation.start();
    }

    @AfterAll
    static void stopStub() {
        lakeFormation.stop();
    }

    @BeforeEach
    void engineAgainstTheStub() {
        lakeFormation.resetAll();
        LakeFormationClient client = LakeFormationClient.builder()
                .endpointOverride(URI.create(lakeFormation.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDAGORATEST", "s")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        engine = new LakeFormationGrantEngine(client,
                team -> team.equals("marketing-insights") ? Optional.of(ANALYSTS) : Optional.empty(),
                Map.of(), Optional.of("123456789012"));
    }

    private static GrantSpec table() {
        return new GrantSpec("glue-table", "sales/orders", List.of(), ANALYSTS, Set.of("READ"));
    }

    private static void answer(String path, int status, String body) {
        lakeFormation.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void a_team_is_granted_through_its_iam_role_and_a_team_without_one_is_told_how_to_get_one() {
        assertThat(engine.resolve(Grantee.team("marketing-insights"))).isEqualTo(GrantEngine.GranteeResolution.of(ANALYSTS));
        assertThat(engine.resolve(Grantee.team("sales-analytics")).problem())
                .contains("PUT /api/v1/admin/teams/sales-analytics");
    }

    @Test
    void a_table_grant_sends_select_and_describe_on_the_table_to_the_teams_role() {
        answer("/BatchGrantPermissions", 200, "{\"Failures\": []}");

        assertThat(engine.grant(table())).isInstanceOf(GrantOutcome.Applied.class);

        lakeFormation.verify(1, postRequestedFor(urlEqualTo("/BatchGrantPermissions"))
                .withHeader("Authorization", matching(
                        "AWS4-HMAC-SHA256 Credential=AKIDAGORATEST/\\d{8}/eu-west-1/lakeformation/aws4_request, .*"))
                .withRequestBody(equalToJson("""
                        {"CatalogId": "123456789012",
                         "Entries": [{"Id": "table",
                                      "Principal": {"DataLakePrincipalIdentifier": "%s"},
                                      "Resource": {"Table": {"CatalogId": "123456789012", "DatabaseName": "sales",
                                                             "Name": "orders"}},
                                      "Permissions": ["SELECT", "DESCRIBE"]}]}""".formatted(ANALYSTS))));
    }

    @Test
    void a_grant_narrowed_to_columns_uses_a_table_with_columns_resource() {
        answer("/BatchGrantPermissions", 200, "{\"Failures\": []}");

        engine.grant(new GrantSpec("glue-table", "sales.orders", List.of("order_id", "amount"), ANALYSTS, Set.of("READ")));

        lakeFormation.verify(postRequestedFor(urlEqualTo("/BatchGrantPermissions")).withRequestBody(equalToJson("""
                {"CatalogId": "123456789012",
                 "Entries": [{"Id": "columns",
                              "Principal": {"DataLakePrincipalIdentifier": "%s"},
                              "Resource": {"TableWithColumns": {"CatalogId": "123456789012", "DatabaseName": "sales",
                                                                "Name": "orders",
                                                                "ColumnNames": ["order_id", "amount"]}},
                              "Permissions": ["SELECT"]}]}""".formatted(ANALYSTS))));
    }

    @Test
    void a_per_entry_failure_is_a_failure_with_the_services_reason() {
        answer("/BatchGrantPermissions", 200, """
                {"Failures": [{"RequestEntry": {"Id": "table"},
                               "Error": {"ErrorCode": "InvalidInputException",
                                         "ErrorMessage": "No such principal"}}]}""");

        GrantOutcome outcome = engine.grant(table());

        assertThat(outcome).isEqualTo(new GrantOutcome.Failed(
                "Lake Formation refused InvalidInputException: No such principal"));
    }

    @Test
    void throttling_is_retried_by_the_sdk_and_then_left_for_a_later_attempt() {
        lakeFormation.stubFor(post(urlEqualTo("/BatchGrantPermissions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", "ThrottlingException")
                .withBody("{\"__type\": \"ThrottlingException\", \"message\": \"Rate exceeded\"}")));

        GrantOutcome outcome = engine.grant(table());

        assertThat(outcome).isInstanceOf(GrantOutcome.RetryLater.class);
        assertThat(lakeFormation.findAll(postRequestedFor(urlEqualTo("/BatchGrantPermissions"))).size()).isGreaterThan(1);
    }

    @Test
    void a_throttled_entry_is_left_for_a_later_attempt() {
        answer("/BatchGrantPermissions", 200, """
                {"Failures": [{"RequestEntry": {"Id": "table"},
                               "Error": {"ErrorCode": "ThrottlingException", "ErrorMessage": "slow down"}}]}""");

        assertThat(engine.grant(table())).isInstanceOf(GrantOutcome.RetryLater.class);
    }

    @Test
    void a_revocation_sends_the_same_entry_to_batch_revoke() {
        answer("/BatchRevokePermissions", 200, "{\"Failures\": []}");

        assertThat(engine.revoke(table())).isInstanceOf(GrantOutcome.Applied.class);

        lakeFormation.verify(postRequestedFor(urlEqualTo("/BatchRevokePermissions")).withRequestBody(equalToJson("""
                {"CatalogId": "123456789012",
                 "Entries": [{"Id": "table", "Principal": {"DataLakePrincipalIdentifier": "%s"},
                              "Resource": {"Table": {"CatalogId": "123456789012", "DatabaseName": "sales",
                                                     "Name": "orders"}},
                              "Permissions": ["SELECT", "DESCRIBE"]}]}""".formatted(ANALYSTS))));
    }

    @Test
    void list_permissions_tells_what_is_actually_granted() {
        lakeFormation.stubFor(post(urlEqualTo("/ListPermissions"))
                .withRequestBody(equalToJson("""
                        {"CatalogId": "123456789012",
                         "Resource": {"Table": {"CatalogId": "123456789012", "DatabaseName": "sales", "Name": "orders"}}}"""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"PrincipalResourcePermissions": [
                          {"Principal": {"DataLakePrincipalIdentifier": "%s"},
                           "Resource": {"Table": {"DatabaseName": "sales", "Name": "orders"}},
                           "Permissions": ["SELECT", "DESCRIBE"]},
                          {"Principal": {"DataLakePrincipalIdentifier": "arn:aws:iam::123456789012:role/other"},
                           "Resource": {"TableWithColumns": {"DatabaseName": "sales", "Name": "orders",
                                                             "ColumnNames": ["amount"]}},
                           "Permissions": ["SELECT"]}]}""".formatted(ANALYSTS))));

        List<ActualGrant> actual = engine.actual(List.of("sales/orders"));

        assertThat(actual).containsExactly(new ActualGrant(ANALYSTS, "sales/orders", null, "SELECT"),
                new ActualGrant("arn:aws:iam::123456789012:role/other", "sales/orders", "amount", "SELECT"));
    }
}
