package dev.agora.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.platform.FreshTestDatabase;
import dev.agora.support.AgoraProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application killed with SIGKILL after a change committed and before its event was published: after a restart
 * the event is published. The relay is held between the two by this spec, which locks the delivery table in an open
 * transaction, so that the relay's claim of the committed event waits on it (holding the publisher's turn); then the
 * process is killed. And two instances relaying one database at once publish each event of an aggregate once, in
 * order.
 */
class EventsSurviveACrashIT {

    private static final String DATABASE = "agora_events_crash";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENVIRONMENT = Map.of("AGORA_EVENTS_LEASE", "PT3S",
            "AGORA_SESSION_KEY", "events-crash-session-key-0123456789");

    @BeforeAll
    static void freshDatabase() {
        FreshTestDatabase.recreate(DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        FreshTestDatabase.drop(DATABASE);
    }

    private static Connection connect() throws SQLException {
        return FreshTestDatabase.connect(DATABASE);
    }

    private static long count(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void await(String what, Duration within, Check check) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        try (Connection connection = connect()) {
            while (System.nanoTime() < deadline) {
                if (check.holds(connection)) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
    }

    interface Check {
        boolean holds(Connection connection) throws SQLException;
    }

    private static final String USER_EVENT = "SELECT count(*) FROM outbox WHERE event_type = "
            + "'agora.identity.user.created' AND aggregate_id = ?";

    @Test
    void an_event_committed_but_not_yet_published_is_published_after_a_kill_minus_nine_and_a_restart()
            throws Exception {
        Path data = Path.of("target", "events-crash-data-" + UUID.randomUUID());
        String username = "crash" + UUID.randomUUID().toString().substring(0, 6);

        AgoraProcess first = new AgoraProcess(DATABASE, data, ENVIRONMENT).start();
        await("the demo data's events published", Duration.ofSeconds(60),
                connection -> count(connection, "SELECT count(*) FROM outbox WHERE published_at IS NULL", null) == 0);
        try (Connection blocker = connect()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("LOCK TABLE outbox_deliveries IN ACCESS EXCLUSIVE MODE");
            }
            assertThat(first.post("/api/v1/admin/users", JSON.writeValueAsString(Map.of("username", username,
                    "password", "crash-test-secret")), "admin", "agora-demo").statusCode()).isEqualTo(201);
            await("the relay's claim of the new event waiting", Duration.ofSeconds(30), connection -> count(connection,
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock' "
                            + "AND query LIKE 'WITH head AS%'", DATABASE) >= 1);
            try (Connection look = connect()) {
                assertThat(count(look, USER_EVENT + " AND published_at IS NULL", username)).isEqualTo(1);
            }

            first.kill();
            blocker.rollback();
        }

        try (AgoraProcess second = new AgoraProcess(DATABASE, data, ENVIRONMENT).start()) {
            await("the event published after the restart", Duration.ofSeconds(60),
                    connection -> count(connection, USER_EVENT + " AND published_at IS NOT NULL", username) == 1);
        }
        try (Connection connection = connect()) {
            assertThat(count(connection, USER_EVENT + " AND published_to = '{in-process}'", username)).isEqualTo(1);
            assertThat(count(connection, "SELECT count(*) FROM outbox_deliveries", null)).isZero();
        }
    }

    @Test
    void two_instances_relaying_at_once_publish_each_event_of_an_aggregate_once_and_in_order() throws Exception {
        Path data = Path.of("target", "events-pair-data-" + UUID.randomUUID());
        String marker = UUID.randomUUID().toString().substring(0, 6);
        long before;
        long after;
        long lastPosition;
        try (AgoraProcess one = new AgoraProcess(DATABASE, data.resolve("one"), ENVIRONMENT).start();
                AgoraProcess two = new AgoraProcess(DATABASE, data.resolve("two"), ENVIRONMENT).start()) {
            await("nothing left to publish", Duration.ofSeconds(60),
                    connection -> count(connection, "SELECT count(*) FROM outbox WHERE published_at IS NULL", null) == 0);
            try (Connection connection = connect()) {
                lastPosition = count(connection, "SELECT coalesce(max(position), 0) FROM outbox", null);
            }
            before = published(one) + published(two);
            for (int i = 0; i < 40; i++) {
                AgoraProcess via = i % 2 == 0 ? one : two;
                String arn = "arn:aws:iam::123456789012:role/pair-" + marker + "-" + i;
                assertThat(via.put("/api/v1/admin/teams/sales-analytics", JSON.writeValueAsString(
                        Map.of("awsPrincipalArn", arn)), "admin", "agora-demo").statusCode()).isEqualTo(200);
            }
            await("all forty published", Duration.ofSeconds(60), connection -> count(connection,
                    "SELECT count(*) FROM outbox WHERE aggregate_id = 'sales-analytics' AND published_at IS NOT NULL "
                            + "AND payload->>'after' LIKE ?", "%pair-" + marker + "-%") == 40);
            await("nothing left to publish", Duration.ofSeconds(60),
                    connection -> count(connection, "SELECT count(*) FROM outbox WHERE published_at IS NULL", null) == 0);
            after = published(one) + published(two);
        }
        try (Connection connection = connect()) {
            // once: the two instances together published as many events as were appended meanwhile
            assertThat(after - before).as("events published by both instances").isEqualTo(count(connection,
                    "SELECT count(*) FROM outbox WHERE position > " + lastPosition, null));
        }
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement("""
                SELECT o.payload->>'after', o.published_to, o.published_at
                  FROM outbox o
                 WHERE o.aggregate_id = 'sales-analytics' AND o.payload->>'after' LIKE ?
                 ORDER BY o.position""")) {
            query.setString(1, "%pair-" + marker + "-%");
            try (ResultSet rows = query.executeQuery()) {
                java.sql.Timestamp previous = null;
                int n = 0;
                while (rows.next()) {
                    assertThat(rows.getString(1)).endsWith("-" + n);
                    assertThat(rows.getString(2)).isEqualTo("{in-process}");
                    java.sql.Timestamp at = rows.getTimestamp(3);
                    if (previous != null) {
                        assertThat(at).as("event %d published after event %d", n, n - 1).isAfterOrEqualTo(previous);
                    }
                    previous = at;
                    n++;
                }
                assertThat(n).isEqualTo(40);
            }
        }
    }

    /** The instance's count of events it published in-process, from its /q/metrics. */
    private static long published(AgoraProcess instance) throws Exception {
        String metrics = instance.get("/q/metrics", "admin", "agora-demo").body();
        java.util.regex.Matcher line = java.util.regex.Pattern
                .compile("(?m)^agora_events_published_total\\{[^}]*publisher=\"in-process\"[^}]*} ([0-9.eE+]+)$")
                .matcher(metrics);
        return line.find() ? (long) Double.parseDouble(line.group(1)) : 0;
    }
}
