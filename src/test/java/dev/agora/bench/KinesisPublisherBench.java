package dev.agora.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.events.EventPublisher.Delivery;
import dev.agora.events.kinesis.KinesisEventPublisher;
import dev.agora.support.Kinesalite;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Events per second through {@code KinesisEventPublisher} into kinesalite (the publisher alone, without the outbox
 * and relay), with the latency of one publish call, for batches as a relay hands them over. Events look like
 * Agora's (about 600 bytes of CloudEvent JSON, 1,000 aggregates). Run with
 * {@code ./mvnw -Pbench test -Dtest=KinesisPublisherBench -Dbench.events=50000}; figures go to stdout and
 * target/bench/kinesis-publisher.txt.
 */
class KinesisPublisherBench {

    private static final int AGGREGATES = 1_000;

    @Test
    void events_per_second_into_kinesalite() throws Exception {
        int total = Integer.parseInt(System.getProperty("bench.events", "50000"));
        Kinesalite kinesalite = Kinesalite.shared();
        String stream = "agora-bench-" + System.nanoTime();
        kinesalite.createStream(stream, 4);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Kinesis publisher into kinesalite: %,d events, %,d aggregates, %d cores%n", total, AGGREGATES,
                Runtime.getRuntime().availableProcessors()));
        try (KinesisClient client = kinesalite.client()) {
            KinesisEventPublisher publisher = new KinesisEventPublisher(client, stream, 3, Duration.ofMillis(50),
                    Duration.ofSeconds(1));
            publisher.publish(events(0, 2_000)); // warm-up: JIT, connections
            for (int batch : new int[] {100, 500}) {
                Latencies calls = new Latencies();
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long cpuBegin = threads.getCurrentThreadCpuTime();
                long begin = System.nanoTime();
                for (int from = 0; from < total; from += batch) {
                    List<CloudEvent> events = events(from, Math.min(batch, total - from));
                    long start = System.nanoTime();
                    List<Delivery> deliveries = publisher.publish(events);
                    calls.add(System.nanoTime() - start, 0);
                    assertThat(deliveries).allMatch(Delivery::delivered);
                }
                double seconds = (System.nanoTime() - begin) / 1e9;
                // the publishing thread's own CPU (serialising, signing, HTTP): the rest is waiting for kinesalite
                double cpuMicrosPerEvent = (threads.getCurrentThreadCpuTime() - cpuBegin) / 1e3 / total;
                report.append(String.format(Locale.ROOT,
                        "  batches of %3d: %,8.0f events/s (%.1f s); one publish call p50 %.1f ms, p95 %.1f ms; "
                                + "publisher CPU %.0f µs per event%n",
                        batch, total / seconds, seconds, calls.percentileMillis(50), calls.percentileMillis(95),
                        cpuMicrosPerEvent));
            }
        }
        System.out.print(report);
        Path output = Path.of(System.getProperty("bench.output", "target/bench"));
        Files.createDirectories(output);
        Files.writeString(output.resolve("kinesis-publisher.txt"), report);
    }

    private static List<CloudEvent> events(int from, int count) {
        List<CloudEvent> events = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            String product = "product-" + (i % AGGREGATES);
            String data = "{\"product\":\"" + product + "\",\"version\":\"1." + i + ".0\",\"owner\":\"sales-analytics\","
                    + "\"changes\":{\"added\":[\"order_total\",\"currency\"],\"removed\":[],\"changed\":[\"status\"]}}";
            events.add(CloudEventBuilder.v1().withId(Integer.toString(i)).withSource(URI.create("https://agora.example"))
                    .withType("agora.product.schema-changed").withSubject(product).withTime(OffsetDateTime.now())
                    .withDataContentType("application/json").withData(data.getBytes(StandardCharsets.UTF_8))
                    .withExtension("partitionkey", product).build());
        }
        return events;
    }
}
