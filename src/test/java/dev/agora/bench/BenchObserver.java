package dev.agora.bench;

import dev.agora.events.inprocess.PublishedEvent;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Agora's own in-process reaction as {@code RelayBench} sees it: when each benchmark event (subject {@code bench-…})
 * first arrived, and whether the first arrivals of each aggregate came in the order of their sequence number.
 */
@ApplicationScoped
public class BenchObserver {

    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSequence = new ConcurrentHashMap<>();
    private final AtomicLong outOfOrder = new AtomicLong();

    void on(@Observes PublishedEvent published) {
        CloudEvent event = published.event();
        String subject = event.getSubject();
        if (subject == null || !subject.startsWith("bench-")) {
            return;
        }
        long now = System.nanoTime();
        if (seenAt.putIfAbsent(event.getId(), now) != null) {
            return; // a repeat (at least once): order is judged on first arrivals
        }
        long sequence = sequence(event);
        Long before = lastSequence.put(subject, sequence);
        if (before != null && before > sequence) {
            outOfOrder.incrementAndGet();
        }
    }

    Map<String, Long> seenAt() {
        return seenAt;
    }

    long outOfOrder() {
        return outOfOrder.get();
    }

    void clear() {
        seenAt.clear();
        lastSequence.clear();
        outOfOrder.set(0);
    }

    /** The {@code "n"} of the benchmark's payload, read without a JSON parser to keep the observer cheap. */
    private static long sequence(CloudEvent event) {
        String data = event.getData() == null ? "" : new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        int at = data.indexOf("\"n\":");
        if (at < 0) {
            return -1;
        }
        int i = at + 4;
        while (i < data.length() && data.charAt(i) == ' ') {
            i++;
        }
        long value = 0;
        while (i < data.length() && Character.isDigit(data.charAt(i))) {
            value = value * 10 + (data.charAt(i++) - '0');
        }
        return value;
    }
}
