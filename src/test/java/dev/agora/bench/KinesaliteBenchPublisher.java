package dev.agora.bench;

import dev.agora.events.EventPublisher;
import dev.agora.events.kinesis.KinesisEventPublisher;
import dev.agora.support.Kinesalite;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The real {@link KinesisEventPublisher} on a kinesalite stream, as one more publisher of the running application
 * that {@code RelayBench} switches on and off (Agora's own "kinesis" publisher is configured once at start-up). It
 * notes when each event was first accepted by Kinesis, for the commit-to-publish latency.
 */
@ApplicationScoped
public class KinesaliteBenchPublisher implements EventPublisher {

    static final String NAME = "kinesalite-bench";

    private volatile KinesisEventPublisher delegate;
    private volatile KinesisClient client;
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return delegate != null;
    }

    /** Switches it on, onto a new stream of the shared kinesalite. */
    synchronized void start(int shards) {
        Kinesalite kinesalite = Kinesalite.shared();
        String stream = "agora-relay-bench-" + System.nanoTime();
        kinesalite.createStream(stream, shards);
        client = kinesalite.client();
        acceptedAt.clear();
        delegate = new KinesisEventPublisher(client, stream, 3, Duration.ofMillis(50), Duration.ofSeconds(1));
    }

    synchronized void stop() {
        delegate = null;
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** Event id → {@code System.nanoTime()} when Kinesis first accepted it. */
    Map<String, Long> acceptedAt() {
        return acceptedAt;
    }

    @Override
    public List<Delivery> publish(List<CloudEvent> events) {
        KinesisEventPublisher publisher = delegate;
        if (publisher == null) {
            return events.stream().map(event -> new Delivery(event.getId(), false, true, "switched off")).toList();
        }
        List<Delivery> deliveries = publisher.publish(events);
        long now = System.nanoTime();
        // only the bench's own events count: Agora's (a demo seed, a reconciliation) may share the stream
        java.util.Set<String> bench = new java.util.HashSet<>();
        events.stream().filter(event -> event.getSubject() != null && event.getSubject().startsWith("bench-"))
                .forEach(event -> bench.add(event.getId()));
        for (Delivery delivery : deliveries) {
            if (delivery.delivered() && bench.contains(delivery.eventId())) {
                acceptedAt.putIfAbsent(delivery.eventId(), now);
            }
        }
        return deliveries;
    }
}
