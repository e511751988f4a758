package dev.agora.events.kinesis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.agora.events.EventPublisher.Delivery;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Record-level failures of PutRecords, which kinesalite cannot produce on demand: a local HTTP stub stands in for
 * Kinesis, records the exact requests the real SDK sends and answers partial failures.
 */
class KinesisResendsOnlyFailedRecordsSpec {

    private static final String PUT_RECORDS = "Kinesis_20131202.PutRecords";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer stub;
    private KinesisClient client;
    private KinesisEventPublisher publisher;

    @BeforeAll
    static void startStub() {
        stub = new WireMockServer(options().dynamicPort());
        stub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.stop();
    }

    @BeforeEach
    void publisherAgainstTheStub() {
        stub.resetAll();
        if (System.getProperty("aws.cborEnabled") == null) {
            System.setProperty("aws.cborEnabled", "false");
        }
        client = KinesisClient.builder()
                .endpointOverride(URI.create(stub.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDAGORATEST", "s")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        publisher = new KinesisEventPublisher(client, "agora-events", 3, Duration.ZERO, Duration.ZERO);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** The n-th answer to PutRecords (0 = the first), then the next one. */
    private static void answer(int n, int status, String body) {
        stub.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(PUT_RECORDS))
                .inScenario("put-records").whenScenarioStateIs(n == 0 ? STARTED : "answered-" + n)
                .willSetStateTo("answered-" + (n + 1))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(body)));
    }

    private static String ok(int records) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            entries.add("{\"SequenceNumber\":\"4959" + i + "\",\"ShardId\":\"shardId-000000000000\"}");
        }
        return "{\"FailedRecordCount\":0,\"Records\":[" + String.join(",", entries) + "]}";
    }

    private static String failed(String code) {
        return "{\"ErrorCode\":\"" + code + "\",\"ErrorMessage\":\"" + code + " for shard shardId-000000000000\"}";
    }

    private static String okEntry() {
        return "{\"SequenceNumber\":\"49590\",\"ShardId\":\"shardId-000000000000\"}";
    }

    /** The PutRecords requests in the order sent: for each, the event ids of its records with their keys. */
    private static List<List<String>> sentRequests() {
        List<LoggedRequest> logged = new ArrayList<>(stub.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(PUT_RECORDS))));
        logged.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        List<List<String>> requests = new ArrayList<>();
        for (LoggedRequest request : logged) {
            try {
                JsonNode body = JSON.readTree(request.getBodyAsString());
                assertThat(body.path("StreamName").asText()).isEqualTo("agora-events");
                List<String> records = new ArrayList<>();
                for (JsonNode record : body.path("Records")) {
                    CloudEvent event = Events.read(Base64.getDecoder().decode(record.path("Data").asText()));
                    assertThat(record.path("PartitionKey").asText()).isEqualTo(event.getExtension("partitionkey"));
                    records.add(event.getId() + "@" + record.path("PartitionKey").asText());
                }
                requests.add(records);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return requests;
    }

    private static String sent(CloudEvent event) {
        return event.getId() + "@" + event.getExtension("partitionkey");
    }

    @Test
    void a_request_carries_at_most_five_megabytes() {
        // 900 KB each: five fit in 5 MiB, the sixth opens a second request (a stub: kinesalite is slow with megabytes)
        List<CloudEvent> events = IntStream.range(0, 6).mapToObj(i -> Events.sized("big-" + i, 900 * 1024)).toList();
        answer(0, 200, ok(5));
        answer(1, 200, ok(1));

        List<Delivery> deliveries = publisher.publish(events);

        assertThat(sentRequests()).containsExactly(events.subList(0, 5).stream().map(KinesisResendsOnlyFailedRecordsSpec::sent).toList(),
                List.of(sent(events.get(5))));
        assertThat(stub.findAll(postRequestedFor(urlEqualTo("/")))).allSatisfy(request -> {
            long bytes = 0;
            for (JsonNode record : JSON.readTree(request.getBodyAsString()).path("Records")) {
                bytes += Base64.getDecoder().decode(record.path("Data").asText()).length
                        + record.path("PartitionKey").asText().length();
            }
            assertThat(bytes).isLessThanOrEqualTo(5L * 1024 * 1024);
        });
        assertThat(deliveries).allMatch(Delivery::delivered);
    }

    @Test
    void a_throttled_record_is_sent_again_alone_and_then_all_are_delivered() {
        CloudEvent orders = Events.of("orders", "agora.product.updated");
        CloudEvent customers = Events.of("customers", "agora.product.updated");
        CloudEvent request = Events.of("request-9", "agora.access.requested");
        answer(0, 200, "{\"FailedRecordCount\":1,\"Records\":[" + okEntry() + ","
                + failed("ProvisionedThroughputExceededException") + "," + okEntry() + "]}");
        answer(1, 200, ok(1));

        List<Delivery> deliveries = publisher.publish(List.of(orders, customers, request));

        assertThat(sentRequests()).containsExactly(
                List.of(sent(orders), sent(customers), sent(request)),
                List.of(sent(customers)));
        assertThat(deliveries).extracting(Delivery::delivered).containsExactly(true, true, true);
    }

    @Test
    void an_internal_failure_is_resent_and_a_later_record_of_its_aggregate_goes_again_after_it() {
        CloudEvent first = Events.of("orders", "agora.product.updated");
        CloudEvent second = Events.of("orders", "agora.product.schema-changed");
        CloudEvent other = Events.of("customers", "agora.product.updated");
        answer(0, 200, "{\"FailedRecordCount\":1,\"Records\":[" + failed("InternalFailure") + "," + okEntry() + ","
                + okEntry() + "]}");
        answer(1, 200, ok(2));

        List<Delivery> deliveries = publisher.publish(List.of(first, second, other));

        // "second" was put ahead of "first": it is put again after it, so a consumer's latest is in order
        assertThat(sentRequests()).containsExactly(
                List.of(sent(first), sent(second), sent(other)),
                List.of(sent(first), sent(second)));
        assertThat(deliveries).extracting(Delivery::delivered).containsExactly(true, true, true);
    }

    @Test
    void a_record_still_failing_after_the_retries_is_handed_back_as_retryable_and_holds_back_its_aggregate() {
        CloudEvent first = Events.of("orders", "agora.product.updated");
        CloudEvent second = Events.of("orders", "agora.product.deprecated");
        CloudEvent other = Events.of("customers", "agora.product.updated");
        answer(0, 200, "{\"FailedRecordCount\":1,\"Records\":[" + failed("ProvisionedThroughputExceededException")
                + "," + okEntry() + "," + okEntry() + "]}");
        for (int n = 1; n <= 3; n++) {
            answer(n, 200, "{\"FailedRecordCount\":2,\"Records\":["
                    + failed("ProvisionedThroughputExceededException") + "," + okEntry() + "]}");
        }

        List<Delivery> deliveries = publisher.publish(List.of(first, second, other));

        assertThat(sentRequests()).hasSize(4).last().isEqualTo(List.of(sent(first), sent(second)));
        assertThat(deliveries.get(0)).extracting(Delivery::delivered, Delivery::retryable).containsExactly(false, true);
        assertThat(deliveries.get(0).error()).contains("ProvisionedThroughputExceededException");
        assertThat(deliveries.get(1)).extracting(Delivery::delivered, Delivery::retryable).containsExactly(false, true);
        assertThat(deliveries.get(1).error()).contains("held back");
        assertThat(deliveries.get(2).delivered()).isTrue();
    }

    @Test
    void a_record_refused_for_good_is_not_resent_and_says_why() {
        CloudEvent orders = Events.of("orders", "agora.product.updated");
        CloudEvent customers = Events.of("customers", "agora.product.updated");
        answer(0, 200, "{\"FailedRecordCount\":1,\"Records\":[" + failed("KMSAccessDeniedException") + ","
                + okEntry() + "]}");

        List<Delivery> deliveries = publisher.publish(List.of(orders, customers));

        assertThat(sentRequests()).hasSize(1);
        assertThat(deliveries.get(0)).extracting(Delivery::delivered, Delivery::retryable).containsExactly(false, false);
        assertThat(deliveries.get(0).error()).contains("KMSAccessDeniedException");
        assertThat(deliveries.get(1).delivered()).isTrue();
    }

    @Test
    void a_missing_stream_fails_the_whole_request_as_retryable_with_the_service_message() {
        CloudEvent orders = Events.of("orders", "agora.product.updated");
        answer(0, 400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Stream agora-events not found\"}");

        Delivery delivery = publisher.publish(List.of(orders)).get(0);

        assertThat(delivery).extracting(Delivery::delivered, Delivery::retryable).containsExactly(false, true);
        assertThat(delivery.error()).contains("Stream agora-events not found");
    }
}
