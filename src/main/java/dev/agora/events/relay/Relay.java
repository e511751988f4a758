package dev.agora.events.relay;

import dev.agora.events.CloudEvents;
import dev.agora.events.DomainEvent;
import dev.agora.events.EventPublisher;
import dev.agora.events.EventPublisher.Delivery;
import dev.agora.events.OutboxEntry;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Relays the outbox to each enabled publisher, at least once and in order per aggregate. A round claims a batch in a
 * short transaction ({@code FOR UPDATE SKIP LOCKED}, so several instances share the work): only events whose earlier
 * events of the same aggregate are all published to that publisher, so never two events of one aggregate are in
 * flight at once; the claim is a lease recorded in {@code outbox_deliveries}. The publisher is called outside any
 * transaction; the outcome is recorded in a second one. A relay that dies mid-round loses its lease and another
 * relay publishes the events again (consumers deduplicate by id). A parked (failed) event holds back the later events
 * of its aggregate for that publisher until it is re-driven, so that order is never broken.
 */
@ApplicationScoped
public class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class);
    private static final int ERROR_LENGTH = 2000;

    private static final String CLAIM = """
            SELECT o.id FROM outbox o
             WHERE o.published_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d
                                WHERE d.outbox_id = o.id AND d.publisher = :publisher
                                  AND (d.status <> 'PENDING' OR d.next_attempt_at > :now OR d.lease_until >= :now))
               AND NOT EXISTS (SELECT 1 FROM outbox e
                                WHERE e.aggregate_type = o.aggregate_type AND e.aggregate_id = o.aggregate_id
                                  AND e.position < o.position AND e.published_at IS NULL
                                  AND NOT EXISTS (SELECT 1 FROM outbox_deliveries ed
                                                   WHERE ed.outbox_id = e.id AND ed.publisher = :publisher
                                                     AND ed.status = 'PUBLISHED'))
             ORDER BY o.position
             LIMIT :limit
               FOR UPDATE OF o SKIP LOCKED""";

    private static final String LEASE = """
            INSERT INTO outbox_deliveries (outbox_id, publisher, status, attempts, next_attempt_at, lease_until)
            VALUES (:id, :publisher, 'PENDING', 0, :now, :until)
            ON CONFLICT (outbox_id, publisher) DO UPDATE SET lease_until = EXCLUDED.lease_until
             WHERE outbox_deliveries.status = 'PENDING' AND outbox_deliveries.next_attempt_at <= :now
               AND (outbox_deliveries.lease_until IS NULL OR outbox_deliveries.lease_until < :now)""";

    private static final String PUBLISHED = """
            UPDATE outbox_deliveries SET status = 'PUBLISHED', attempts = attempts + 1, published_at = :now,
                   lease_until = NULL, last_error = NULL
             WHERE outbox_id = :id AND publisher = :publisher""";

    private static final String FAILED = """
            UPDATE outbox_deliveries SET status = :status, attempts = attempts + 1, next_attempt_at = :next,
                   lease_until = NULL, last_error = :error
             WHERE outbox_id = :id AND publisher = :publisher""";

    private static final String SETTLE = """
            UPDATE outbox o SET published_at = :now
             WHERE o.id = :id AND o.published_at IS NULL
               AND (SELECT count(*) FROM outbox_deliveries d
                     WHERE d.outbox_id = o.id AND d.status = 'PUBLISHED' AND d.publisher IN (:publishers)) = :count""";

    private static final String SETTLE_LEFT_OVER = """
            UPDATE outbox SET published_at = :now WHERE id IN (
                SELECT o.id FROM outbox o
                 WHERE o.published_at IS NULL
                   AND (SELECT count(*) FROM outbox_deliveries d
                         WHERE d.outbox_id = o.id AND d.status = 'PUBLISHED' AND d.publisher IN (:publishers)) = :count
                 LIMIT :limit)""";

    private final EntityManager entities;
    private final Instance<EventPublisher> publishers;
    private final CloudEvents cloudEvents;
    private final Clock clock;
    private final EventsConfig config;
    private final Backoff backoff;
    private final MeterRegistry metrics;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    Relay(EntityManager entities, Instance<EventPublisher> publishers, CloudEvents cloudEvents, Clock clock,
            EventsConfig config, MeterRegistry metrics) {
        if (config.batchSize() < 1 || config.batchSize() > 1000) {
            throw new IllegalArgumentException("AGORA_EVENTS_BATCH_SIZE must be 1 to 1000, not " + config.batchSize());
        }
        if (config.maxAttempts() < 1) {
            throw new IllegalArgumentException("AGORA_EVENTS_MAX_ATTEMPTS must be at least 1");
        }
        this.entities = entities;
        this.publishers = publishers;
        this.cloudEvents = cloudEvents;
        this.clock = clock;
        this.config = config;
        this.backoff = new Backoff(config.backoff(), config.backoffCap(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.metrics = metrics;
    }

    /** The publishers that are on now, sorted by name. */
    public List<EventPublisher> enabledPublishers() {
        return publishers.stream().filter(EventPublisher::enabled)
                .sorted(Comparator.comparing(EventPublisher::name)).toList();
    }

    /** Relays until nothing is due for any enabled publisher (or {@code maxRounds} rounds ran); tells how many ran. */
    public int drain(int maxRounds) {
        int events = 0;
        for (int round = 0; round < maxRounds; round++) {
            int thisRound = 0;
            for (EventPublisher publisher : enabledPublishers()) {
                thisRound += relayOnce(publisher);
            }
            if (thisRound == 0) {
                break;
            }
            events += thisRound;
        }
        return events;
    }

    /**
     * Marks published the events that every enabled publisher has, though a publisher switched off since has not
     * (at most {@code limit}); tells how many. Without it they would stay in the backlog for ever.
     */
    public int settle(int limit) {
        List<String> enabled = enabledPublishers().stream().map(EventPublisher::name).toList();
        return QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(SETTLE_LEFT_OVER)
                .setParameter("now", clock.instant()).setParameter("publishers", enabled)
                .setParameter("count", (long) enabled.size()).setParameter("limit", limit).executeUpdate());
    }

    /** One round for one publisher: claim a batch, publish it, record the outcome; tells how many were claimed. */
    public int relayOnce(EventPublisher publisher) {
        List<DomainEvent> claimed = claim(publisher.name());
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<String, Delivery> outcomes = publish(publisher, claimed);
        record(publisher.name(), claimed, outcomes);
        return claimed.size();
    }

    private List<DomainEvent> claim(String publisher) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<UUID> ids = entities.createNativeQuery(CLAIM, UUID.class).setParameter("publisher", publisher)
                    .setParameter("now", now).setParameter("limit", config.batchSize()).getResultList();
            if (ids.isEmpty()) {
                return List.of();
            }
            // The claim query read the deliveries in its statement's snapshot: a relay that committed its lease on
            // a row just before this one locked it is not seen there. The upsert sees the latest committed lease
            // and takes only what is still free, so that no event is ever in flight on two relays.
            List<UUID> leased = new ArrayList<>(ids.size());
            for (UUID id : ids) {
                if (entities.createNativeQuery(LEASE).setParameter("id", id).setParameter("publisher", publisher)
                        .setParameter("now", now).setParameter("until", now.plus(config.lease()))
                        .executeUpdate() == 1) {
                    leased.add(id);
                }
            }
            if (leased.isEmpty()) {
                return List.of();
            }
            return entities.createQuery("from OutboxEntry where id in :ids order by position", OutboxEntry.class)
                    .setParameter("ids", leased).getResultList().stream().map(OutboxEntry::toEvent).toList();
        });
    }

    private Map<String, Delivery> publish(EventPublisher publisher, List<DomainEvent> claimed) {
        Map<String, Delivery> outcomes = new HashMap<>();
        List<CloudEvent> events = new ArrayList<>();
        for (DomainEvent event : claimed) {
            try {
                events.add(cloudEvents.of(event));
            } catch (RuntimeException unconvertible) {
                outcomes.put(event.id().toString(),
                        new Delivery(event.id().toString(), false, false, String.valueOf(unconvertible.getMessage())));
            }
        }
        if (events.isEmpty()) {
            return outcomes;
        }
        try {
            for (Delivery delivery : publisher.publish(events)) {
                outcomes.putIfAbsent(delivery.eventId(), delivery);
            }
        } catch (RuntimeException failed) {
            LOG.warnf("Publisher %s failed on %d events (will retry): %s", publisher.name(), events.size(),
                    failed.toString());
            for (CloudEvent event : events) {
                outcomes.putIfAbsent(event.getId(), new Delivery(event.getId(), false, true, failed.toString()));
            }
        }
        return outcomes;
    }

    private void record(String publisher, List<DomainEvent> claimed, Map<String, Delivery> outcomes) {
        List<String> enabled = enabledPublishers().stream().map(EventPublisher::name).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            for (DomainEvent event : claimed) {
                String id = event.id().toString();
                Delivery outcome = outcomes.getOrDefault(id,
                        new Delivery(id, false, true, "the publisher gave no answer for this event"));
                if (outcome.delivered()) {
                    entities.createNativeQuery(PUBLISHED).setParameter("now", now).setParameter("id", event.id())
                            .setParameter("publisher", publisher).executeUpdate();
                    counter("agora.events.published", publisher).increment();
                    if (enabled.contains(publisher)) {
                        entities.createNativeQuery(SETTLE).setParameter("now", now).setParameter("id", event.id())
                                .setParameter("publishers", enabled).setParameter("count", (long) enabled.size())
                                .executeUpdate();
                    }
                } else {
                    failed(publisher, event, outcome, now);
                }
            }
        });
    }

    private void failed(String publisher, DomainEvent event, Delivery outcome, Instant now) {
        Number attempts = (Number) entities.createNativeQuery(
                "SELECT attempts FROM outbox_deliveries WHERE outbox_id = :id AND publisher = :publisher")
                .setParameter("id", event.id()).setParameter("publisher", publisher).getSingleResult();
        int failedAttempts = attempts.intValue() + 1;
        boolean park = !outcome.retryable() || failedAttempts >= config.maxAttempts();
        String error = outcome.error() == null ? "unknown error" : outcome.error();
        entities.createNativeQuery(FAILED).setParameter("status", park ? "FAILED" : "PENDING")
                .setParameter("next", now.plus(backoff.after(failedAttempts)))
                .setParameter("error", error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error)
                .setParameter("id", event.id()).setParameter("publisher", publisher).executeUpdate();
        counter("agora.events.failed", publisher).increment();
        if (park) {
            counter("agora.events.parked", publisher).increment();
            LOG.warnf("Event %s (%s of %s) parked as failed for %s after %d attempts: %s", event.id(), event.type(),
                    event.aggregateId(), publisher, failedAttempts, error);
        }
    }

    private Counter counter(String name, String publisher) {
        return counters.computeIfAbsent(name + "/" + publisher,
                key -> Counter.builder(name).tag("publisher", publisher).register(metrics));
    }
}
