package dev.agora.events.relay;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.events.CloudEvents;
import dev.agora.events.DomainEvent;
import dev.agora.events.EventPublisher;
import dev.agora.events.EventPublisher.Delivery;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Relays the outbox to each enabled publisher, at least once and in order per aggregate. A round claims a batch in a
 * short transaction ({@code FOR UPDATE SKIP LOCKED}, so several instances share the work): per aggregate a run of
 * consecutive events starting at its first event not yet published to that publisher, so that one busy aggregate
 * moves a whole batch per round, yet never two events of one aggregate are in flight on two relays at once; the claim
 * is a lease recorded in {@code outbox_deliveries}. The publisher is called outside any transaction with the run in
 * order (publishers stop an aggregate at its first failure); the outcome is recorded in a second transaction, and
 * the events after an aggregate's first failure in the batch wait for it, their attempts not counted. A relay that
 * dies mid-round loses its lease and another relay publishes the events again (consumers deduplicate by id). A
 * parked (failed) event holds back the later events of its aggregate for that publisher until it is re-driven, so
 * that order is never broken. Claim and record are a few set-based statements per batch, not one per event.
 */
@ApplicationScoped
public class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class);
    private static final int ERROR_LENGTH = 2000;

    /**
     * The claimable events among the oldest {@code head} events not yet published to the publisher: per aggregate
     * the run of its first such events that are all due (never tried, or PENDING, past their backoff and not
     * leased). The head is a prefix of the backlog in position order, so it holds each aggregate's first unpublished
     * events, which is all the run needs to know: one walk of {@code outbox_unpublished_idx} in position order and
     * one primary-key lookup per row, stopping at the head's size. The delivery is looked up in a scalar subquery
     * (not a join) on purpose: with a join, fresh statistics after a burst made the planner hash-join both tables
     * in full (303 ms against 71–109 ms at 50,000 events, EXPLAIN ANALYZE). OFFSET 0 keeps it to one lookup per row.
     */
    private static final String CANDIDATES = """
            WITH head AS (
                SELECT id, position, aggregate_type, aggregate_id, state = 'due' AS due FROM (
                    SELECT o.id, o.position, o.aggregate_type, o.aggregate_id,
                           coalesce((SELECT CASE WHEN d.status = 'PUBLISHED' THEN 'published'
                                                 WHEN d.status = 'PENDING' AND d.next_attempt_at <= ?
                                                      AND (d.lease_until IS NULL OR d.lease_until < ?) THEN 'due'
                                                 ELSE 'waiting' END
                                       FROM outbox_deliveries d WHERE d.outbox_id = o.id AND d.publisher = ?),
                                    'due') AS state
                      FROM outbox o WHERE o.published_at IS NULL
                     ORDER BY o.position OFFSET 0) AS backlog
                 WHERE state <> 'published'
                 LIMIT CAST(? AS BIGINT)
            ), runs AS (
                SELECT id, position, aggregate_type, aggregate_id,
                       bool_and(due) OVER (PARTITION BY aggregate_type, aggregate_id ORDER BY position) AS runnable
                  FROM head
            )
            SELECT r.id, r.aggregate_type, r.aggregate_id, s.scanned
              FROM (SELECT count(*) AS scanned FROM head) AS s
              LEFT JOIN LATERAL (SELECT id, aggregate_type, aggregate_id, position FROM runs
                                  WHERE runnable ORDER BY position LIMIT ?) AS r ON true
             ORDER BY r.position""";

    /**
     * Leases the candidates in one statement and tells which this relay got. {@code SKIP LOCKED}
     * leaves rows another relay is claiming or recording; the upsert sees the latest committed lease (not the
     * candidates' snapshot) and takes only what is still free, so that no event is ever in flight on two relays.
     */
    private static final String LEASE = """
            INSERT INTO outbox_deliveries (outbox_id, publisher, status, attempts, next_attempt_at, lease_until)
            SELECT o.id, ?, 'PENDING', 0, ?, ? FROM outbox o
             WHERE o.id = ANY(?) AND o.published_at IS NULL
               FOR UPDATE OF o SKIP LOCKED
            ON CONFLICT (outbox_id, publisher) DO UPDATE SET lease_until = EXCLUDED.lease_until
             WHERE outbox_deliveries.status = 'PENDING'
               AND outbox_deliveries.next_attempt_at <= EXCLUDED.next_attempt_at
               AND (outbox_deliveries.lease_until IS NULL OR outbox_deliveries.lease_until < EXCLUDED.next_attempt_at)
            RETURNING outbox_id""";

    private static final String EVENTS = """
            SELECT id, event_type, aggregate_type, aggregate_id, actor, occurred_at, payload::text
              FROM outbox WHERE id = ANY(?) ORDER BY position""";

    /**
     * Gives back leases this relay took but will not use: an event never tried is again as if never claimed (no
     * row, as V13 says); one tried before keeps its attempts and backoff, only its lease ends.
     */
    private static final String RELEASE_UNTRIED = """
            DELETE FROM outbox_deliveries
             WHERE publisher = ? AND outbox_id = ANY(?) AND status = 'PENDING' AND attempts = 0""";

    private static final String RELEASE_TRIED = """
            UPDATE outbox_deliveries SET lease_until = NULL
             WHERE publisher = ? AND outbox_id = ANY(?) AND attempts > 0""";

    /**
     * Recording starts by locking the events' outbox rows, the same order of locks as the claim (outbox row, then
     * delivery): a relay claiming meanwhile skips them instead of deadlocking, and a relay recording the same
     * events for another publisher waits, so that one of the two sees both deliveries and settles the event.
     */
    private static final String LOCK = """
            SELECT id FROM outbox WHERE id = ANY(?) ORDER BY position FOR UPDATE""";

    private static final String PUBLISHED = """
            UPDATE outbox_deliveries SET status = 'PUBLISHED', attempts = attempts + 1, published_at = ?,
                   lease_until = NULL, last_error = NULL
             WHERE publisher = ? AND outbox_id = ANY(?)""";

    private static final String ATTEMPTS = """
            SELECT outbox_id, attempts FROM outbox_deliveries WHERE publisher = ? AND outbox_id = ANY(?)""";

    private static final String FAILED = """
            UPDATE outbox_deliveries d SET status = f.status, attempts = d.attempts + 1,
                   next_attempt_at = to_timestamp(f.next_millis / 1000.0), lease_until = NULL, last_error = f.error
              FROM unnest(?::uuid[], ?::text[], ?::bigint[], ?::text[]) AS f (id, status, next_millis, error)
             WHERE d.publisher = ? AND d.outbox_id = f.id""";

    private static final String SETTLE = """
            UPDATE outbox o SET published_at = ?
             WHERE o.id = ANY(?) AND o.published_at IS NULL
               AND (SELECT count(*) FROM outbox_deliveries d
                     WHERE d.outbox_id = o.id AND d.status = 'PUBLISHED' AND d.publisher = ANY(?)) = ?""";

    private static final String SETTLE_LEFT_OVER = """
            UPDATE outbox SET published_at = :now WHERE id IN (
                SELECT o.id FROM outbox o
                 WHERE o.published_at IS NULL
                   AND (SELECT count(*) FROM outbox_deliveries d
                         WHERE d.outbox_id = o.id AND d.status = 'PUBLISHED' AND d.publisher IN (:publishers)) = :count
                 LIMIT :limit)""";

    /** The head of the backlog a claim looks at, as a multiple of the batch size (see {@link #claim}). */
    private static final int HEAD_PER_BATCH = 4;
    private final EntityManager entities;
    private final Instance<EventPublisher> publishers;
    private final CloudEvents cloudEvents;
    private final Clock clock;
    private final EventsConfig config;
    private final Backoff backoff;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    Relay(EntityManager entities, Instance<EventPublisher> publishers, CloudEvents cloudEvents, Clock clock,
            EventsConfig config, MeterRegistry metrics, ObjectMapper json) {
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
        this.json = json;
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

    /**
     * Claims a batch: per aggregate a run of its next events, in order. When the head of the backlog held no
     * claimable event although it was full (its events are leased by other relays, backing off or held back by
     * parked events), the claim looks again at the whole backlog, so that events further back are never starved;
     * that costs a walk of the backlog, but only when this relay would otherwise have nothing to do. Leases are taken per aggregate as a prefix of its run: once an event is not leased (another
     * relay took it in between), the later events of its aggregate are given back, so that order holds.
     */
    private List<DomainEvent> claim(String publisher) {
        return QuarkusTransaction.requiringNew().call(() -> session().doReturningWork(connection -> {
            commitWithoutWaitingForTheDisk(connection);
            Instant now = clock.instant();
            int batch = config.batchSize();
            long head = (long) batch * HEAD_PER_BATCH;
            Candidates found = candidates(connection, publisher, now, head, batch);
            if (found.events().isEmpty() && found.scanned() >= head) {
                found = candidates(connection, publisher, now, null, batch);
            }
            List<Candidate> candidates = found.events();
            if (candidates.isEmpty()) {
                return List.<DomainEvent>of();
            }
            Set<UUID> leasedIds = new HashSet<>();
            try (PreparedStatement lease = connection.prepareStatement(LEASE)) {
                lease.setString(1, publisher);
                lease.setObject(2, timestamp(now));
                lease.setObject(3, timestamp(now.plus(config.lease())));
                lease.setArray(4, connection.createArrayOf("uuid",
                        candidates.stream().map(Candidate::id).toArray(UUID[]::new)));
                try (ResultSet rows = lease.executeQuery()) {
                    while (rows.next()) {
                        leasedIds.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            Map<UUID, DomainEvent> leased = new HashMap<>();
            if (!leasedIds.isEmpty()) {
                try (PreparedStatement query = connection.prepareStatement(EVENTS)) {
                    query.setArray(1, connection.createArrayOf("uuid", leasedIds.toArray(UUID[]::new)));
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            DomainEvent event = event(rows);
                            leased.put(event.id(), event);
                        }
                    }
                }
            }
            List<DomainEvent> claimed = new ArrayList<>(leased.size());
            List<UUID> giveBack = new ArrayList<>();
            Set<String> interrupted = new HashSet<>();
            for (Candidate candidate : candidates) {
                DomainEvent event = leased.get(candidate.id());
                if (interrupted.contains(candidate.aggregate())) {
                    if (event != null) {
                        giveBack.add(candidate.id());
                    }
                } else if (event == null) {
                    interrupted.add(candidate.aggregate());
                } else {
                    claimed.add(event);
                }
            }
            release(connection, publisher, giveBack);
            return claimed;
        }));
    }

    private record Candidate(UUID id, String aggregate) {}

    /** The candidates, and how many events of the head were looked at. */
    private record Candidates(List<Candidate> events, long scanned) {}

    /** {@code head} null: the whole backlog. */
    private static Candidates candidates(Connection connection, String publisher, Instant now, Long head,
            int batch) throws SQLException {
        List<Candidate> events = new ArrayList<>();
        long scanned = 0;
        try (PreparedStatement query = connection.prepareStatement(CANDIDATES)) {
            query.setObject(1, timestamp(now));
            query.setObject(2, timestamp(now));
            query.setString(3, publisher);
            query.setObject(4, head, Types.BIGINT);
            query.setInt(5, batch);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    scanned = rows.getLong(4);
                    UUID id = rows.getObject(1, UUID.class);
                    if (id != null) {
                        events.add(new Candidate(id, aggregateKey(rows.getString(2), rows.getString(3))));
                    }
                }
            }
        }
        return new Candidates(events, scanned);
    }

    private static void release(Connection connection, String publisher, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        Array array = connection.createArrayOf("uuid", ids.toArray(UUID[]::new));
        for (String sql : List.of(RELEASE_UNTRIED, RELEASE_TRIED)) {
            try (PreparedStatement release = connection.prepareStatement(sql)) {
                release.setString(1, publisher);
                release.setArray(2, array);
                release.executeUpdate();
            }
        }
    }

    private DomainEvent event(ResultSet row) throws SQLException {
        try {
            return new DomainEvent(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                    row.getString(4), row.getString(5), row.getObject(6, OffsetDateTime.class).toInstant(),
                    json.readValue(row.getString(7), PAYLOAD));
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            throw new SQLException("the payload of outbox event " + row.getString(1) + " is not JSON", unreadable);
        }
    }

    private static String aggregateKey(String type, String id) {
        return type + '\u0000' + id;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Session session() {
        return entities.unwrap(Session.class);
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

    /**
     * Records a round's outcomes in one transaction, a few statements whatever the batch size. Per aggregate only
     * the first event not delivered counts as failed (attempts, backoff, parking); its later events in the batch
     * are held back: their lease is given back without an attempt counted, and they wait for it.
     */
    private void record(String publisher, List<DomainEvent> claimed, Map<String, Delivery> outcomes) {
        List<String> enabled = enabledPublishers().stream().map(EventPublisher::name).toList();
        List<UUID> published = new ArrayList<>();
        List<DomainEvent> failed = new ArrayList<>();
        List<UUID> heldBack = new ArrayList<>();
        Set<String> stopped = new HashSet<>();
        for (DomainEvent event : claimed) {
            String aggregate = aggregateKey(event.aggregateType(), event.aggregateId());
            Delivery outcome = outcomes.get(event.id().toString());
            if (stopped.contains(aggregate)) {
                heldBack.add(event.id());
            } else if (outcome != null && outcome.delivered()) {
                published.add(event.id());
            } else {
                failed.add(event);
                stopped.add(aggregate);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> session().doWork(connection -> {
            commitWithoutWaitingForTheDisk(connection);
            Instant now = clock.instant();
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setArray(1, connection.createArrayOf("uuid", claimed.stream().map(DomainEvent::id)
                        .toArray(UUID[]::new)));
                lock.executeQuery().close();
            }
            if (!published.isEmpty()) {
                Array ids = connection.createArrayOf("uuid", published.toArray(UUID[]::new));
                try (PreparedStatement update = connection.prepareStatement(PUBLISHED)) {
                    update.setObject(1, timestamp(now));
                    update.setString(2, publisher);
                    update.setArray(3, ids);
                    update.executeUpdate();
                }
                if (enabled.contains(publisher)) {
                    try (PreparedStatement settle = connection.prepareStatement(SETTLE)) {
                        settle.setObject(1, timestamp(now));
                        settle.setArray(2, ids);
                        settle.setArray(3, connection.createArrayOf("text", enabled.toArray(String[]::new)));
                        settle.setLong(4, enabled.size());
                        settle.executeUpdate();
                    }
                }
                counter("agora.events.published", publisher).increment(published.size());
            }
            if (!failed.isEmpty()) {
                failed(connection, publisher, failed, outcomes, now);
            }
            release(connection, publisher, heldBack);
        }));
    }

    private void failed(Connection connection, String publisher, List<DomainEvent> failed,
            Map<String, Delivery> outcomes, Instant now) throws SQLException {
        Map<UUID, Integer> attempts = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(ATTEMPTS)) {
            query.setString(1, publisher);
            query.setArray(2, connection.createArrayOf("uuid", failed.stream().map(DomainEvent::id)
                    .toArray(UUID[]::new)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    attempts.put(rows.getObject(1, UUID.class), rows.getInt(2));
                }
            }
        }
        int n = failed.size();
        UUID[] ids = new UUID[n];
        String[] statuses = new String[n];
        Long[] next = new Long[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            DomainEvent event = failed.get(i);
            String id = event.id().toString();
            Delivery outcome = outcomes.getOrDefault(id,
                    new Delivery(id, false, true, "the publisher gave no answer for this event"));
            int failedAttempts = attempts.getOrDefault(event.id(), 0) + 1;
            boolean park = !outcome.retryable() || failedAttempts >= config.maxAttempts();
            String error = outcome.error() == null ? "unknown error" : outcome.error();
            ids[i] = event.id();
            statuses[i] = park ? "FAILED" : "PENDING";
            next[i] = now.plus(backoff.after(failedAttempts)).toEpochMilli();
            errors[i] = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
            if (park) {
                counter("agora.events.parked", publisher).increment();
                LOG.warnf("Event %s (%s of %s) parked as failed for %s after %d attempts: %s", event.id(),
                        event.type(), event.aggregateId(), publisher, failedAttempts, error);
            }
        }
        try (PreparedStatement update = connection.prepareStatement(FAILED)) {
            update.setArray(1, connection.createArrayOf("uuid", ids));
            update.setArray(2, connection.createArrayOf("text", statuses));
            update.setArray(3, connection.createArrayOf("bigint", next));
            update.setArray(4, connection.createArrayOf("text", errors));
            update.setString(5, publisher);
            update.executeUpdate();
        }
        counter("agora.events.failed", publisher).increment(n);
    }

    private Counter counter(String name, String publisher) {
        return counters.computeIfAbsent(name + "/" + publisher,
                key -> Counter.builder(name).tag("publisher", publisher).register(metrics));
    }

    /**
     * The relay's own bookkeeping (leases, published marks, attempts) need not wait for the disk: after a PostgreSQL
     * crash the last of these commits may be lost, which only means events are published again — at least once, as
     * always. The events themselves were committed durably by the business transaction.
     */
    private static void commitWithoutWaitingForTheDisk(java.sql.Connection connection) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL synchronous_commit TO OFF");
        }
    }
}
