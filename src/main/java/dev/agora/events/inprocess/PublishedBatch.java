package dev.agora.events.inprocess;

import io.cloudevents.CloudEvent;
import java.util.List;

/**
 * The events of one relay round that reached every {@link PublishedEvent} observer, in order, fired once after them:
 * for reactions that store something for each event (a product's activity) and would otherwise pay a transaction
 * per event on the relay's thread. At least once, like {@link PublishedEvent}: an observer that throws fails the
 * whole batch, which is delivered again (to both kinds of observers).
 */
public record PublishedBatch(List<CloudEvent> events) {

    public PublishedBatch {
        events = List.copyOf(events);
    }
}
