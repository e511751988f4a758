package dev.agora.events.inprocess;

import dev.agora.events.EventPublisher;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers each event to Agora's own observers of {@link PublishedEvent}, one after the other in the given order. An
 * observer that throws fails that event's delivery (retried later); the other events are still delivered, unless
 * they belong to the same aggregate, which would break their order.
 */
@ApplicationScoped
public class InProcessPublisher implements EventPublisher {

    public static final String NAME = "in-process";

    private final Event<PublishedEvent> observers;
    private final Event<PublishedBatch> batchObservers;

    InProcessPublisher(Event<PublishedEvent> observers, Event<PublishedBatch> batchObservers) {
        this.observers = observers;
        this.batchObservers = batchObservers;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public List<Delivery> publish(List<CloudEvent> events) {
        List<Delivery> deliveries = new ArrayList<>(events.size());
        java.util.Set<Object> failedKeys = new java.util.HashSet<>();
        for (CloudEvent event : events) {
            Object key = event.getExtension(dev.agora.events.CloudEvents.PARTITION_KEY);
            if (key != null && failedKeys.contains(key)) {
                deliveries.add(new Delivery(event.getId(), false, true, "an earlier event of its aggregate failed"));
                continue;
            }
            try {
                observers.fire(new PublishedEvent(event));
                deliveries.add(new Delivery(event.getId(), true, false, null));
            } catch (RuntimeException failed) {
                if (key != null) {
                    failedKeys.add(key);
                }
                deliveries.add(new Delivery(event.getId(), false, true, failed.toString()));
            }
        }
        List<CloudEvent> delivered = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (deliveries.get(i).delivered()) {
                delivered.add(events.get(i));
            }
        }
        if (delivered.isEmpty()) {
            return deliveries;
        }
        try {
            batchObservers.fire(new PublishedBatch(delivered));
        } catch (RuntimeException failed) {
            // the batch goes again as a whole: per-event observers see those events twice (they deduplicate)
            List<Delivery> retried = new ArrayList<>(deliveries.size());
            for (Delivery delivery : deliveries) {
                retried.add(delivery.delivered()
                        ? new Delivery(delivery.eventId(), false, true, "a batch observer failed: " + failed) : delivery);
            }
            return retried;
        }
        return deliveries;
    }
}
