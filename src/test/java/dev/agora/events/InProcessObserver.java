package dev.agora.events;

import dev.agora.events.inprocess.PublishedEvent;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the events Agora delivered in-process, as one of Agora's own reactions would see them. */
@ApplicationScoped
public class InProcessObserver {

    private final List<CloudEvent> seen = new CopyOnWriteArrayList<>();

    void on(@Observes PublishedEvent published) {
        seen.add(published.event());
    }

    public List<CloudEvent> about(String subject) {
        return seen.stream().filter(event -> subject.equals(event.getSubject())).toList();
    }
}
