package dev.agora.events;

/**
 * The port every way out of Agora implements (in-process, Kinesis, webhooks). The relay calls it outside any
 * transaction with events already committed, at least once each; consumers deduplicate by the CloudEvent id.
 */
public interface EventPublisher {
    /** "in-process", "kinesis", "webhooks": the key of its delivery state. */
    String name();

    /** Off until configured (in-process is always on). */
    boolean enabled();

    /**
     * Publishes in the given order, one Delivery per event. Events of one aggregate (one partition key) keep their
     * order: once one is not delivered, the later ones of that aggregate in the call must not be delivered either
     * (the relay hands over runs of one aggregate's events and sends them again after the failed one).
     */
    java.util.List<Delivery> publish(java.util.List<io.cloudevents.CloudEvent> events);

    record Delivery(String eventId, boolean delivered, boolean retryable, String error) {}
}
