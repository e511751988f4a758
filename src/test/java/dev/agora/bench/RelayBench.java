package dev.agora.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.events.DomainEvent;
import dev.agora.events.Outbox;
import dev.agora.events.relay.EventsConfig;
import dev.agora.events.relay.Relay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The event relay end to end, outbox → publisher, in the running application on the real PostgreSQL:
 * <ul>
 * <li>throughput: N events ({@code bench.events}, default 50,000) appended in one bulk transaction, then drained by
 * the relay; events per second from the commit until every event is marked published. Over many aggregates
 * ({@code bench.aggregates}, default 10,000), over a few busy ones ({@code bench.busy-aggregates}, default 10),
 * and over many aggregates to the in-process publisher and Kinesis (the real {@code KinesisEventPublisher} on
 * kinesalite, 4 shards) at once;</li>
 * <li>latency: a load generator commits events through {@link Outbox#append} at a steady rate ({@code bench.rate},
 * default 1,000/s, {@code bench.per-commit} events per transaction, default 10) over 1,000 aggregates for
 * {@code bench.seconds} (default 30) while the relay runs as in production (nudged after each commit, and on its
 * schedule); commit-to-publish latency per event from the start of its commit until Agora's in-process observer
 * got it, and until Kinesis accepted it.</li>
 * </ul>
 * Every run checks that each aggregate's events arrived in order and that none was lost. Run with
 * {@code ./mvnw -Pbench test -Dtest=RelayBench -Dbench.events=50000 -Dagora.events.batch-size=1000}; the report goes
 * to stdout and target/bench/relay.md.
 */
@QuarkusTest
class RelayBench {

    private static final String TYPE = "agora.bench.thing.changed";

    @Inject
    Relay relay;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource database;

    @Inject
    BenchObserver observer;

    @Inject
    KinesaliteBenchPublisher kinesis;

    @Inject
    EventsConfig config;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<Outbox.Appended> appended;

    @Inject
    jakarta.transaction.TransactionManager transactions;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private static int setting(String name, int fallback) {
        String value = System.getProperty(name, "").strip();
        return value.isEmpty() ? fallback : Integer.parseInt(value);
    }

    @Test
    void events_per_second_and_commit_to_publish_latency() throws Exception {
        int events = setting("bench.events", 50_000);
        int aggregates = setting("bench.aggregates", 10_000);
        int busy = setting("bench.busy-aggregates", 10);
        int rate = setting("bench.rate", 1_000);
        int perCommit = setting("bench.per-commit", 10);
        int seconds = setting("bench.seconds", 30);
        StringBuilder md = new StringBuilder("## Relay benchmark\n\n");
        md.append(String.format(Locale.ROOT, "- Machine: %d cores, JDK %s, PostgreSQL on the same machine%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.specification.version")));
        md.append(String.format(Locale.ROOT, "- Relay: batch size %d, lease %s, interval %s%n%n", config.batchSize(),
                config.lease(), config.relayInterval()));

        drainLeftOvers();
        throughput("warm-up", Math.min(events, 20_000), Math.min(aggregates, 2_000), false); // JIT, caches
        md.append("| throughput | events | aggregates | publishers | seconds | events/s | CPU: this JVM / others |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        md.append(throughput("many aggregates", events, aggregates, false));
        md.append(throughput("few busy aggregates", events, busy, false));
        kinesis.start(4);
        try {
            md.append(throughput("many aggregates, with Kinesis", events, aggregates, true));
        } finally {
            kinesis.stop();
        }
        md.append('\n');

        md.append("| latency, commit → publish | events | achieved rate | p50 ms | p95 ms | p99 ms | max ms "
                + "| CPU: this JVM / others |\n|---|---|---|---|---|---|---|---|\n");
        md.append(latency("in-process", rate, perCommit, seconds, 1_000, false));
        kinesis.start(4);
        try {
            md.append(latency("in-process and Kinesis", rate, perCommit, seconds, 1_000, true));
        } finally {
            kinesis.stop();
        }
        md.append('\n').append("CPU: share of both cores over the phase; \"others\" is mostly PostgreSQL (and "
                + "kinesalite's Node process in the Kinesis rows).\n");

        System.out.print(md);
        Path output = Path.of(System.getProperty("bench.output", "target/bench"));
        Files.createDirectories(output);
        Files.writeString(output.resolve("relay.md"), md);
    }

    /** Appends {@code events} in one transaction over {@code aggregates}, drains them; one row of the report. */
    private String throughput(String label, int events, int aggregates, boolean withKinesis) throws Exception {
        vacuum();
        observer.clear();
        String prefix = "bench-" + run + "-" + label.replaceAll("[^a-z]+", "-") + "-";
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox (id, event_type, aggregate_type, aggregate_id, actor, occurred_at, payload)
                        SELECT gen_random_uuid(), ?, 'bench-thing', ? || (g % ?), 'bench', now(),
                               jsonb_build_object('n', g, 'product', 'sales-orders', 'version', '1.' || g || '.0',
                                   'owner', 'sales-analytics', 'changes', jsonb_build_object(
                                       'added', jsonb_build_array('order_total', 'currency'),
                                       'removed', '[]'::jsonb, 'changed', jsonb_build_array('status')))
                          FROM generate_series(1, ?) AS g ORDER BY g""")) {
            insert.setString(1, TYPE);
            insert.setString(2, prefix);
            insert.setInt(3, aggregates);
            insert.setInt(4, events);
            insert.executeUpdate(); // auto-commit: one transaction
        }
        MachineLoad.Sample before = MachineLoad.sample();
        long begin = System.nanoTime();
        // the instance's own relay thread drains, as after any commit (the bulk insert bypassed Outbox#append)
        appended.fire(new Outbox.Appended(UUID.randomUUID()));
        // watch the observers (no database work), then confirm in the outbox: polling the outbox itself all along
        // would take PostgreSQL time from the relay being measured
        long patience = System.nanoTime() + 600_000_000_000L;
        while ((observer.seenAt().size() < events || withKinesis && kinesis.acceptedAt().size() < events)
                && System.nanoTime() < patience) {
            Thread.sleep(5);
        }
        while (unpublished(prefix) > 0 && System.nanoTime() < patience) {
            Thread.sleep(5);
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        MachineLoad.Sample after = MachineLoad.sample();
        assertThat(observer.seenAt()).as(label + ": every event in-process").hasSize(events);
        assertThat(observer.outOfOrder()).as(label + ": out of order").isZero();
        if (withKinesis) {
            assertThat(kinesis.acceptedAt()).as(label + ": every event on Kinesis").hasSize(events);
        }
        String row = String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %.1f | **%,.0f** | %s |%n", label, events,
                aggregates, withKinesis ? "in-process, Kinesis" : "in-process", elapsed, events / elapsed,
                cpu(before, after));
        System.out.print("[bench] " + row);
        return row;
    }

    /** Commits events at a steady rate for {@code seconds} while the relay runs as in production; one row. */
    private String latency(String label, int rate, int perCommit, int seconds, int aggregates, boolean withKinesis)
            throws Exception {
        observer.clear();
        String prefix = "bench-" + run + "-latency-" + label.replaceAll("[^a-z]+", "-") + "-";
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        vacuum();
        MachineLoad.Sample before = MachineLoad.sample();
        long begin = System.nanoTime();
        long end = begin + seconds * 1_000_000_000L;
        int generators = setting("bench.generators", 4);
        java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(generators);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int g = 0; g < generators; g++) {
            // each generator has aggregates of its own, so that each aggregate's sequence is its commit order
            String own = prefix + g + "-";
            int ownAggregates = Math.max(1, aggregates / generators);
            running.add(threads.submit(() -> {
                // together the generators keep to the rate: each commits when the shared count is behind schedule
                while (System.nanoTime() < end) {
                    long due = (System.nanoTime() - begin) * rate / 1_000_000_000L;
                    if (sequence.get() + perCommit > due) {
                        Thread.sleep(1);
                        continue;
                    }
                    List<String> ids = new ArrayList<>(perCommit);
                    // the transaction manager works on any thread (QuarkusTransaction.begin needs a request scope)
                    transactions.begin();
                    for (int i = 0; i < perCommit; i++) {
                        int n = sequence.getAndIncrement();
                        DomainEvent event = DomainEvent.of(TYPE, "bench-thing", own + (n % ownAggregates), "bench",
                                clock.instant(), Map.of("n", n, "product", "sales-orders", "owner",
                                        "sales-analytics"));
                        outbox.append(event);
                        ids.add(event.id().toString());
                    }
                    long committing = System.nanoTime();
                    transactions.commit();
                    ids.forEach(id -> committedAt.put(id, committing));
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> each : running) {
            each.get();
        }
        threads.shutdown();
        int sent = sequence.get();
        double generating = (System.nanoTime() - begin) / 1e9;
        long patience = System.nanoTime() + 60_000_000_000L;
        while ((observer.seenAt().size() < sent || withKinesis && kinesis.acceptedAt().size() < sent)
                && System.nanoTime() < patience) {
            Thread.sleep(50);
        }
        MachineLoad.Sample after = MachineLoad.sample();
        assertThat(observer.seenAt()).as(label + ": every event in-process").hasSize(sent);
        assertThat(observer.outOfOrder()).as(label + ": out of order").isZero();
        StringBuilder rows = new StringBuilder();
        rows.append(latencyRow(label + ": in-process observer", committedAt, observer.seenAt(), sent / generating,
                before, after));
        if (withKinesis) {
            // at least once: every committed event reached Kinesis (a re-sent one is counted once by its id)
            assertThat(kinesis.acceptedAt().keySet()).as(label + ": every event on Kinesis")
                    .containsAll(committedAt.keySet());
            rows.append(latencyRow(label + ": accepted by Kinesis", committedAt, kinesis.acceptedAt(),
                    sent / generating, before, after));
        }
        System.out.print("[bench] " + rows);
        return rows.toString();
    }

    private static String latencyRow(String label, Map<String, Long> committedAt, Map<String, Long> arrivedAt,
            double achievedRate, MachineLoad.Sample before, MachineLoad.Sample after) {
        Latencies latencies = new Latencies();
        committedAt.forEach((id, committed) -> latencies.add(Math.max(0, arrivedAt.get(id) - committed), 0));
        return String.format(Locale.ROOT, "| %s | %,d | %,.0f/s | %s | **%s** | %s | %s | %s |%n", label,
                latencies.count(), achievedRate, BenchReport.ms(latencies.percentileMillis(50)),
                BenchReport.ms(latencies.percentileMillis(95)), BenchReport.ms(latencies.percentileMillis(99)),
                BenchReport.ms(latencies.maxMillis()), cpu(before, after));
    }

    private static String cpu(MachineLoad.Sample before, MachineLoad.Sample after) {
        if (before == null || after == null || after.total() <= before.total()) {
            return "?";
        }
        double self = (double) (after.self() - before.self()) / (after.total() - before.total());
        return BenchReport.percent(self) + " / " + BenchReport.percent(MachineLoad.othersShare(before, after));
    }

    private long unpublished(String prefix) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM outbox WHERE published_at IS NULL AND aggregate_id LIKE ?")) {
            count.setString(1, prefix + "%");
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Vacuums and analyses the outbox before a phase, as autovacuum would between bursts (it is off on some test
     * machines, where dead rows of earlier phases would otherwise slow every later one).
     */
    private void vacuum() throws SQLException {
        try (Connection connection = database.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE outbox, outbox_deliveries");
        }
    }

    /** Events of earlier runs (the bench database is kept) would be counted in this run's work. */
    private void drainLeftOvers() {
        relay.drain(Integer.MAX_VALUE);
        relay.settle(1_000_000);
    }
}
