package dev.agora.grants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.LakePrivileges;
import dev.agora.grants.postgres.PostgresGrantEngine;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Access Agora took back stays taken back: a revocation that keeps failing is retried until it is done and shows
 * as "revocation overdue" in grant health; reconciliation queues again the revocation of a revoked grant whose
 * privilege is still there, with AGORA_REVOKE_UNKNOWN_GRANTS at its default (false).
 */
@QuarkusTest
class RevocationsAreNeverGivenUpSpec {

    @Inject
    AgroalDataSource database;

    @Inject
    PostgresGrantEngine engine;

    @Inject
    GrantWorker worker;

    private boolean canSelect(String role, String table) throws SQLException {
        return LakePrivileges.canSelect(database, role, table);
    }

    /** A grant being revoked on a resource no engine can reach: its revocation fails on every attempt. */
    private UUID revocationThatKeepsFailing(Instant askedAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            GrantRecord grant = new GrantRecord(UUID.randomUUID(), "none", new GrantTarget("kafka-topic",
                    "orders-" + UUID.randomUUID(), List.of(), Grantee.user("olivia"), Set.of("READ"), "sales-analytics"),
                    "olivia-principal", askedAt);
            grant.applied(askedAt);
            grant.revoking();
            grant.persist();
            new GrantJob(grant.id(), GrantJob.Action.REVOKE, askedAt).persist();
            return grant.id();
        });
    }

    private List<GrantJob> jobsOf(UUID grantId) {
        return QuarkusTransaction.requiringNew().call(() -> GrantJob.<GrantJob>list("grantId", grantId));
    }

    @Nested
    class A_revocation_that_keeps_failing {

        @Test
        void is_queued_again_rather_than_given_up() {
            UUID grant = revocationThatKeepsFailing(Instant.now());

            Eventually.within(Duration.ofSeconds(10), "an attempt made", () -> {
                worker.drain(50);
                return jobsOf(grant).get(0).attempts();
            }, attempts -> attempts >= 1);

            GrantJob job = jobsOf(grant).get(0);
            assertThat(job.status()).isEqualTo(GrantJob.Status.QUEUED);
            assertThat(job.lastError()).contains("no engine is configured for kafka-topic ports");
            assertThat(QuarkusTransaction.requiringNew().call(() ->
                    GrantRecord.<GrantRecord>findById(grant).status())).isEqualTo(GrantStatus.REVOKING);
        }

        @Test
        void shows_as_overdue_in_grant_health_after_fifteen_minutes() {
            UUID overdue = revocationThatKeepsFailing(Instant.now().minus(Duration.ofMinutes(20)));
            UUID recent = revocationThatKeepsFailing(Instant.now());
            Eventually.within(Duration.ofSeconds(10), "both attempted", () -> {
                worker.drain(50);
                return jobsOf(overdue).get(0).attempts() > 0 && jobsOf(recent).get(0).attempts() > 0;
            }, attempted -> attempted);

            JsonPath health = Api.as("admin").get("/api/v1/admin/grants/health").then().statusCode(200)
                    .extract().jsonPath();

            List<String> listed = health.getList("overdueRevocations.grantId");
            assertThat(listed).contains(overdue.toString()).doesNotContain(recent.toString());
            assertThat(health.getString("overdueRevocations.find { it.grantId == '" + overdue + "' }.error"))
                    .contains("no engine is configured");
        }
    }

    @Nested
    class A_revoked_grant_whose_privilege_is_still_there {

        @Test
        void gets_its_revocation_queued_again_by_reconciliation_and_is_taken_back() throws SQLException {
            String role = engine.resolve(Grantee.user("left." + UUID.randomUUID().toString().substring(0, 8)))
                    .grantee();
            // the privilege outlived the revocation (a revoke lost, or granted again behind Agora's back)
            assertThat(engine.grant(new GrantSpec("postgres-table", "lake.campaigns", List.of(), role,
                    Set.of("READ")))).isInstanceOf(GrantOutcome.Applied.class);
            UUID grantId = QuarkusTransaction.requiringNew().call(() -> {
                Instant then = Instant.now().minus(Duration.ofHours(1));
                GrantRecord grant = new GrantRecord(UUID.randomUUID(), "postgres", new GrantTarget("postgres-table",
                        "lake.campaigns", List.of(), Grantee.user("left"), Set.of("READ"), "marketing-insights"), role, then);
                grant.applied(then);
                grant.revoking();
                grant.revoked(then);
                grant.persist();
                return grant.id();
            });

            JsonPath report = Api.as("admin").post("/api/v1/admin/grants/reconcile").then().statusCode(200)
                    .extract().jsonPath();

            assertThat(report.getList("findings.findAll { it.grantee == '" + role + "' }.kind"))
                    .containsExactly("NOT_REVOKED");
            assertThat(report.getList("findings.findAll { it.grantee == '" + role + "' }.action"))
                    .containsExactly("revocation re-queued");
            assertThat(report.getInt("notRevoked")).isGreaterThanOrEqualTo(1);
            // The background worker may be between taking the privilege back and recording it: wait for both.
            Eventually.within(Duration.ofSeconds(10), "the privilege taken back and the grant revoked", () -> {
                worker.drain(50);
                try {
                    return !canSelect(role, "lake.campaigns") && QuarkusTransaction.requiringNew().call(() ->
                            GrantRecord.<GrantRecord>findById(grantId).status()) == GrantStatus.REVOKED;
                } catch (SQLException e) {
                    return false;
                }
            }, done -> done);
            assertThat(canSelect(role, "lake.campaigns")).isFalse();
        }
    }
}
