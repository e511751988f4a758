package dev.agora.grants;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the grants stand: what is active per engine, what failed and why, what the last reconciliation found. */
@ApplicationScoped
public class GrantHealth {

    /** The whole picture. */
    public record Health(Map<String, Long> activeByEngine, Map<String, Long> byStatus, List<FailedJob> failedJobs,
            Optional<LastRun> lastReconciliation) {}

    /** A job that gave up, with the engine's error. */
    public record FailedJob(String jobId, String orderId, String engine, String action, String resource,
            String grantee, int attempts, String error, Instant finishedAt) {}

    /** The last reconciliation and its findings. */
    public record LastRun(String id, Instant startedAt, Instant finishedAt, String actor, int checked, int missing,
            int healed, int extra, int revoked, List<Reconciler.Finding> drift, List<String> errors) {}

    public Health health() {
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
        List<FailedJob> failed = GrantJob.<GrantJob>find("status = ?1 order by finishedAt desc", GrantJob.Status.FAILED)
                .page(0, 50).list().stream()
                .map(job -> {
                    GrantRecord grant = GrantRecord.findById(job.grantId());
                    return new FailedJob(job.id().toString(), grant.orderId().toString(), grant.engine(),
                            job.action().name(), grant.resourceType() + ":" + grant.location(), grant.grantee(),
                            job.attempts(), job.lastError(), job.finishedAt());
                })
                .toList();
        Optional<LastRun> last = ReconciliationRun.<ReconciliationRun>find("order by startedAt desc")
                .firstResultOptional()
                .map(run -> new LastRun(run.id().toString(), run.startedAt(), run.finishedAt(), run.actor(),
                        run.checked(), run.missing(), run.healed(), run.extra(), run.revoked(),
                        Drift.<Drift>list("runId = ?1 order by kind, resource", run.id()).stream()
                                .map(d -> new Reconciler.Finding(d.engine(), d.kind(), d.grantee(), d.resource(),
                                        d.permission(), d.action()))
                                .toList(), run.errors()));
        return new Health(active, byStatus, failed, last);
    }
}
