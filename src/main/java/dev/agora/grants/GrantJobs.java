package dev.agora.grants;

import dev.agora.audit.ChangeJournal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders for permissions. Grants and revocations are written as durable jobs in the caller's transaction (so an
 * approval and its grant job commit together) and applied afterwards by the {@link GrantWorker}.
 */
@ApplicationScoped
public class GrantJobs {

    /** Fired after a commit that queued jobs: a nudge for the worker. */
    public record Queued() {}

    private final GrantEngines engines;
    private final ChangeJournal journal;
    private final Event<Queued> queued;
    private final Clock clock;

    GrantJobs(GrantEngines engines, ChangeJournal journal, Event<Queued> queued, Clock clock) {
        this.engines = engines;
        this.journal = journal;
        this.queued = queued;
        this.clock = clock;
    }

    /** Queues the grants of an order; each target becomes one grant with one job. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<GrantView> grant(UUID orderId, List<GrantTarget> targets, String actor) {
        Instant now = clock.instant();
        for (GrantTarget target : targets) {
            Optional<GrantEngine> engine = engines.forResource(target.resourceType());
            String grantee = engine.map(e -> e.resolve(target.grantee()))
                    .filter(GrantEngine.GranteeResolution::resolved)
                    .map(GrantEngine.GranteeResolution::grantee)
                    .orElse(null);
            GrantRecord grant = new GrantRecord(orderId, engine.map(GrantEngine::name).orElse("none"), target, grantee,
                    now);
            grant.persist();
            new GrantJob(grant.id(), GrantJob.Action.GRANT, now).persist();
            journal.record(actor, "grants.grant.queued", "grant", grant.id().toString(), details(grant));
        }
        queued.fire(new Queued());
        return of(orderId);
    }

    /** Queues the revocation of every grant of the order that is, or may become, in place. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(UUID orderId, String actor) {
        Instant now = clock.instant();
        for (GrantRecord grant : GrantRecord.<GrantRecord>list("orderId = ?1 and status in ?2", orderId,
                List.of(GrantStatus.PENDING, GrantStatus.ACTIVE, GrantStatus.FAILED))) {
            GrantJob.<GrantJob>list("grantId = ?1 and action = ?2 and status = ?3", grant.id(), GrantJob.Action.GRANT,
                    GrantJob.Status.QUEUED).forEach(job -> job.superseded(now));
            grant.revoking();
            new GrantJob(grant.id(), GrantJob.Action.REVOKE, now).persist();
            journal.record(actor, "grants.revoke.queued", "grant", grant.id().toString(), details(grant));
        }
        queued.fire(new Queued());
    }

    /** Queues the failed grants of an order again, with a fresh set of attempts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int retry(UUID orderId, String actor) {
        Instant now = clock.instant();
        int retried = 0;
        for (GrantRecord grant : GrantRecord.<GrantRecord>list("orderId = ?1 and status = ?2", orderId,
                GrantStatus.FAILED)) {
            grant.retrying(grant.lastError());
            grant.pending();
            new GrantJob(grant.id(), GrantJob.Action.GRANT, now).persist();
            journal.record(actor, "grants.grant.retried", "grant", grant.id().toString(), details(grant));
            retried++;
        }
        queued.fire(new Queued());
        return retried;
    }

    /** The grants of an order as they stand. */
    public List<GrantView> of(UUID orderId) {
        return GrantRecord.<GrantRecord>list("orderId = ?1 order by createdAt, location", orderId).stream()
                .map(GrantView::of).toList();
    }

    static Map<String, Object> details(GrantRecord grant) {
        Map<String, Object> details = new LinkedHashMap<>();
        // other features (webhooks, following, a product's activity) pick a product's events by data.product
        grant.product().ifPresent(product -> details.put("product", product));
        details.put("order", grant.orderId().toString());
        details.put("engine", grant.engine());
        details.put("resource", grant.resourceType() + ":" + grant.location());
        details.put("columns", grant.columns());
        details.put("grantee", grant.grantee() == null ? "" : grant.grantee());
        details.put("principal", grant.principal().toString());
        details.put("permissions", grant.permissions());
        return details;
    }
}
