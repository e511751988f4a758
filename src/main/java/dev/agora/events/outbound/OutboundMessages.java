package dev.agora.events.outbound;

import dev.agora.platform.SqlTimes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The queue of outbound messages (webhook deliveries, Slack and Teams messages): enqueued in the caller's
 * transaction, so a message exists exactly when the decision to send it was committed, and sent afterwards by
 * {@link OutboundDispatcher}. Also the delivery history a team sees.
 */
@ApplicationScoped
public class OutboundMessages {

    /** Fired with each new message; observed after commit, it lets the dispatcher start at once. */
    public record Enqueued(String channel) {}

    /** A message as its recipient's owners see it: never the body's secrets, which it does not hold anyway. */
    public record Sent(long id, String channel, String dedupeKey, String status, int attempts, Instant createdAt,
            Instant lastAttemptAt, Integer responseCode, String lastError, Instant deliveredAt) {}

    private final EntityManager entities;
    private final ObjectMapper json;
    private final Event<Enqueued> enqueued;
    private final Clock clock;

    OutboundMessages(EntityManager entities, ObjectMapper json, Event<Enqueued> enqueued, Clock clock) {
        this.entities = entities;
        this.json = json;
        this.enqueued = enqueued;
        this.clock = clock;
    }

    /** Queues the message unless one with its channel and dedupe key is there already; tells whether it was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(OutboundMessage message) {
        Instant now = clock.instant();
        String headers;
        try {
            headers = json.writeValueAsString(message.headers());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        int inserted = entities.createNativeQuery("""
                INSERT INTO outbound_messages (channel, ordering_key, dedupe_key, url, content_type, headers, body,
                                               created_at, next_attempt_at)
                VALUES (:channel, :key, :dedupe, :url, :type, CAST(:headers AS jsonb), :body, :now, :now)
                ON CONFLICT (channel, dedupe_key) DO NOTHING""")
                .setParameter("channel", message.channel()).setParameter("key", message.orderingKey())
                .setParameter("dedupe", message.dedupeKey()).setParameter("url", message.url().toString())
                .setParameter("type", message.contentType()).setParameter("headers", headers)
                .setParameter("body", message.body()).setParameter("now", now)
                .executeUpdate();
        if (inserted > 0) {
            enqueued.fire(new Enqueued(message.channel()));
        }
        return inserted > 0;
    }

    /** The channel's messages, newest first. */
    @Transactional
    public List<Sent> history(String channel, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                SELECT id, channel, dedupe_key, status, attempts, created_at, last_attempt_at, response_code,
                       last_error, delivered_at
                  FROM outbound_messages WHERE channel = :channel
                 ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT :limit""")
                .setParameter("channel", channel).setParameter("offset", offset).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(OutboundMessages::sent).toList();
    }

    @Transactional
    public long count(String channel) {
        return ((Number) entities.createNativeQuery("SELECT count(*) FROM outbound_messages WHERE channel = :channel")
                .setParameter("channel", channel).getSingleResult()).longValue();
    }

    /** Puts a parked message of the channel back in line, its attempts counted afresh; tells whether there was one. */
    @Transactional
    public boolean retry(String channel, long id) {
        int updated = entities.createNativeQuery("""
                UPDATE outbound_messages SET status = 'PENDING', attempts = 0, next_attempt_at = :now, lease_until = NULL
                 WHERE id = :id AND channel = :channel AND status = 'FAILED'""")
                .setParameter("now", clock.instant()).setParameter("id", id).setParameter("channel", channel)
                .executeUpdate();
        if (updated > 0) {
            enqueued.fire(new Enqueued(channel));
        }
        return updated > 0;
    }

    /** Drops the channel's messages not yet sent (its recipient is gone); the history stays until pruned. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(String channel, String reason) {
        return entities.createNativeQuery("""
                UPDATE outbound_messages SET status = 'FAILED', lease_until = NULL, last_error = :reason
                 WHERE channel = :channel AND status = 'PENDING'""")
                .setParameter("channel", channel).setParameter("reason", reason).executeUpdate();
    }

    private static Sent sent(Object[] row) {
        return new Sent(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).intValue(), SqlTimes.instant(row[5]), SqlTimes.instant(row[6]),
                row[7] == null ? null : ((Number) row[7]).intValue(), (String) row[8], SqlTimes.instant(row[9]));
    }

}
