package dev.agora.catalog.quality.athena;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * A local HTTP stand-in for Amazon Athena (AWS JSON 1.1, {@code X-Amz-Target: AmazonAthena.*}): each expected query
 * is known by its exact text and parameters, gets an id, goes QUEUED → RUNNING → its final state over three
 * {@code GetQueryExecution} calls, and then answers {@code GetQueryResults} with a header row and the given rows.
 * A query the stub does not expect is refused as Athena refuses a bad request, so a wrong query fails the spec.
 */
final class AthenaStub {

    static final String START = "AmazonAthena.StartQueryExecution";
    static final String STATUS = "AmazonAthena.GetQueryExecution";
    static final String RESULTS = "AmazonAthena.GetQueryResults";
    static final String STOP = "AmazonAthena.StopQueryExecution";
    private static final String JSON = "application/x-amz-json-1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final AtomicInteger ids = new AtomicInteger();

    void start() {
        server.start();
    }

    void stop() {
        server.stop();
    }

    void reset() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/")).atPriority(10).withHeader("X-Amz-Target", equalTo(START))
                .willReturn(error("InvalidRequestException", "the stub does not expect this query")));
    }

    AthenaClient client() {
        return AthenaClient.builder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDAGORATEST", "test-secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    WireMockServer server() {
        return server;
    }

    /** The query succeeds with these rows (each a list of values; null is a SQL NULL); its id is returned. */
    String succeeds(String sql, List<String> parameters, List<List<String>> rows) {
        String id = expect(sql, parameters, "SUCCEEDED", null);
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(RESULTS))
                .withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo(id)))
                .willReturn(ok(results(rows))));
        return id;
    }

    /** The query ends FAILED with Athena's reason. */
    String fails(String sql, List<String> parameters, String reason) {
        return expect(sql, parameters, "FAILED", reason);
    }

    /** The query never leaves RUNNING; stopping it is acknowledged. */
    String hangs(String sql, List<String> parameters) {
        String id = register(sql, parameters);
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(STATUS))
                .withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo(id)))
                .willReturn(ok(status(id, "RUNNING", null))));
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(STOP))
                .withRequestBody(equalToJson("{\"QueryExecutionId\": \"" + id + "\"}"))
                .willReturn(ok("{}")));
        return id;
    }

    /** Starting the query is refused outright (as Athena refuses a query it cannot parse or a missing workgroup). */
    void refuses(String sql, String type, String message) {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(START))
                .withRequestBody(matchingJsonPath("$.QueryString", equalTo(sql)))
                .willReturn(error(type, message)));
    }

    /** The bodies of the requests with this target, in the order sent. */
    List<JsonNode> bodies(String target) {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)))
                .stream().map(AthenaStub::json).toList();
    }

    List<LoggedRequest> requests(String target) {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)));
    }

    private String expect(String sql, List<String> parameters, String finalState, String reason) {
        String id = register(sql, parameters);
        statusStep(id, Scenario.STARTED, "running", "QUEUED", null);
        statusStep(id, "running", "ending", "RUNNING", null);
        statusStep(id, "ending", "ended", finalState, reason);
        statusStep(id, "ended", "ended", finalState, reason);
        return id;
    }

    private String register(String sql, List<String> parameters) {
        String id = "q-" + ids.incrementAndGet();
        MappingBuilder start = post(urlEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", equalTo(START))
                .withRequestBody(matchingJsonPath("$.QueryString", equalTo(sql)));
        if (!parameters.isEmpty()) {
            ArrayNode expected = MAPPER.createArrayNode();
            parameters.forEach(expected::add);
            start = start.withRequestBody(matchingJsonPath("$.ExecutionParameters", equalToJson(expected.toString())));
        }
        server.stubFor(start.willReturn(ok("{\"QueryExecutionId\": \"" + id + "\"}")));
        return id;
    }

    private void statusStep(String id, String state, String next, String athenaState, String reason) {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(STATUS))
                .withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo(id)))
                .inScenario(id).whenScenarioStateIs(state).willSetStateTo(next)
                .willReturn(ok(status(id, athenaState, reason))));
    }

    private static String status(String id, String state, String reason) {
        ObjectNode status = MAPPER.createObjectNode().put("State", state);
        if (reason != null) {
            status.put("StateChangeReason", reason);
        }
        ObjectNode execution = MAPPER.createObjectNode().put("QueryExecutionId", id);
        execution.set("Status", status);
        ObjectNode body = MAPPER.createObjectNode();
        body.set("QueryExecution", execution);
        return body.toString();
    }

    private static String results(List<List<String>> rows) {
        ArrayNode all = MAPPER.createArrayNode();
        int width = rows.isEmpty() ? 1 : rows.get(0).size();
        ArrayNode header = all.addObject().putArray("Data");
        for (int i = 0; i < width; i++) {
            header.addObject().put("VarCharValue", "_col" + i);
        }
        for (List<String> row : rows) {
            ArrayNode data = all.addObject().putArray("Data");
            row.forEach(value -> {
                ObjectNode datum = data.addObject();
                if (value != null) {
                    datum.put("VarCharValue", value);
                }
            });
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("ResultSet").set("Rows", all);
        return body.toString();
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
    }

    private static ResponseDefinitionBuilder error(String type, String message) {
        return aResponse().withStatus(400).withHeader("Content-Type", JSON).withHeader("x-amzn-ErrorType", type)
                .withBody("{\"__type\": \"" + type + "\", \"Message\": \"" + message + "\"}");
    }

    private static JsonNode json(LoggedRequest request) {
        try {
            return MAPPER.readTree(request.getBodyAsString());
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
