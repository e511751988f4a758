package dev.agora.events;

import dev.agora.events.inprocess.PublishedEvent;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps the events Agora delivered in-process, as one of Agora's own reactions would see them. Kept per subject;
 * a benchmark's events (subjects "bench-…") are not kept, so that it stays cheap when a benchmark relays tens of
 * thousands of events through the same application.
 */
@ApplicationScoped
public class InProcessObserver {

    private final Map<String, List<CloudEvent>> seen = new ConcurrentHashMap<>();

    void on(@Observes PublishedEvent published) {
        String subject = published.event().getSubject();
        if (subject != null && !subject.startsWith("bench-")) {
            seen.computeIfAbsent(subject, key -> new CopyOnWriteArrayList<>()).add(published.event());
        }
    }

    public List<CloudEvent> about(String subject) {
        return List.copyOf(seen.getOrDefault(subject, List.of()));
    }
}
