package dev.agora.events.relay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How the outbox is relayed to the publishers ({@code agora.events.*}, set through the AGORA_EVENTS_* variables). */
@ConfigMapping(prefix = "agora.events")
public interface EventsConfig {

    /** Whether this instance relays the outbox at all ({@code AGORA_EVENTS_RELAY}); others may. */
    @WithName("relay.enabled")
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for unpublished events besides the nudge after each commit. */
    @WithName("relay.interval")
    @WithDefault("500ms")
    String relayInterval();

    /** Events claimed per round and publisher ({@code AGORA_EVENTS_BATCH_SIZE}, 1–1000). */
    @WithName("batch-size")
    @WithDefault("200")
    int batchSize();

    /** The first pause after a failed delivery; it doubles on each attempt ({@code AGORA_EVENTS_BACKOFF}). */
    @WithDefault("PT1S")
    Duration backoff();

    /** The longest pause between two attempts ({@code AGORA_EVENTS_BACKOFF_CAP}). */
    @WithName("backoff-cap")
    @WithDefault("PT5M")
    Duration backoffCap();

    /** Failed attempts after which an event is parked as failed for that publisher ({@code AGORA_EVENTS_MAX_ATTEMPTS}). */
    @WithName("max-attempts")
    @WithDefault("10")
    int maxAttempts();

    /**
     * How long a relay's round may go silent while it holds a publisher's turn (a publisher not answering) before
     * PostgreSQL ends its session and another relay takes the turn over ({@code AGORA_EVENTS_LEASE}, at least 1 s).
     */
    @WithDefault("PT1M")
    Duration lease();

    /** How long published events stay in the outbox before they are pruned ({@code AGORA_EVENTS_RETENTION}). */
    @WithDefault("P7D")
    Duration retention();

    /**
     * How long a product's activity (its events, for the product page and GET /api/v1/products/{id}/events) is
     * kept ({@code AGORA_EVENTS_ACTIVITY_RETENTION}); longer than the outbox, which is no history.
     */
    @WithName("activity-retention")
    @WithDefault("P400D")
    Duration activityRetention();
}
