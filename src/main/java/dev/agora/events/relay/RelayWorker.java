package dev.agora.events.relay;

import dev.agora.events.EventPublisher;
import dev.agora.events.Outbox;
import dev.agora.platform.SqlTimes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs the relay: on a schedule, and at once after a transaction that appended events committed. Also keeps the
 * backlog figures for /q/metrics and prunes published events older than the retention.
 */
@ApplicationScoped
public class RelayWorker {

    private static final Logger LOG = Logger.getLogger(RelayWorker.class);
    private static final int ROUNDS_PER_RUN = 50;
    private static final int PRUNE_BATCH = 10_000;

    private final Relay relay;
    private final EntityManager entities;
    private final EventsConfig config;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * One publisher's relay thread on this instance, and whether a drain is wanted: a slow publisher (Kinesis
     * throttling, a webhook queue) never holds up another, and an instance never races itself for a turn.
     */
    private record Lane(ExecutorService thread, AtomicBoolean drainWanted) {

        static Lane of(String publisher) {
            return new Lane(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "event-relay-" + publisher);
                thread.setDaemon(true);
                return thread;
            }), new AtomicBoolean());
        }
    }

    RelayWorker(Relay relay, EntityManager entities, EventsConfig config, Clock clock, MeterRegistry metrics) {
        this.relay = relay;
        this.entities = entities;
        this.config = config;
        this.clock = clock;
        Gauge.builder("agora.events.backlog", backlog, AtomicLong::get)
                .description("Events in the outbox not yet published to every enabled publisher").register(metrics);
        Gauge.builder("agora.events.oldest.unpublished.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest event not yet published").register(metrics);
    }

    @Scheduled(every = "${agora.events.relay.interval:500ms}", delayed = "${agora.events.relay.interval:500ms}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        nudge();
        measureQuietly();
    }

    /** Events were committed: relay them now rather than at the next tick. */
    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended appended) {
        nudge();
    }

    /**
     * Every drain for one publisher on this instance runs on that publisher's relay thread: the schedule and the
     * commits only ask for one. A drain that moved events asks for the next at once, until nothing is due for that
     * publisher (a run is capped at {@code ROUNDS_PER_RUN} rounds only to keep the thread fair).
     */
    private void nudge() {
        if (!config.relayEnabled()) {
            return;
        }
        for (EventPublisher publisher : relay.enabledPublishers()) {
            nudge(publisher);
        }
    }

    private void nudge(EventPublisher publisher) {
        Lane lane = lanes.computeIfAbsent(publisher.name(), Lane::of);
        if (lane.drainWanted().compareAndSet(false, true)) {
            lane.thread().execute(() -> {
                lane.drainWanted().set(false);
                if (publisher.enabled() && drainQuietly(publisher) > 0) {
                    nudge(publisher);
                }
            });
        }
    }

    private int drainQuietly(EventPublisher publisher) {
        if (!config.relayEnabled()) {
            return 0;
        }
        try {
            return relay.drain(publisher, ROUNDS_PER_RUN);
        } catch (RuntimeException failed) {
            LOG.warnf("The outbox could not be relayed to %s now (will retry): %s", publisher.name(),
                    failed.getMessage());
            return 0;
        }
    }

    @PreDestroy
    void stop() {
        lanes.values().forEach(lane -> lane.thread().shutdownNow());
    }

    private void measureQuietly() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entities.createNativeQuery(
                    "SELECT count(*), min(occurred_at) FROM outbox WHERE published_at IS NULL").getSingleResult());
            backlog.set(((Number) row[0]).longValue());
            Instant oldest = row[1] == null ? null : SqlTimes.instant(row[1]);
            oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
        } catch (RuntimeException failed) {
            LOG.debugf("Backlog not measured: %s", failed.getMessage());
        }
    }


    /** Events left unpublished only by a publisher switched off since are marked published (once a minute). */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void settleScheduled() {
        if (!config.relayEnabled()) {
            return;
        }
        try {
            relay.settle(10_000);
        } catch (RuntimeException failed) {
            LOG.warnf("Left-over events could not be settled now (will retry): %s", failed.getMessage());
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneScheduled() {
        try {
            prune();
        } catch (RuntimeException failed) {
            LOG.warnf("Published events could not be pruned now (will retry): %s", failed.getMessage());
        }
    }

    /** Deletes events published longer than the retention ago; tells how many. */
    public int prune() {
        Instant cutoff = clock.instant().minus(config.retention());
        int total = 0;
        while (true) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery("""
                    DELETE FROM outbox WHERE id IN (SELECT id FROM outbox
                     WHERE published_at IS NOT NULL AND published_at < :cutoff LIMIT :batch)""")
                    .setParameter("cutoff", cutoff).setParameter("batch", PRUNE_BATCH).executeUpdate());
            total += deleted;
            if (deleted < PRUNE_BATCH) {
                return total;
            }
        }
    }
}
