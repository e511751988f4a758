package dev.agora.grants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.platform.FreshTestDatabase;
import dev.agora.support.AgoraProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A worker killed with SIGKILL in the middle of applying a grant: after a restart every job ends done, exactly
 * once. The application runs as a process of its own; the grant is held in mid-air by a transaction of this spec
 * that creates the consumer's role without committing, so that the worker's own CREATE ROLE waits on it.
 */
class GrantJobsSurviveACrashIT {

    private static final String DATABASE = "agora_crash";
    private static final String PASSWORD = "crash-test-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENVIRONMENT = Map.of("AGORA_GRANT_LEASE", "PT3S",
            "AGORA_GRANT_BACKOFF", "PT1S", "AGORA_SESSION_KEY", "crash-test-session-key-0123456789");

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

    @Test
    void every_job_ends_done_exactly_once_after_a_kill_minus_nine_in_mid_grant() throws Exception {
        Path data = Path.of("target", "crash-data-" + UUID.randomUUID());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<String> consumers = List.of("crash" + suffix + "a", "crash" + suffix + "b", "crash" + suffix + "c");
        List<String> requestIds = new ArrayList<>();

        AgoraProcess first = new AgoraProcess(DATABASE, data, ENVIRONMENT).start();
        try (Connection blocker = connect()) {
            for (String consumer : consumers) {
                assertThat(first.post("/api/v1/admin/users", JSON.writeValueAsString(Map.of("username", consumer,
                        "password", PASSWORD)), "admin", "agora-demo").statusCode()).isEqualTo(201);
            }
            // hold the first consumer's role in an open transaction: the worker's CREATE ROLE will wait on it
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("CREATE ROLE \"agora_user_" + consumers.get(0) + "\" NOLOGIN");
            }
            for (String consumer : consumers) {
                HttpResponse<String> created = first.post("/api/v1/access-requests", JSON.writeValueAsString(Map.of(
                        "product", "campaigns", "justification", "Crash test of the grant worker",
                        "durationDays", 30)), consumer, PASSWORD);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                requestIds.add(JSON.readTree(created.body()).get("id").asText());
            }
            awaitJobRunning(requestIds.get(0));

            first.kill();
            blocker.rollback();
        }

        try (AgoraProcess second = new AgoraProcess(DATABASE, data, ENVIRONMENT).start()) {
            for (int i = 0; i < consumers.size(); i++) {
                String id = requestIds.get(i);
                String consumer = consumers.get(i);
                JsonNode request = awaitActive(second, id, consumer);
                assertThat(request.get("grants").get(0).get("status").asText()).isEqualTo("ACTIVE");
            }
        }

        try (Connection connection = connect()) {
            for (int i = 0; i < consumers.size(); i++) {
                UUID grantId = grantOf(connection, requestIds.get(i));
                assertThat(count(connection, "SELECT count(*) FROM grant_jobs WHERE grant_id = ? AND status = 'DONE'",
                        grantId)).as("done jobs of grant %s", grantId).isEqualTo(1);
                assertThat(count(connection, "SELECT count(*) FROM grant_jobs WHERE grant_id = ? AND status <> 'DONE'",
                        grantId)).isZero();
                assertThat(count(connection, "SELECT count(*) FROM audit_event WHERE action = 'grants.grant.applied' "
                        + "AND subject_id = ?::text", grantId)).as("applied lines of grant %s", grantId).isEqualTo(1);
                assertThat(canSelect(connection, "agora_user_" + consumers.get(i))).isTrue();
            }
        }
    }

    @Test
    void two_instances_share_the_jobs_and_each_job_is_done_once() throws Exception {
        Path data = Path.of("target", "crash-data-" + UUID.randomUUID());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        try (AgoraProcess one = new AgoraProcess(DATABASE, data.resolve("one"), ENVIRONMENT).start();
                AgoraProcess two = new AgoraProcess(DATABASE, data.resolve("two"), ENVIRONMENT).start()) {
            List<String> consumers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String consumer = "pair" + suffix + i;
                consumers.add(consumer);
                assertThat(one.post("/api/v1/admin/users", JSON.writeValueAsString(Map.of("username", consumer,
                        "password", PASSWORD)), "admin", "agora-demo").statusCode()).isEqualTo(201);
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < consumers.size(); i++) {
                AgoraProcess via = i % 2 == 0 ? one : two;
                HttpResponse<String> created = via.post("/api/v1/access-requests", JSON.writeValueAsString(Map.of(
                        "product", "campaigns", "justification", "Two workers, one job each",
                        "durationDays", 30)), consumers.get(i), PASSWORD);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                ids.add(JSON.readTree(created.body()).get("id").asText());
            }
            for (int i = 0; i < ids.size(); i++) {
                awaitActive(i % 2 == 0 ? two : one, ids.get(i), consumers.get(i));
            }
            try (Connection connection = connect()) {
                for (String id : ids) {
                    UUID grant = grantOf(connection, id);
                    assertThat(count(connection, "SELECT count(*) FROM grant_jobs WHERE grant_id = ? AND status = 'DONE'",
                            grant)).isEqualTo(1);
                    assertThat(count(connection, "SELECT count(*) FROM audit_event WHERE action = 'grants.grant.applied' "
                            + "AND subject_id = ?::text", grant)).isEqualTo(1);
                }
            }
        }
    }

    private static void awaitJobRunning(String requestId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection connection = connect()) {
            while (System.nanoTime() < deadline) {
                try (PreparedStatement query = connection.prepareStatement("""
                        SELECT count(*) FROM grant_jobs j JOIN grants g ON g.id = j.grant_id
                         WHERE g.order_id = ?::uuid AND j.status = 'RUNNING'""")) {
                    query.setString(1, requestId);
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        if (row.getLong(1) == 1) {
                            return;
                        }
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the grant job of " + requestId + " never started");
    }

    private static JsonNode awaitActive(AgoraProcess agora, String id, String consumer) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode request = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = agora.get("/api/v1/access-requests/" + id, consumer, PASSWORD);
            request = JSON.readTree(response.body());
            if ("ACTIVE".equals(request.path("status").asText())) {
                return request;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("request " + id + " did not become active: " + request);
    }

    private static UUID grantOf(Connection connection, String requestId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM grants WHERE order_id = ?::uuid")) {
            query.setString(1, requestId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    private static long count(Connection connection, String sql, UUID grantId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, grantId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static boolean canSelect(Connection connection, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT has_table_privilege(?, 'lake.campaigns', 'SELECT')")) {
            query.setString(1, role);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
