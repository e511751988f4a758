package dev.agora.events.relay;

import dev.agora.events.CloudEvents;
import dev.agora.events.EventPublisher;
import dev.agora.events.EventPublisher.Delivery;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Relays the outbox to each enabled publisher, at least once and in order per aggregate (ADR 0013).
 *
 * <p>A round is one transaction of its own on one connection. It first takes the publisher's <em>turn</em>, a
 * transaction-scoped advisory lock: while one relay (of any instance) has it, the others skip that publisher, so
 * that never two events of one aggregate are in flight at once, without a lease per event. It then claims a batch
 * (per aggregate the run of its next events not yet published to that publisher, all due), calls the publisher
 * with the run in order (no JTA transaction is active on the thread, so the publisher's own work commits on its
 * own), and records the outcome: the published events get the publisher in {@code published_to}, and are settled
 * ({@code published_at}) once every enabled publisher has them, in one statement; the first failed event of each
 * aggregate is counted (backoff, then parked as FAILED after the last attempt) in {@code outbox_deliveries}; the
 * later events of that aggregate in the batch simply stay unpublished and wait for it, their attempts not counted.
 * A relay that dies mid-round takes its turn and its uncommitted marks with it, and the next relay publishes those
 * events again (consumers deduplicate by id). A round may hold the turn for at most {@code AGORA_EVENTS_LEASE} of
 * silence before PostgreSQL ends its session and another relay takes over.
 */
@ApplicationScoped
public class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class);
    private static final int ERROR_LENGTH = 2000;

    /** One key space for every publisher's turn, so that no other advisory lock of the database collides with it. */
    private static final String TURN = "SELECT pg_try_advisory_xact_lock(hashtext('agora.events.relay'), hashtext(?))";

    /**
     * The claimable events among the oldest {@code head} events not yet published to the publisher: per aggregate
     * the run of its first such events that are all due (no delivery row, or PENDING past their backoff), with what
     * the publisher needs of them. The head is a prefix of the backlog in position order, so it holds each
     * aggregate's first unpublished events, which is all the run needs to know: one walk of
     * {@code outbox_unpublished_idx} in position order, stopping at the head's size. Deliveries are the exceptions
     * (failures), so the join is against a small table. The runs are told apart by bytes ("C"): only equality
     * matters there, and the sort is cheaper.
     */
    private static final String CLAIM = """
            WITH head AS (
                SELECT o.id, o.position, o.aggregate_type, o.aggregate_id, d.attempts,
                       (d.outbox_id IS NULL OR d.status = 'PENDING' AND d.next_attempt_at <= ?) AS due
                  FROM (SELECT id, position, aggregate_type, aggregate_id FROM outbox
                         WHERE published_at IS NULL AND NOT (? = ANY (published_to))
                         ORDER BY position LIMIT CAST(? AS BIGINT)) AS o
                  LEFT JOIN outbox_deliveries d ON d.outbox_id = o.id AND d.publisher = ?
            ), runs AS (
                SELECT id, position, attempts,
                       bool_and(due) OVER (PARTITION BY aggregate_type COLLATE "C", aggregate_id COLLATE "C"
                                           ORDER BY position) AS runnable
                  FROM head
            ), chosen AS (
                SELECT id, position, attempts FROM runs WHERE runnable ORDER BY position LIMIT ?
            )
            SELECT o.id, o.event_type, o.aggregate_type, o.aggregate_id, o.occurred_at, o.payload::text, c.attempts
              FROM chosen c JOIN outbox o ON o.id = c.id
             ORDER BY c.position""";

    private static final String HEAD_SIZE = """
            SELECT count(*) FROM (SELECT 1 FROM outbox WHERE published_at IS NULL AND NOT (? = ANY (published_to))
                                   LIMIT ?) AS head""";

    /**
     * Marks events published to the publisher and settles those that every enabled publisher now has. A relay
     * recording some of the same events for another publisher at once waits for this one's row locks and then
     * updates the latest row, with this mark in it (READ COMMITTED re-reads an updated row), so one of the two
     * settles. Both walk the primary key with the ids sorted, so they lock in the same order; in the rare case that
     * PostgreSQL still found a deadlock, the round is rolled back and its events published again (at least once).
     */
    private static final String PUBLISHED = """
            UPDATE outbox SET published_to = array_append(published_to, ?),
                   published_at = coalesce(published_at,
                       CASE WHEN CAST(? AS TEXT[]) <@ array_append(published_to, ?) THEN ? END)
             WHERE id = ANY (?) AND NOT (? = ANY (published_to))""";

    /** Failures of events now published are history: no row = nothing pending. */
    private static final String CLEARED = """
            DELETE FROM outbox_deliveries WHERE publisher = ? AND outbox_id = ANY (?)""";

    private static final String FAILED = """
            INSERT INTO outbox_deliveries (outbox_id, publisher, status, attempts, next_attempt_at, last_error)
            SELECT f.id, ?, f.status, f.attempts, to_timestamp(f.next_millis / 1000.0), f.error
              FROM unnest(?::uuid[], ?::text[], ?::int[], ?::bigint[], ?::text[])
                   AS f (id, status, attempts, next_millis, error)
            ON CONFLICT (outbox_id, publisher) DO UPDATE SET status = EXCLUDED.status, attempts = EXCLUDED.attempts,
                   next_attempt_at = EXCLUDED.next_attempt_at, last_error = EXCLUDED.last_error""";

    private static final String SETTLE_LEFT_OVER = """
            UPDATE outbox SET published_at = ? WHERE id IN (
                SELECT id FROM outbox WHERE published_at IS NULL AND published_to @> CAST(? AS TEXT[]) LIMIT ?)""";

    /** The head of the backlog a claim looks at, as a multiple of the batch size (see {@link #claim}). */
    private static final int HEAD_PER_BATCH = 2;

    private final AgroalDataSource database;
    private final Instance<EventPublisher> publishers;
    private final CloudEvents cloudEvents;
    private final Clock clock;
    private final EventsConfig config;
    private final Backoff backoff;
    private final MeterRegistry metrics;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    Relay(AgroalDataSource database, Instance<EventPublisher> publishers, CloudEvents cloudEvents, Clock clock,
            EventsConfig config, MeterRegistry metrics) {
        if (config.batchSize() < 1 || config.batchSize() > 1000) {
            throw new IllegalArgumentException("AGORA_EVENTS_BATCH_SIZE must be 1 to 1000, not " + config.batchSize());
        }
        if (config.maxAttempts() < 1) {
            throw new IllegalArgumentException("AGORA_EVENTS_MAX_ATTEMPTS must be at least 1");
        }
        if (config.lease().toMillis() < 1000) {
            throw new IllegalArgumentException("AGORA_EVENTS_LEASE must be at least one second");
        }
        this.database = database;
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

    /**
     * Relays to one publisher until nothing is due for it (or {@code maxRounds} rounds ran); tells how many events
     * were claimed.
     */
    public int drain(EventPublisher publisher, int maxRounds) {
        int events = 0;
        for (int round = 0; round < maxRounds; round++) {
            int thisRound = relayOnce(publisher);
            if (thisRound == 0) {
                break;
            }
            events += thisRound;
        }
        return events;
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
        String[] enabled = names(enabledPublishers());
        return inTransaction(connection -> {
            try (PreparedStatement settle = connection.prepareStatement(SETTLE_LEFT_OVER)) {
                settle.setObject(1, timestamp(clock.instant()));
                settle.setArray(2, connection.createArrayOf("text", enabled));
                settle.setInt(3, limit);
                return settle.executeUpdate();
            }
        });
    }

    /**
     * One round for one publisher: take its turn, claim a batch, publish it, record the outcome; tells how many
     * events were claimed (0 also when another relay has the turn).
     */
    public int relayOnce(EventPublisher publisher) {
        return inTransaction(connection -> {
            try (Statement settings = connection.createStatement()) {
                // the bookkeeping need not wait for the disk: a crash may lose the last marks, which only means
                // those events are published again (at least once); the events themselves were committed durably
                settings.execute("SET LOCAL synchronous_commit TO OFF");
                settings.execute("SET LOCAL idle_in_transaction_session_timeout TO " + config.lease().toMillis());
            }
            if (!takeTurn(connection, publisher.name())) {
                return 0;
            }
            List<Claimed> claimed = claim(connection, publisher.name());
            if (claimed.isEmpty()) {
                return 0;
            }
            Map<String, Delivery> outcomes = publish(publisher, claimed);
            record(connection, publisher.name(), claimed, outcomes);
            return claimed.size();
        });
    }

    private static boolean takeTurn(Connection connection, String publisher) throws SQLException {
        try (PreparedStatement turn = connection.prepareStatement(TURN)) {
            turn.setString(1, publisher);
            try (ResultSet row = turn.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** An event claimed for a round: what the publisher needs, and its failed attempts so far (null: none). */
    private record Claimed(UUID id, String type, String aggregateType, String aggregateId, Instant occurredAt,
            String payload, Integer attempts) {

        String aggregate() {
            return aggregateType + '\u0000' + aggregateId;
        }
    }

    /**
     * Claims a batch: per aggregate a run of its next events, in order. When the head of the backlog held no
     * claimable event although it was full (its events are backing off or held back by parked events), the claim
     * looks again at the whole backlog, so that events further back are never starved; that costs a walk of the
     * backlog, but only when this relay would otherwise have nothing to do.
     */
    private List<Claimed> claim(Connection connection, String publisher) throws SQLException {
        Instant now = clock.instant();
        long head = (long) config.batchSize() * HEAD_PER_BATCH;
        try (Statement settings = connection.createStatement()) {
            // The planner cannot know that nearly every unpublished event is also unpublished to this publisher
            // (it guesses a fifth), so it would read the whole backlog into a bitmap or a sort each round: O(n) per
            // round and O(n²) for a burst (2,556 against 10,000+ events/s, RelayBench). The walk in position order
            // stops at the head.
            settings.execute("SET LOCAL enable_bitmapscan TO off");
            settings.execute("SET LOCAL enable_seqscan TO off");
        }
        List<Claimed> claimed = claim(connection, publisher, now, head);
        if (claimed.isEmpty() && headSize(connection, publisher, head) >= head) {
            claimed = claim(connection, publisher, now, null);
        }
        try (Statement settings = connection.createStatement()) {
            settings.execute("SET LOCAL enable_bitmapscan TO DEFAULT");
            settings.execute("SET LOCAL enable_seqscan TO DEFAULT");
        }
        return claimed;
    }

    /** {@code head} null: the whole backlog. */
    private List<Claimed> claim(Connection connection, String publisher, Instant now, Long head) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(CLAIM)) {
            query.setObject(1, timestamp(now));
            query.setString(2, publisher);
            query.setObject(3, head, Types.BIGINT);
            query.setString(4, publisher);
            query.setInt(5, config.batchSize());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int attempts = rows.getInt(7);
                    claimed.add(new Claimed(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getObject(5, OffsetDateTime.class).toInstant(), rows.getString(6),
                            rows.wasNull() ? null : attempts));
                }
            }
        }
        return claimed;
    }

    private static long headSize(Connection connection, String publisher, long head) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HEAD_SIZE)) {
            query.setString(1, publisher);
            query.setLong(2, head);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Map<String, Delivery> publish(EventPublisher publisher, List<Claimed> claimed) {
        Map<String, Delivery> outcomes = new HashMap<>();
        List<CloudEvent> events = new ArrayList<>(claimed.size());
        for (Claimed event : claimed) {
            try {
                // the stored JSON as it is: parsing and writing it again would only cost time
                events.add(cloudEvents.of(event.id(), event.type(), event.aggregateId(), event.occurredAt(),
                        event.payload().getBytes(StandardCharsets.UTF_8)));
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

    /**
     * Records a round's outcomes, a few statements whatever the batch size. Per aggregate only the first event not
     * delivered counts as failed (attempts, backoff, parking); its later events in the batch are left as they were
     * and wait for it.
     */
    private void record(Connection connection, String publisher, List<Claimed> claimed,
            Map<String, Delivery> outcomes) throws SQLException {
        List<UUID> published = new ArrayList<>();
        List<UUID> cleared = new ArrayList<>();
        List<Claimed> failed = new ArrayList<>();
        Set<String> stopped = new HashSet<>();
        for (Claimed event : claimed) {
            Delivery outcome = outcomes.get(event.id().toString());
            if (stopped.contains(event.aggregate())) {
                continue;
            }
            if (outcome != null && outcome.delivered()) {
                published.add(event.id());
                if (event.attempts() != null) {
                    cleared.add(event.id());
                }
            } else {
                failed.add(event);
                stopped.add(event.aggregate());
            }
        }
        Instant now = clock.instant();
        if (!published.isEmpty()) {
            Array enabled = connection.createArrayOf("text", names(enabledPublishers()));
            try (PreparedStatement update = connection.prepareStatement(PUBLISHED)) {
                update.setString(1, publisher);
                update.setArray(2, enabled);
                update.setString(3, publisher);
                update.setObject(4, timestamp(now));
                update.setArray(5, connection.createArrayOf("uuid", published.toArray(UUID[]::new)));
                update.setString(6, publisher);
                update.executeUpdate();
            }
            counter("agora.events.published", publisher).increment(published.size());
        }
        if (!cleared.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement(CLEARED)) {
                delete.setString(1, publisher);
                delete.setArray(2, connection.createArrayOf("uuid", cleared.toArray(UUID[]::new)));
                delete.executeUpdate();
            }
        }
        if (!failed.isEmpty()) {
            failed(connection, publisher, failed, outcomes, now);
        }
    }

    private void failed(Connection connection, String publisher, List<Claimed> failed, Map<String, Delivery> outcomes,
            Instant now) throws SQLException {
        int n = failed.size();
        UUID[] ids = new UUID[n];
        String[] statuses = new String[n];
        Integer[] attempts = new Integer[n];
        Long[] next = new Long[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            Claimed event = failed.get(i);
            String id = event.id().toString();
            Delivery outcome = outcomes.getOrDefault(id,
                    new Delivery(id, false, true, "the publisher gave no answer for this event"));
            int failedAttempts = (event.attempts() == null ? 0 : event.attempts()) + 1;
            boolean park = !outcome.retryable() || failedAttempts >= config.maxAttempts();
            String error = outcome.error() == null ? "unknown error" : outcome.error();
            ids[i] = event.id();
            statuses[i] = park ? "FAILED" : "PENDING";
            attempts[i] = failedAttempts;
            next[i] = now.plus(backoff.after(failedAttempts)).toEpochMilli();
            errors[i] = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
            if (park) {
                counter("agora.events.parked", publisher).increment();
                LOG.warnf("Event %s (%s of %s) parked as failed for %s after %d attempts: %s", event.id(),
                        event.type(), event.aggregateId(), publisher, failedAttempts, error);
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement(FAILED)) {
            upsert.setString(1, publisher);
            upsert.setArray(2, connection.createArrayOf("uuid", ids));
            upsert.setArray(3, connection.createArrayOf("text", statuses));
            upsert.setArray(4, connection.createArrayOf("integer", attempts));
            upsert.setArray(5, connection.createArrayOf("bigint", next));
            upsert.setArray(6, connection.createArrayOf("text", errors));
            upsert.executeUpdate();
        }
        counter("agora.events.failed", publisher).increment(n);
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /**
     * Runs the work in a transaction of its own on a connection of its own, outside JTA: the publishers it calls
     * must not join it (their own work commits on its own), and the turn lives exactly as long as it.
     */
    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException failed) {
                try {
                    connection.rollback();
                } catch (SQLException alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
                throw failed;
            } finally {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException broken) {
                    LOG.debugf("A relay connection was left broken: %s", broken.getMessage());
                }
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("the outbox could not be relayed: " + failed.getMessage(), failed);
        }
    }

    private static String[] names(List<EventPublisher> publishers) {
        return publishers.stream().map(EventPublisher::name).toArray(String[]::new);
    }

    private Counter counter(String name, String publisher) {
        return counters.computeIfAbsent(name + "/" + publisher,
                key -> Counter.builder(name).tag("publisher", publisher).register(metrics));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
