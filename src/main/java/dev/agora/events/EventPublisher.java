package dev.agora.events;
public interface EventPublisher {
    /** "in-process", "kinesis", "webhooks": the key of its delivery state. */
    String name();
    /** Off until configured (in-process is always on). */
    boolean enabled();
    /** Publishes in the given order (events of one aggregate keep their order); one Delivery per event. */
    java.util.List<Delivery> publish(java.util.List<io.cloudevents.CloudEvent> events);
    record Delivery(String eventId, boolean delivered, boolean retryable, String error) {}
}
