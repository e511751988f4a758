package dev.agora.grants;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How the grants stand: what is active per engine, what failed and why, which revocations are overdue, what the
 * last reconciliation found.
 */
@ApplicationScoped
public class GrantHealth {

    /** The whole picture. */
    public record Health(Map<String, Long> activeByEngine, Map<String, Long> byStatus, List<FailedJob> failedJobs,
            List<OverdueRevocation> overdueRevocations, Optional<LastRun> lastReconciliation) {}

    /**
     * "Revocation overdue": access that should be gone and is still being taken back after
     * {@code AGORA_REVOKE_OVERDUE_AFTER}, with the engine's last error. It is retried until done.
     */
    public record OverdueRevocation(String grantId, String orderId, String engine, String resource, String grantee,
            int attempts, String error, Instant revokeQueuedAt, Instant nextAttemptAt) {}

    /** A job that gave up, with the engine's error. */
    public record FailedJob(String jobId, String orderId, String engine, String action, String resource,
            String grantee, int attempts, String error, Instant finishedAt) {}

    /** The last reconciliation and its findings. */
    public record LastRun(String id, Instant startedAt, Instant finishedAt, String actor, int checked, int missing,
            int healed, int extra, int revoked, List<DriftLine> drift, List<String> errors) {}

    /**
     * A finding of the last reconciliation, with what an administrator may still do about it ({@code actions}:
     * HEAL for a missing grant, REVOKE for a privilege that should not be there, none once settled) and what was done.
     */
    public record DriftLine(String id, String engine, Drift.Kind kind, String grantee, String resource,
            String permission, String action, UUID grantId, List<String> actions, Drift.Resolution resolution,
            String resolutionNote, String resolvedBy, Instant resolvedAt) {

        static DriftLine of(Drift drift) {
            List<String> actions = drift.resolution() != null ? List.of()
                    : drift.kind() == Drift.Kind.MISSING ? List.of("HEAL") : List.of("REVOKE");
            return new DriftLine(drift.id().toString(), drift.engine(), drift.kind(), drift.grantee(),
                    drift.resource(), drift.permission(), drift.action(), drift.grantId(), actions,
                    drift.resolution(), drift.resolutionNote(), drift.resolvedBy(), drift.resolvedAt());
        }
    }

    private final Clock clock;
    private final Duration overdueAfter;
    private final GrantAdministrators administrators;

    GrantHealth(Clock clock, GrantsConfig config, GrantAdministrators administrators) {
        this.clock = clock;
        this.overdueAfter = config.revokeOverdueAfter();
        this.administrators = administrators;
    }

    /** The whole picture, for administrators. */
    public Health health(String actor) {
        administrators.require(actor);
        Map<String, Long> active = new LinkedHashMap<>();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        var entities = GrantRecord.getEntityManager();
        for (Object[] row : entities.createQuery("select g.engine, count(g) from GrantRecord g where g.status = :active "
                + "group by g.engine order by g.engine", Object[].class)
                .setParameter("active", GrantStatus.ACTIVE).getResultList()) {
            active.put((String) row[0], (Long) row[1]);
        }
        for (Object[] row : entities.createQuery("select g.status, count(g) from GrantRecord g group by g.status "
                + "order by g.status", Object[].class).getResultList()) {
            byStatus.put(((GrantStatus) row[0]).name(), (Long) row[1]);
        }
        // a failed job that was retried since (a later job for the same grant) needs nobody's attention any more
        List<FailedJob> failed = GrantJob.<GrantJob>find("select j from GrantJob j where j.status = ?1 and not exists "
                        + "(select 1 from GrantJob later where later.grantId = j.grantId and later.createdAt > j.createdAt) "
                        + "order by j.finishedAt desc",
                        GrantJob.Status.FAILED)
                .page(0, 50).list().stream()
                .map(job -> {
                    GrantRecord grant = GrantRecord.findById(job.grantId());
                    return new FailedJob(job.id().toString(), grant.orderId().toString(), grant.engine(),
                            job.action().name(), grant.resourceType() + ":" + grant.location(), grant.grantee(),
                            job.attempts(), job.lastError(), job.finishedAt());
                })
                .toList();
        Instant overdueSince = clock.instant().minus(overdueAfter);
        List<OverdueRevocation> overdue = GrantJob.<GrantJob>find("action = ?1 and status in ?2 and createdAt <= ?3 "
                        + "order by createdAt", GrantJob.Action.REVOKE,
                        List.of(GrantJob.Status.QUEUED, GrantJob.Status.RUNNING), overdueSince)
                .page(0, 50).list().stream()
                .map(job -> {
                    GrantRecord grant = GrantRecord.findById(job.grantId());
                    return new OverdueRevocation(grant.id().toString(), grant.orderId().toString(), grant.engine(),
                            grant.resourceType() + ":" + grant.location(), grant.grantee(), job.attempts(),
                            job.lastError(), job.createdAt(), job.nextAttemptAt());
                })
                .toList();
        Optional<LastRun> last = ReconciliationRun.<ReconciliationRun>find("order by startedAt desc")
                .firstResultOptional()
                .map(run -> new LastRun(run.id().toString(), run.startedAt(), run.finishedAt(), run.actor(),
                        run.checked(), run.missing(), run.healed(), run.extra(), run.revoked(),
                        Drift.<Drift>list("runId = ?1 order by kind, resource, grantee", run.id()).stream()
                                .map(DriftLine::of)
                                .toList(), run.errors()));
        return new Health(active, byStatus, failed, overdue, last);
    }
}
