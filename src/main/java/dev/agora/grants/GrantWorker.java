package dev.agora.grants;

import dev.agora.audit.ChangeJournal;
import dev.agora.identity.DataLocations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Applies grant jobs. A job is claimed in a short transaction (FOR UPDATE SKIP LOCKED, so several instances share
 * the work) and leased to this worker; the engine is called outside any transaction (no database lock is held
 * during a remote call); the outcome is recorded in a second transaction. A worker that dies mid-job loses its
 * lease and another worker runs the job again; engines are idempotent, so the job still ends done once.
 */
@ApplicationScoped
public class GrantWorker {

    public static final String ACTOR = "system:grants";
    private static final Logger LOG = Logger.getLogger(GrantWorker.class);

    private static final String CLAIM = """
            SELECT j.id FROM grant_jobs j
             WHERE ((j.status = 'QUEUED' AND j.next_attempt_at <= :now)
                    OR (j.status = 'RUNNING' AND j.lease_until < :now))
               AND NOT EXISTS (SELECT 1 FROM grant_jobs other
                                WHERE other.grant_id = j.grant_id AND other.id <> j.id
                                  AND other.status = 'RUNNING' AND other.lease_until >= :now)
             ORDER BY j.created_at
             LIMIT 1
               FOR UPDATE SKIP LOCKED""";

    /**
     * A job this worker holds, with what it needs to run it outside a transaction. For a revocation: the other
     * active grants to the same grantee on the same resource, whose privileges must survive it.
     */
    record Claimed(UUID jobId, GrantJob.Action action, UUID grantId, String engine, String resourceType,
            GrantSpec spec, Grantee principal, GrantStatus grantStatus, List<GrantSpec> stillNeeded,
            Optional<String> notOwned) {}

    private final EntityManager entities;
    private final GrantEngines engines;
    private final DataLocations locations;
    private final ChangeJournal journal;
    private final Event<GrantOrderSettled> settled;
    private final Clock clock;
    private final RetryPolicy retries;
    private final Duration lease;
    private final String workerId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final AtomicBoolean drainWanted = new AtomicBoolean();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "grant-worker");
        thread.setDaemon(true);
        return thread;
    });

    GrantWorker(EntityManager entities, GrantEngines engines, DataLocations locations, ChangeJournal journal,
            Event<GrantOrderSettled> settled, Clock clock, GrantsConfig config) {
        this.entities = entities;
        this.engines = engines;
        this.locations = locations;
        this.journal = journal;
        this.settled = settled;
        this.clock = clock;
        this.retries = RetryPolicy.of(config);
        this.lease = config.lease();
    }

    @Scheduled(every = "${agora.grants.worker-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${agora.grants.worker-interval:1s}")
    void scheduled() {
        drainQuietly();
    }

    /** Jobs were queued and committed: run them now rather than at the next tick. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) GrantJobs.Queued queued) {
        if (drainWanted.compareAndSet(false, true)) {
            nudges.execute(() -> {
                drainWanted.set(false);
                drainQuietly();
            });
        }
    }

    private void drainQuietly() {
        try {
            drain(200);
        } catch (RuntimeException failed) {
            LOG.warnf("Grant jobs could not be run now (will retry): %s", failed.getMessage());
        }
    }

    /** Runs due jobs until none is left (or {@code max} have run); tells how many ran. */
    public int drain(int max) {
        int ran = 0;
        while (ran < max) {
            Optional<Claimed> claimed = claim();
            if (claimed.isEmpty()) {
                break;
            }
            run(claimed.get());
            ran++;
        }
        return ran;
    }

    Optional<Claimed> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<UUID> ids = entities.createNativeQuery(CLAIM, UUID.class).setParameter("now", now).getResultList();
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            GrantJob job = entities.find(GrantJob.class, ids.get(0));
            GrantRecord grant = entities.find(GrantRecord.class, job.grantId());
            job.claim(workerId, now.plus(lease));
            List<GrantSpec> stillNeeded = job.action() == GrantJob.Action.REVOKE && grant.grantee() != null
                    ? GrantRecord.<GrantRecord>list("engine = ?1 and grantee = ?2 and location = ?3 and status = ?4 "
                            + "and id <> ?5", grant.engine(), grant.grantee(), grant.location(), GrantStatus.ACTIVE,
                            grant.id()).stream().map(GrantRecord::spec).toList()
                    : List.of();
            Optional<String> notOwned = job.action() == GrantJob.Action.GRANT ? notOwned(grant) : Optional.empty();
            return Optional.of(new Claimed(job.id(), job.action(), grant.id(), grant.engine(), grant.resourceType(),
                    grant.spec(), grant.principal(), grant.status(), stillNeeded, notOwned));
        });
    }

    /**
     * Why the grant may no longer be applied, if so: its location is no longer registered to the product's owner
     * team (or is data Agora never grants). Revocations are never held back by this.
     */
    private Optional<String> notOwned(GrantRecord grant) {
        if (grant.ownerTeam() == null) {
            return Optional.of(grant.location() + " names no owner team (a grant older than data locations); "
                    + "request the access again");
        }
        Optional<String> never = locations.neverGrantable(grant.resourceType(), grant.location());
        if (never.isPresent()) {
            return never;
        }
        return locations.portProblem(grant.resourceType(), grant.location(), grant.ownerTeam())
                .map(problem -> grant.location() + " is no longer registered to team " + grant.ownerTeam());
    }

    void run(Claimed job) {
        GrantOutcome outcome = execute(job);
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> record(job, outcome));
                return;
            } catch (RuntimeException conflict) {
                // a decision on the same request (a revoke, say) committed meanwhile: record again against it
                // now rather than leave the job leased until its lease runs out
                if (attempt >= RECORD_ATTEMPTS || !isTransactionConflict(conflict)) {
                    throw conflict;
                }
                LOG.debugf("Recording job %s met a concurrent change (%s); recording again.", job.jobId(),
                        conflict.getMessage());
            }
        }
    }

    private static final int RECORD_ATTEMPTS = 3;

    /** Deadlock, serialization failure or a lost optimistic lock: the transaction may simply be run again. */
    private static boolean isTransactionConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** A grant job whose access is being (or has been) taken back has nothing left to do: the revoke job rules. */
    private static boolean overtakenByRevocation(GrantJob.Action action, GrantStatus grantStatus) {
        return action == GrantJob.Action.GRANT
                && (grantStatus == GrantStatus.REVOKING || grantStatus == GrantStatus.REVOKED);
    }

    private GrantOutcome execute(Claimed job) {
        if (overtakenByRevocation(job.action(), job.grantStatus())) {
            return new GrantOutcome.Superseded();
        }
        Optional<GrantEngine> engine = engines.named(job.engine()).or(() -> engines.forResource(job.resourceType()));
        if (engine.isEmpty()) {
            return new GrantOutcome.Failed(GrantEngines.noEngineFor(job.resourceType()));
        }
        if (job.notOwned().isPresent()) {
            return new GrantOutcome.Failed(job.notOwned().get());
        }
        GrantSpec spec = job.spec();
        if (spec.grantee() == null && job.action() == GrantJob.Action.REVOKE) {
            // never resolved, so never granted: nothing to take back
            return GrantOutcome.alreadyInPlace();
        }
        if (spec.grantee() == null) {
            GrantEngine.GranteeResolution resolution = engine.get().resolve(job.principal());
            if (!resolution.resolved()) {
                return new GrantOutcome.Failed(resolution.problem());
            }
            spec = new GrantSpec(spec.resourceType(), spec.location(), spec.columns(), resolution.grantee(),
                    spec.permissions());
        }
        try {
            return job.action() == GrantJob.Action.GRANT ? engine.get().grant(spec)
                    : revokeKeeping(engine.get(), spec, job.stillNeeded());
        } catch (RuntimeException unexpected) {
            LOG.warnf(unexpected, "Engine %s failed on job %s", engine.get().name(), job.jobId());
            return new GrantOutcome.RetryLater(unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage());
        }
    }

    /**
     * Takes back what this grant gave and no other active grant still needs: privileges are not counted by the
     * engines, so two requests for the same table must not cancel each other out.
     */
    private static GrantOutcome revokeKeeping(GrantEngine engine, GrantSpec spec, List<GrantSpec> stillNeeded) {
        if (stillNeeded.stream().anyMatch(GrantSpec::wholeResource)) {
            return GrantOutcome.alreadyInPlace();
        }
        java.util.Set<String> neededColumns = new java.util.HashSet<>();
        stillNeeded.forEach(other -> neededColumns.addAll(other.columns()));
        if (spec.wholeResource()) {
            GrantOutcome revoked = engine.revoke(spec);
            // revoking the table takes its column privileges too: give back those still needed
            for (GrantSpec other : stillNeeded) {
                GrantOutcome restored = engine.grant(other);
                if (!(restored instanceof GrantOutcome.Applied || restored instanceof GrantOutcome.AlreadyInPlace)) {
                    return restored;
                }
            }
            return revoked;
        }
        List<String> columns = spec.columns().stream().filter(column -> !neededColumns.contains(column)).toList();
        if (columns.isEmpty()) {
            return GrantOutcome.alreadyInPlace();
        }
        return engine.revoke(new GrantSpec(spec.resourceType(), spec.location(), columns, spec.grantee(),
                spec.permissions()));
    }

    private void record(Claimed claimed, GrantOutcome outcome) {
        Instant now = clock.instant();
        GrantJob job = entities.find(GrantJob.class, claimed.jobId(), LockModeType.PESSIMISTIC_WRITE);
        if (job.status() != GrantJob.Status.RUNNING || !workerId.equals(job.claimedBy())) {
            LOG.infof("Job %s was taken over by another worker; its outcome there counts.", job.id());
            return;
        }
        GrantRecord grant = entities.find(GrantRecord.class, claimed.grantId(), LockModeType.PESSIMISTIC_WRITE);
        if (outcome instanceof GrantOutcome.Superseded || overtakenByRevocation(claimed.action(), grant.status())) {
            // the access was taken back while this job ran: the revoke job queued with it undoes what was done
            job.superseded(now);
            return;
        }
        boolean grantAction = job.action() == GrantJob.Action.GRANT;
        if (outcome instanceof GrantOutcome.Applied || outcome instanceof GrantOutcome.AlreadyInPlace) {
            job.done(outcome instanceof GrantOutcome.Applied ? "applied" : "already in place", now);
            if (grantAction) {
                grantResolved(grant, claimed);
                grant.applied(now);
            } else {
                grant.revoked(now);
            }
            journal.record(ACTOR, grantAction ? "grants.grant.applied" : "grants.revoke.applied", "grant",
                    grant.id().toString(), GrantJobs.details(grant));
        } else if (outcome instanceof GrantOutcome.RetryLater retry) {
            if (!job.retryLater(retry.reason(), retries, now)) {
                failed(grant, grantAction, "gave up after " + job.attempts() + " attempts over "
                        + retries.giveUpAfter() + ": " + retry.reason());
            } else {
                grant.retrying(grantAction ? retry.reason() : "revocation not done yet: " + retry.reason());
            }
        } else if (outcome instanceof GrantOutcome.Failed failure && !grantAction) {
            // a revocation is never given up: access that should be gone must not stay in place
            job.retryLater(failure.reason(), retries, now);
            grant.retrying("revocation failed (retrying): " + failure.reason());
            java.util.Map<String, Object> details = new java.util.LinkedHashMap<>(failure(grant, failure.reason()));
            details.put("attempts", job.attempts());
            journal.record(ACTOR, "grants.revoke.failed", "grant", grant.id().toString(), details);
        } else if (outcome instanceof GrantOutcome.Failed failure) {
            job.failed(failure.reason(), now);
            failed(grant, grantAction, failure.reason());
        }
        if (grantAction && job.status() != GrantJob.Status.QUEUED) {
            settleIfComplete(grant.orderId());
        }
    }

    private void grantResolved(GrantRecord grant, Claimed claimed) {
        if (grant.grantee() == null) {
            engines.named(claimed.engine()).or(() -> engines.forResource(claimed.resourceType()))
                    .map(engine -> engine.resolve(claimed.principal()))
                    .filter(GrantEngine.GranteeResolution::resolved)
                    .ifPresent(resolution -> grant.resolvedAs(resolution.grantee()));
        }
    }

    private void failed(GrantRecord grant, boolean grantAction, String reason) {
        if (grantAction) {
            grant.failed(reason);
        } else {
            grant.retrying("revocation failed: " + reason);
        }
        journal.record(ACTOR, grantAction ? "grants.grant.failed" : "grants.revoke.failed", "grant",
                grant.id().toString(), failure(grant, reason));
    }

    /** A failure's data: the product (when known, as on every event about a product), the order, the error. */
    private static java.util.Map<String, Object> failure(GrantRecord grant, String error) {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        grant.product().ifPresent(product -> details.put("product", product));
        details.put("order", grant.orderId().toString());
        details.put("error", error);
        return details;
    }

    /** When no grant of the order is still pending, tells the order's owner how it went. */
    private void settleIfComplete(UUID orderId) {
        List<GrantRecord> grants = GrantRecord.list("orderId = ?1 and status in ?2", orderId,
                List.of(GrantStatus.PENDING, GrantStatus.ACTIVE, GrantStatus.FAILED));
        if (grants.isEmpty() || grants.stream().anyMatch(g -> g.status() == GrantStatus.PENDING)) {
            return;
        }
        List<String> errors = grants.stream().filter(g -> g.status() == GrantStatus.FAILED)
                .map(g -> g.location() + ": " + g.lastError()).toList();
        settled.fire(new GrantOrderSettled(orderId, errors.isEmpty(), errors));
    }
}
