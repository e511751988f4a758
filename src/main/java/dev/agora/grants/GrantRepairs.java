package dev.agora.grants;

import dev.agora.audit.ChangeJournal;
import dev.agora.platform.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an administrator does from grant health: <b>retry</b> a job that gave up, <b>heal</b> a grant that
 * reconciliation found missing (apply it again), <b>revoke</b> a privilege that should not be there (one Agora never
 * approved, or one it took back that is still in place). Each is audited, and safe to repeat: a finding is settled
 * once (its row is locked while it is), a retry or heal never queues a second job beside a waiting one.
 */
@ApplicationScoped
public class GrantRepairs {

    /** What came of a repair: the grant (when it concerns one) and what was done, in words. */
    public record Repair(String subject, UUID grantId, String outcome, boolean alreadyDone) {}

    private final GrantEngines engines;
    private final ChangeJournal journal;
    private final GrantAdministrators administrators;
    private final Event<GrantJobs.Queued> queued;
    private final Clock clock;

    GrantRepairs(GrantEngines engines, ChangeJournal journal, GrantAdministrators administrators,
            Event<GrantJobs.Queued> queued, Clock clock) {
        this.engines = engines;
        this.journal = journal;
        this.administrators = administrators;
        this.queued = queued;
        this.clock = clock;
    }

    /**
     * Queues a failed job again with a fresh set of attempts. A failed grant is applied again (when it is, the
     * access request it belongs to becomes active, as after any grant); a failed revocation is queued again.
     */
    @Transactional
    public Repair retry(UUID jobId, String actor) {
        administrators.require(actor);
        GrantJob job = GrantJob.<GrantJob>findByIdOptional(jobId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Refusal.notFound("There is no grant job " + jobId + "."));
        GrantRecord grant = GrantRecord.<GrantRecord>findByIdOptional(job.grantId(), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Refusal.notFound("The grant of job " + jobId + " is gone."));
        if (job.status() != GrantJob.Status.FAILED) {
            throw Refusal.conflict("Job " + jobId + " has not failed (it is " + job.status() + "); only a failed job "
                    + "is retried.");
        }
        if (waitingJob(grant.id(), job.action())) {
            return new Repair("job " + jobId, grant.id(), "already queued again", true);
        }
        Instant now = clock.instant();
        if (job.action() == GrantJob.Action.GRANT) {
            if (grant.status() != GrantStatus.FAILED) {
                // revoked (or applied by a later job) since: applying it again would give access nobody wants now
                throw Refusal.conflict("The grant is " + grant.status() + " now, not failed: it is not applied again.");
            }
            grant.retrying(grant.lastError());
            grant.pending();
        } else {
            grant.revoking();
        }
        new GrantJob(grant.id(), job.action(), now).persist();
        Map<String, Object> details = GrantJobs.details(grant);
        details.put("job", jobId.toString());
        details.put("error", job.lastError() == null ? "" : job.lastError());
        journal.record(actor, job.action() == GrantJob.Action.GRANT ? "grants.grant.retried" : "grants.revoke.retried",
                "grant", grant.id().toString(), details);
        queued.fire(new GrantJobs.Queued());
        return new Repair("job " + jobId, grant.id(), job.action() == GrantJob.Action.GRANT
                ? "grant queued again" : "revocation queued again", false);
    }

    /** Applies again a grant that reconciliation found missing from its engine. */
    @Transactional
    public Repair heal(UUID driftId, String actor) {
        administrators.require(actor);
        Drift drift = lockedDrift(driftId);
        if (drift.resolution() == Drift.Resolution.HEALED) {
            return new Repair("drift " + driftId, drift.grantId(), drift.resolutionNote(), true);
        }
        settledOtherwise(drift);
        if (drift.kind() != Drift.Kind.MISSING || drift.grantId() == null) {
            throw Refusal.conflict("Only a missing grant is healed; this finding is " + drift.kind()
                    + " (a privilege that should not be there): revoke it instead.");
        }
        GrantRecord grant = GrantRecord.<GrantRecord>findByIdOptional(drift.grantId(), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Refusal.notFound("The grant of this finding is gone."));
        if (grant.status() != GrantStatus.ACTIVE) {
            throw Refusal.conflict("The grant is " + grant.status() + " now, no longer active: it is not applied "
                    + "again.");
        }
        String note;
        if (waitingJob(grant.id(), GrantJob.Action.GRANT)) {
            note = "a job to apply it was already waiting";
        } else {
            new GrantJob(grant.id(), GrantJob.Action.GRANT, clock.instant()).persist();
            queued.fire(new GrantJobs.Queued());
            note = "queued to be applied again";
        }
        drift.resolved(Drift.Resolution.HEALED, note, actor, clock.instant());
        journal.record(actor, "grants.drift.healed", "grant", grant.id().toString(), details(drift, note));
        return new Repair("drift " + driftId, grant.id(), note, false);
    }

    /**
     * Takes away a privilege that should not be there: one Agora never approved on a resource it manages is
     * revoked in the engine now; one Agora took back that is still in place gets its revocation queued again.
     * The engine is called outside any transaction of Agora's (as the worker and the reconciler call it: the lake
     * may be reached through the same pool), and the finding settled afterwards; two admins revoking at once both
     * ask the engine, which is idempotent, and one of them records it.
     */
    public Repair revoke(UUID driftId, String actor) {
        administrators.require(actor);
        Drift found = QuarkusTransaction.requiringNew().call(() -> {
            Drift drift = lockedDrift(driftId);
            if (drift.resolution() == null && drift.kind() == Drift.Kind.MISSING) {
                throw Refusal.conflict("This grant is approved and missing from the engine: heal it, or revoke the "
                        + "access request it belongs to.");
            }
            return drift;
        });
        if (found.resolution() == Drift.Resolution.REVOKED) {
            return new Repair("drift " + driftId, found.grantId(), found.resolutionNote(), true);
        }
        settledOtherwise(found);
        String revokedNow = found.kind() == Drift.Kind.EXTRA ? revokeUnknown(found) : null;
        return QuarkusTransaction.requiringNew().call(() -> {
            Drift drift = lockedDrift(driftId);
            if (drift.resolution() == Drift.Resolution.REVOKED) {
                return new Repair("drift " + driftId, drift.grantId(), drift.resolutionNote(), true);
            }
            settledOtherwise(drift);
            String note = revokedNow != null ? revokedNow : requeueRevocation(drift);
            drift.resolved(Drift.Resolution.REVOKED, note, actor, clock.instant());
            journal.record(actor, "grants.drift.revoked", drift.grantId() == null ? "drift" : "grant",
                    drift.grantId() == null ? drift.id().toString() : drift.grantId().toString(), details(drift, note));
            return new Repair("drift " + driftId, drift.grantId(), note, false);
        });
    }

    private String requeueRevocation(Drift drift) {
        GrantRecord grant = GrantRecord.<GrantRecord>findByIdOptional(drift.grantId(), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Refusal.notFound("The grant of this finding is gone."));
        if (waitingJob(grant.id(), GrantJob.Action.REVOKE)) {
            return "a revocation was already waiting";
        }
        grant.revoking();
        new GrantJob(grant.id(), GrantJob.Action.REVOKE, clock.instant()).persist();
        queued.fire(new GrantJobs.Queued());
        return "revocation queued again";
    }

    private String revokeUnknown(Drift drift) {
        if (drift.location() == null) {
            throw Refusal.conflict("This finding comes from a reconciliation of an earlier version, which did not "
                    + "keep the exact privilege: reconcile again and revoke the new finding.");
        }
        GrantEngine engine = engines.named(drift.engine())
                .orElseThrow(() -> Refusal.conflict("The engine " + drift.engine() + " is not configured any more."));
        GrantOutcome outcome = engine.revoke(new GrantSpec(Reconciler.resourceTypeOf(engine), drift.location(),
                drift.column() == null ? List.of() : List.of(drift.column()), drift.grantee(), Set.of("READ")));
        if (outcome instanceof GrantOutcome.Applied) {
            return "revoked in " + engine.name();
        }
        if (outcome instanceof GrantOutcome.AlreadyInPlace || outcome instanceof GrantOutcome.Superseded) {
            return "already gone from " + engine.name();
        }
        if (outcome instanceof GrantOutcome.RetryLater later) {
            throw Refusal.conflict(engine.name() + " cannot revoke it now (" + later.reason()
                    + "); try again in a moment.");
        }
        throw Refusal.conflict(engine.name() + " refused to revoke it: " + ((GrantOutcome.Failed) outcome).reason());
    }

    private static Drift lockedDrift(UUID driftId) {
        return Drift.<Drift>findByIdOptional(driftId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Refusal.notFound("There is no drift finding " + driftId + "."));
    }

    private static void settledOtherwise(Drift drift) {
        if (drift.resolution() != null) {
            throw Refusal.conflict("This finding was already settled: " + drift.resolution() + " by "
                    + drift.resolvedBy() + " (" + drift.resolutionNote() + ").");
        }
    }

    private static boolean waitingJob(UUID grantId, GrantJob.Action action) {
        return GrantJob.count("grantId = ?1 and action = ?2 and status in ?3", grantId, action,
                List.of(GrantJob.Status.QUEUED, GrantJob.Status.RUNNING)) > 0;
    }

    private static Map<String, Object> details(Drift drift, String note) {
        Map<String, Object> details = new LinkedHashMap<>();
        drift.grantIdOptional().flatMap(id -> GrantRecord.<GrantRecord>findByIdOptional(id))
                .flatMap(GrantRecord::product).ifPresent(product -> details.put("product", product));
        details.put("drift", drift.id().toString());
        details.put("run", drift.runId().toString());
        details.put("engine", drift.engine());
        details.put("kind", drift.kind().name());
        details.put("grantee", drift.grantee());
        details.put("resource", drift.resource());
        details.put("outcome", note);
        return details;
    }
}
