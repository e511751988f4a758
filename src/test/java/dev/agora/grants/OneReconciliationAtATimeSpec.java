package dev.agora.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.agora.support.Api;
import dev.agora.support.Eventually;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reconciliation runs on one instance at a time: a run that finds another under way skips (or is refused). */
@QuarkusTest
class OneReconciliationAtATimeSpec {

    @Inject
    AgroalDataSource database;

    @Inject
    Reconciler reconciler;

    private boolean lockHeld() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT count(*) FROM pg_locks
                         WHERE locktype = 'advisory' AND granted
                           AND ((classid::bigint << 32) | objid::bigint) = hashtextextended('agora.grants.reconciliation', 0)""")) {
            row.next();
            return row.getLong(1) > 0;
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @Nested
    class While_a_run_is_under_way {

        @Test
        void a_second_concurrent_run_skips_and_the_first_completes() throws Exception {
            CompletableFuture<Optional<Reconciler.Report>> first;
            try (Connection holder = database.getConnection(); Statement statement = holder.createStatement()) {
                // keeps the first run inside its lock: it cannot record its findings until this ends
                holder.setAutoCommit(false);
                statement.execute("LOCK TABLE reconciliation_runs IN EXCLUSIVE MODE");
                first = CompletableFuture.supplyAsync(() -> reconciler.reconcileUnlessRunning("spec:first"));
                Eventually.within(Duration.ofSeconds(20), "the first run under way", () -> lockHeld(), held -> held);

                assertThat(reconciler.reconcileUnlessRunning("spec:second")).isEmpty();
                Api.as("admin").post("/api/v1/admin/grants/reconcile").then().statusCode(409)
                        .body("detail", containsString("already running"));
                holder.rollback();
            }
            assertThat(first.get()).isPresent();
            assertThat(lockHeld()).isFalse();
        }
    }

    @Nested
    class Once_no_run_is_under_way {

        @Test
        void a_run_goes_ahead() {
            assertThat(reconciler.reconcileUnlessRunning("spec:alone")).isPresent();
            Api.as("admin").post("/api/v1/admin/grants/reconcile").then().statusCode(200);
        }
    }
}
