package dev.agora.bench;

import dev.agora.access.Principal;
import dev.agora.access.application.AccessRequests;
import dev.agora.identity.PasswordHashing;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Approval → permission in place on the PostgreSQL engine: how long from an owner's approval until the consumer's
 * role can SELECT the table, checked in PostgreSQL itself. One at a time (latency), then all at once (latency
 * under a queue, and throughput). Run with {@code ./mvnw -Pbench test -Dtest=GrantLatencyBench -Dbench.grants=1000}.
 */
@QuarkusTest
class GrantLatencyBench {

    @Inject
    AccessRequests requests;

    @Inject
    AgroalDataSource database;

    @Inject
    PasswordHashing hashing;

    private static int setting(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }

    @Test
    void approval_to_permission_in_place() throws Exception {
        int count = setting("bench.grants", 1000);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> consumers = consumers(run, 2 * count);

        // one at a time: approve, then watch PostgreSQL until the role can read the table; then revoke (not
        // timed), since PostgreSQL keeps a table's privileges in one catalog row of at most ~500 grantees
        List<String> sequential = consumers.subList(0, count);
        List<UUID> ids = submit(sequential);
        double[] oneByOne = new double[count];
        double measuredSeconds = 0;
        try (Connection watcher = database.getConnection()) {
            for (int i = 0; i < count; i++) {
                String role = roleOf(sequential.get(i));
                long approved = System.nanoTime();
                requests.approve(ids.get(i), "olivia", null, null);
                awaitPrivilege(watcher, role, true);
                long inPlace = System.nanoTime();
                oneByOne[i] = (inPlace - approved) / 1e6;
                measuredSeconds += (inPlace - approved) / 1e9;
                awaitActive(watcher, ids.get(i));
                requests.revoke(ids.get(i), "olivia", "benchmark");
                awaitPrivilege(watcher, role, false);
            }
        }
        double sequentialSeconds = measuredSeconds;

        // in waves: approve a wave of requests at once, measure each from its approval's commit to its grant's
        // commit, revoke the wave, next
        List<String> burst = consumers.subList(count, 2 * count);
        List<UUID> burstIds = submit(burst);
        double[] queued = new double[count];
        double burstSeconds = 0;
        double approvingSeconds = 0;
        for (int from = 0; from < count; from += WAVE) {
            int to = Math.min(count, from + WAVE);
            long waveStart = System.nanoTime();
            for (UUID id : burstIds.subList(from, to)) {
                requests.approve(id, "olivia", null, null);
            }
            approvingSeconds += (System.nanoTime() - waveStart) / 1e9;
            try (Connection watcher = database.getConnection()) {
                for (String consumer : burst.subList(from, to)) {
                    awaitPrivilege(watcher, roleOf(consumer), true);
                }
                burstSeconds += (System.nanoTime() - waveStart) / 1e9;
                System.arraycopy(queuedLatencies(burstIds.subList(from, to)), 0, queued, from, to - from);
                for (UUID id : burstIds.subList(from, to)) {
                    awaitActive(watcher, id);
                    requests.revoke(id, "olivia", "benchmark");
                }
                for (String consumer : burst.subList(from, to)) {
                    awaitPrivilege(watcher, roleOf(consumer), false);
                }
            }
        }
        String report = """
                ## Grant latency: approval → permission in place (PostgreSQL engine)

                - Machine: %d cores; PostgreSQL on the same machine; the grant worker nudged after each commit
                - %d requests of different people for `lake.orders`; "in place" = `has_table_privilege` true for the role

                | scenario | p50 ms | p95 ms | p99 ms | max ms | throughput |
                |---|---|---|---|---|---|
                | one at a time (approve, wait until the role can SELECT) | %.1f | %.1f | %.1f | %.1f | %.1f approvals/s |
                | %d approvals in waves of %d at once (approval commit → grant commit) | %.1f | %.1f | %.1f | %.1f | %.1f grants/s |

                Approving took %.1f s in all; the %d privileges were in place after %.1f s of waves
                (revocations between waves not counted). One at a time, each access was revoked after it was
                measured (not counted): PostgreSQL keeps a table's privileges in one catalog row, which holds about
                500 grantees, so a thousand people cannot hold one table at once (grant to teams).
                """.formatted(Runtime.getRuntime().availableProcessors(), count,
                percentile(oneByOne, 50), percentile(oneByOne, 95), percentile(oneByOne, 99), max(oneByOne),
                count / sequentialSeconds, count, WAVE, percentile(queued, 50), percentile(queued, 95),
                percentile(queued, 99), max(queued), count / burstSeconds, approvingSeconds, count,
                burstSeconds);
        System.out.println(report);
        Path output = Path.of(System.getProperty("bench.output", "target/bench"));
        Files.createDirectories(output);
        Files.writeString(output.resolve("grants-" + count + ".md"), report);
    }

    /** People who each request access for themselves: one open request per person and port. */
    private List<String> consumers(String run, int count) throws SQLException {
        String hash = hashing.hash("bench-grant-secret");
        List<String> names = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO users (username, display_name, password_hash) VALUES (?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String name = "bench-" + run + "-" + i;
                insert.setString(1, name);
                insert.setString(2, "Bench consumer " + i);
                insert.setString(3, hash);
                insert.addBatch();
                names.add(name);
            }
            insert.executeBatch();
        }
        return names;
    }

    private List<UUID> submit(List<String> consumers) {
        List<UUID> ids = new ArrayList<>();
        for (String consumer : consumers) {
            ids.add(requests.submit(new AccessRequests.NewRequest("orders", null, Principal.user(consumer), null,
                    "Benchmark of the grant path", 30), consumer).id());
        }
        return ids;
    }

    private static final int WAVE = 250;

    private static String roleOf(String consumer) {
        return "agora_user_" + consumer.replace('-', '_');
    }

    /** The privilege is in place a moment before the worker records it: revoke what the requester sees active. */
    private static void awaitActive(Connection watcher, UUID id) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (PreparedStatement query = watcher.prepareStatement("SELECT status FROM access_requests WHERE id = ?")) {
            query.setObject(1, id);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = query.executeQuery()) {
                    if (row.next() && row.getString(1).equals("ACTIVE")) {
                        return;
                    }
                }
                Thread.sleep(1);
            }
        }
        throw new AssertionError("request " + id + " not active after 120 s");
    }

    private static void awaitPrivilege(Connection watcher, String role, boolean held)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (PreparedStatement query = watcher.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)
                       AND has_table_privilege(?, 'lake.orders', 'SELECT')""")) {
            query.setString(1, role);
            query.setString(2, role);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1) == held) {
                        return;
                    }
                }
                Thread.sleep(1);
            }
        }
        throw new AssertionError((held ? "no privilege for " : "privilege still held by ") + role + " after 120 s");
    }

    /** For each request: from the approval's commit (history) to its grant's commit (applied_at). */
    private double[] queuedLatencies(List<UUID> ids) throws SQLException {
        double[] latencies = new double[ids.size()];
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT extract(epoch FROM g.applied_at - (
                                 SELECT (h ->> 'at')::timestamptz FROM jsonb_array_elements(r.history) h
                                  WHERE h ->> 'to' = 'APPROVED' LIMIT 1)) * 1000
                          FROM access_requests r JOIN grants g ON g.order_id = r.id
                         WHERE r.id = ?""")) {
            for (int i = 0; i < ids.size(); i++) {
                query.setObject(1, ids.get(i));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    latencies[i] = row.getDouble(1);
                }
            }
        }
        return latencies;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

}
