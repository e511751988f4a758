package dev.agora.events.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.events.EventPublisher.Delivery;
import dev.agora.support.Kinesalite;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The Kinesis publisher against kinesalite through the real SDK v2: what a consumer of the stream reads back
 * (GetRecords), and how the events of one call are split into PutRecords requests.
 */
class KinesisPublisherSpec {

    private static final AtomicInteger STREAMS = new AtomicInteger();
    private static Kinesalite kinesalite;
    private final List<PutRecordsRequest> requests = new CopyOnWriteArrayList<>();
    private KinesisClient kinesis;
    private String stream;
    private KinesisEventPublisher publisher;

    @BeforeAll
    static void startKinesalite() {
        kinesalite = Kinesalite.shared();
    }

    @BeforeEach
    void publisherOnAFreshStream() {
        stream = "agora-events-" + STREAMS.incrementAndGet();
        kinesalite.createStream(stream, 2);
        kinesis = KinesisClient.builder()
                .endpointOverride(kinesalite.endpoint())
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDAGORATEST", "s"))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof PutRecordsRequest put) {
                            requests.add(put);
                        }
                    }
                }))
                .build();
        publisher = new KinesisEventPublisher(kinesis, stream, 3, Duration.ZERO, Duration.ZERO);
    }

    @AfterEach
    void closeClient() {
        kinesis.close();
    }

    /** Every record on the stream, shard by shard, in the order of each shard. */
    private List<Record> recordsOnTheStream() {
        return Kinesalite.records(kinesis, stream);
    }

    private static void allDelivered(List<Delivery> deliveries, List<CloudEvent> events) {
        assertThat(deliveries).extracting(Delivery::eventId).containsExactlyElementsOf(
                events.stream().map(CloudEvent::getId).toList());
        assertThat(deliveries).allSatisfy(delivery -> assertThat(delivery.delivered()).as(delivery.error()).isTrue());
    }

    @Nested
    class WhatAConsumerReads {

        @Test
        void each_event_arrives_as_its_structured_cloud_event_json_keyed_by_its_aggregate() {
            CloudEvent created = Events.of("sales-orders", "agora.product.created");
            CloudEvent requested = Events.of("request-17", "agora.access.requested");

            List<Delivery> deliveries = publisher.publish(List.of(created, requested));

            allDelivered(deliveries, List.of(created, requested));
            List<Record> records = recordsOnTheStream();
            assertThat(records).hasSize(2);
            Map<String, CloudEvent> byKey = new LinkedHashMap<>();
            records.forEach(record -> byKey.put(record.partitionKey(), Events.read(record.data().asByteArray())));
            sameEvent(byKey.get("sales-orders"), created);
            sameEvent(byKey.get("request-17"), requested);
            assertThat(records).extracting(record -> record.data().asUtf8String()).allSatisfy(json -> assertThat(json)
                    .contains("\"specversion\":\"1.0\"", "\"partitionkey\":", "\"datacontenttype\":\"application/json\"")
                    .containsPattern("\"data\":\\{\"product\":\"[a-z0-9-]+\"\\}"));
        }

        private static void sameEvent(CloudEvent arrived, CloudEvent sent) {
            assertThat(arrived.getAttributeNames()).containsExactlyInAnyOrderElementsOf(sent.getAttributeNames());
            sent.getAttributeNames().forEach(name -> assertThat(arrived.getAttribute(name)).as(name)
                    .isEqualTo(sent.getAttribute(name)));
            assertThat(arrived.getExtension("partitionkey")).isEqualTo(sent.getExtension("partitionkey"));
            assertThat(new String(arrived.getData().toBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(sent.getData().toBytes(), StandardCharsets.UTF_8));
        }

        @Test
        void the_events_of_one_aggregate_arrive_in_the_order_they_were_published() {
            List<String> keys = List.of("orders", "customers", "request-3", "request-4", "invoices");
            List<CloudEvent> events = IntStream.range(0, 200)
                    .mapToObj(i -> Events.of(keys.get(i % keys.size()), "agora.product.updated")).toList();

            allDelivered(publisher.publish(events), events);

            Map<String, List<String>> arrived = new LinkedHashMap<>();
            recordsOnTheStream().forEach(record -> arrived.computeIfAbsent(record.partitionKey(), k -> new ArrayList<>())
                    .add(Events.read(record.data().asByteArray()).getId()));
            for (String key : keys) {
                assertThat(arrived.get(key)).as(key).containsExactlyElementsOf(events.stream()
                        .filter(event -> key.equals(event.getExtension("partitionkey"))).map(CloudEvent::getId).toList());
            }
        }
    }

    @Nested
    class TheLimitsOfPutRecords {

        @Test
        void five_hundred_and_one_events_take_two_requests_of_500_and_1() {
            List<CloudEvent> events = IntStream.range(0, 501).mapToObj(i -> Events.of("p" + i % 7, "agora.product.updated")).toList();

            allDelivered(publisher.publish(events), events);

            assertThat(requests).extracting(request -> request.records().size()).containsExactly(500, 1);
            assertThat(recordsOnTheStream()).hasSize(501);
        }

        @Test
        void an_event_over_one_megabyte_is_refused_for_good_and_holds_back_the_later_events_of_its_aggregate() {
            CloudEvent huge = Events.sized("orders", 1024 * 1024);
            CloudEvent after = Events.of("orders", "agora.product.updated");
            CloudEvent other = Events.of("customers", "agora.product.updated");

            List<Delivery> deliveries = publisher.publish(List.of(huge, after, other));

            assertThat(deliveries.get(0).delivered()).isFalse();
            assertThat(deliveries.get(0).retryable()).isFalse();
            assertThat(deliveries.get(0).error()).contains("more than Kinesis accepts (1048576 bytes)");
            assertThat(deliveries.get(1)).extracting(Delivery::delivered, Delivery::retryable).containsExactly(false, true);
            assertThat(deliveries.get(1).error()).contains("held back", "orders");
            assertThat(deliveries.get(2).delivered()).isTrue();
            assertThat(recordsOnTheStream()).extracting(Record::partitionKey).containsExactly("customers");
        }

        @Test
        void an_event_without_a_partition_key_is_refused_with_a_reason() {
            CloudEvent keyless = io.cloudevents.core.builder.CloudEventBuilder.v1(Events.of("x", "agora.drift.found"))
                    .withoutExtension("partitionkey").build();

            Delivery delivery = publisher.publish(List.of(keyless)).get(0);

            assertThat(delivery).extracting(Delivery::delivered, Delivery::retryable).containsExactly(false, false);
            assertThat(delivery.error()).contains("no partitionkey");
            assertThat(requests).isEmpty();
        }
    }

    @Nested
    class Switching {

        @Test
        void it_is_on_with_a_stream_and_named_kinesis() {
            assertThat(publisher.enabled()).isTrue();
            assertThat(publisher.name()).isEqualTo("kinesis");
        }

        @Test
        void without_a_stream_it_is_off_and_sends_nothing() {
            KinesisEventPublisher off = new KinesisEventPublisher(kinesis, "", 3, Duration.ZERO, Duration.ZERO);
            CloudEvent event = Events.of("orders", "agora.product.created");

            assertThat(off.enabled()).isFalse();
            Delivery delivery = off.publish(List.of(event)).get(0);
            assertThat(delivery).extracting(Delivery::delivered, Delivery::retryable).containsExactly(false, true);
            assertThat(delivery.error()).contains("AGORA_EVENTS_KINESIS_STREAM");
            assertThat(requests).isEmpty();
        }
    }
}
