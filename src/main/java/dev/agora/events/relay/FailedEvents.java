package dev.agora.events.relay;

import dev.agora.events.EventTypes;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Events parked as failed for a publisher: what admins see, and re-driving them. */
@ApplicationScoped
public class FailedEvents {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(FailedEvents.class);

    public static final int MAX_LIMIT = 500;

    /** One event parked for one publisher. */
    public record FailedEvent(String id, String publisher, String type, String aggregateType, String aggregateId,
            int attempts, String lastError, Instant occurredAt) {}

    private final EntityManager entities;

    FailedEvents(EntityManager entities) {
        this.entities = entities;
    }

    /** The oldest parked events first, at most {@code limit}, of one publisher or of all. */
    @Transactional
    public List<FailedEvent> list(Optional<String> publisher, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Refusal.invalid("limit", "must be 1 to " + MAX_LIMIT);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                SELECT o.id, d.publisher, o.event_type, o.aggregate_type, o.aggregate_id, d.attempts, d.last_error,
                       o.occurred_at
                  FROM outbox_deliveries d JOIN outbox o ON o.id = d.outbox_id
                 WHERE d.status = 'FAILED' AND (CAST(:publisher AS TEXT) IS NULL OR d.publisher = :publisher)
                 ORDER BY o.position, d.publisher
                 LIMIT :limit""").setParameter("publisher", publisher.orElse(null)).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new FailedEvent(row[0].toString(), (String) row[1],
                EventTypes.publicType((String) row[2]), (String) row[3], (String) row[4],
                ((Number) row[5]).intValue(), (String) row[6], instant(row[7]))).toList();
    }

    /**
     * Puts an event parked for any publisher back in line, with its attempts counted afresh (its failure row goes:
     * no row = due); tells for which.
     */
    @Transactional
    public List<String> redrive(String actor, UUID eventId) {
        @SuppressWarnings("unchecked")
        List<String> redriven = entities.createNativeQuery("""
                DELETE FROM outbox_deliveries WHERE outbox_id = :id AND status = 'FAILED'
                RETURNING publisher""").setParameter("id", eventId).getResultList();
        if (redriven.isEmpty()) {
            throw Refusal.notFound("No event " + eventId + " is parked as failed");
        }
        // not through the change journal: audit records into the outbox, so events may not depend on it (no cycle)
        LOG.infof("%s re-drove event %s for %s", actor, eventId, redriven);
        return List.copyOf(redriven);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }
}
