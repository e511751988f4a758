package dev.agora.events.inprocess;

import io.cloudevents.CloudEvent;

/**
 * A CloudEvent that Agora committed, delivered in-process (a CDI event) by the relay after the commit, for Agora's
 * own reactions. At least once: an observer that must not act twice keeps the ids it has seen.
 */
public record PublishedEvent(CloudEvent event) {}
