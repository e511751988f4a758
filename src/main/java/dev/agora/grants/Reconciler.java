package dev.agora.grants;

import dev.agora.audit.ChangeJournal;
import dev.agora.platform.Refusal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Compares, engine by engine, the grants Agora approved with what the engine actually holds on the resources
 * Agora manages. A missing grant is re-applied (through a job, like any grant) and recorded; a grant Agora revoked
 * (or is revoking) whose privilege is still there gets its revocation queued again, whatever the settings; an
 * extra grant Agora never approved is flagged to administrators, and revoked only when
 * {@code AGORA_REVOKE_UNKNOWN_GRANTS=true}. One run at a time across all instances (a PostgreSQL advisory lock).
 */
@ApplicationScoped
public class Reconciler {

    public static final String ACTOR = "system:reconciler";
    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    /** What one run found and did. */
    public record Report(UUID runId, Instant startedAt, Instant finishedAt, int checked, int missing, int healed,
            int extra, int revoked, int notRevoked, List<Finding> findings, List<String> errors) {}

    /**
     * One difference; {@code grantId} names the grant it concerns, null for a grant Agora never approved;
     * {@code location} and {@code column} (null for the whole table) say exactly which privilege it is about.
     */
    public record Finding(String engine, Drift.Kind kind, String grantee, String resource, String permission,
            String action, UUID grantId, String location, String column) {}

    /** The advisory lock a run holds, so that two instances (or two admins) never reconcile at once. */
    static final String LOCK = "agora.grants.reconciliation";

    private final GrantEngines engines;
    private final ChangeJournal journal;
    private final Event<GrantJobs.Queued> queued;
    private final Clock clock;
    private final AgroalDataSource agoraDatabase;
    private final boolean revokeUnknown;
    private final GrantAdministrators administrators;

    Reconciler(GrantEngines engines, ChangeJournal journal, Event<GrantJobs.Queued> queued, Clock clock,
            AgroalDataSource agoraDatabase, GrantsConfig config, GrantAdministrators administrators) {
        this.administrators = administrators;
        this.engines = engines;
        this.journal = journal;
        this.queued = queued;
        this.clock = clock;
        this.agoraDatabase = agoraDatabase;
        this.revokeUnknown = config.revokeUnknown();
    }

    @Scheduled(every = "${agora.grants.reconcile-interval:15m}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Optional<Report> ran = reconcileUnlessRunning(ACTOR);
            if (ran.isEmpty()) {
                LOG.debug("Reconciliation skipped: another run is in progress");
                return;
            }
            Report report = ran.get();
            if (report.missing() > 0 || report.extra() > 0 || report.notRevoked() > 0) {
                LOG.warnf("Reconciliation: %d grants missing (re-applied), %d revoked grants still in place "
                        + "(revocation re-queued), %d unknown grants found", report.missing(), report.notRevoked(),
                        report.extra());
            }
        } catch (RuntimeException failed) {
            LOG.warnf("Reconciliation failed (will run again): %s", failed.getMessage());
        }
    }

    /** Runs one reconciliation now; refused when one is already running (here or on another instance). */
    public Report reconcile(String actor) {
        administrators.require(actor);
        return reconcileUnlessRunning(actor).orElseThrow(() -> Refusal.conflict("A reconciliation is already "
                + "running (on this or another instance of Agora); its findings appear in grant health when it ends."));
    }

    /** Runs one reconciliation now, or nothing (empty) when another run holds the lock. */
    public Optional<Report> reconcileUnlessRunning(String actor) {
        // a session lock on a connection of its own: released when the run ends, or when the connection dies
        try (Connection connection = agoraDatabase.getConnection()) {
            if (!advisoryLock(connection, "pg_try_advisory_lock")) {
                return Optional.empty();
            }
            try {
                return Optional.of(run(actor));
            } finally {
                advisoryLock(connection, "pg_advisory_unlock");
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot take the reconciliation lock: " + failed.getMessage(), failed);
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT " + function + "(hashtextextended(?, 0))")) {
            lock.setString(1, LOCK);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private Report run(String actor) {
        UUID runId = UUID.randomUUID();
        Instant started = clock.instant();
        List<Finding> findings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int checked = 0;
        int healed = 0;
        int revoked = 0;
        for (GrantEngine engine : engines.all()) {
            record Expected(UUID grantId, String grantee, String location, String column) {}
            List<GrantRecord> approved = QuarkusTransaction.requiringNew().call(() ->
                    GrantRecord.<GrantRecord>list("engine = ?1 and status = ?2", engine.name(), GrantStatus.ACTIVE));
            List<GrantRecord> takenBack = QuarkusTransaction.requiringNew().call(() ->
                    GrantRecord.<GrantRecord>list("engine = ?1 and status in ?2 and grantee is not null",
                            engine.name(), List.of(GrantStatus.REVOKING, GrantStatus.REVOKED)));
            Set<String> locations = new HashSet<>(QuarkusTransaction.requiringNew().call(() ->
                    GrantRecord.<GrantRecord>list("engine = ?1", engine.name()).stream()
                            .map(GrantRecord::location).toList()));
            if (locations.isEmpty()) {
                continue;
            }
            List<ActualGrant> actual;
            try {
                actual = engine.actual(locations);
            } catch (RuntimeException unreadable) {
                errors.add(engine.name() + ": " + unreadable.getMessage());
                continue;
            }
            Set<String> held = new HashSet<>();
            actual.forEach(grant -> held.add(key(grant.grantee(), grant.location(), grant.column())));
            Set<String> expectedKeys = new HashSet<>();
            Set<String> managedGrantees = new HashSet<>();
            List<Expected> expected = new ArrayList<>();
            for (GrantRecord grant : approved) {
                if (grant.grantee() == null) {
                    continue;
                }
                managedGrantees.add(grant.grantee());
                if (grant.columns().isEmpty()) {
                    expected.add(new Expected(grant.id(), grant.grantee(), grant.location(), null));
                } else {
                    grant.columns().forEach(column ->
                            expected.add(new Expected(grant.id(), grant.grantee(), grant.location(), column)));
                }
            }
            Set<UUID> toHeal = new HashSet<>();
            for (Expected want : expected) {
                checked++;
                String key = key(want.grantee(), want.location(), want.column());
                expectedKeys.add(key);
                // a whole-table grant also covers each column
                if (!held.contains(key) && !(want.column() != null
                        && held.contains(key(want.grantee(), want.location(), null)))) {
                    toHeal.add(want.grantId());
                    findings.add(new Finding(engine.name(), Drift.Kind.MISSING, want.grantee(),
                            resource(want.location(), want.column()), "SELECT", "re-applied", want.grantId(),
                            want.location(), want.column()));
                }
            }
            Map<String, UUID> revokedKeys = new HashMap<>();
            for (GrantRecord grant : takenBack) {
                if (grant.columns().isEmpty()) {
                    revokedKeys.put(key(grant.grantee(), grant.location(), null), grant.id());
                } else {
                    grant.columns().forEach(column ->
                            revokedKeys.put(key(grant.grantee(), grant.location(), column), grant.id()));
                }
            }
            Set<UUID> toRevokeAgain = new HashSet<>();
            for (ActualGrant grant : actual) {
                boolean agoraRole = grant.grantee().startsWith("agora_") || managedGrantees.contains(grant.grantee());
                String heldKey = key(grant.grantee(), grant.location(), grant.column());
                if (expectedKeys.contains(heldKey)
                        || grant.column() != null && expectedKeys.contains(key(grant.grantee(), grant.location(), null))) {
                    continue;
                }
                if (revokedKeys.containsKey(heldKey)) {
                    // Agora took this access back: the revocation is owed whatever AGORA_REVOKE_UNKNOWN_GRANTS says
                    toRevokeAgain.add(revokedKeys.get(heldKey));
                    findings.add(new Finding(engine.name(), Drift.Kind.NOT_REVOKED, grant.grantee(),
                            resource(grant.location(), grant.column()), grant.permission(), "revocation re-queued",
                            revokedKeys.get(heldKey), grant.location(), grant.column()));
                    continue;
                }
                if (!agoraRole) {
                    continue;
                }
                String action = "flagged";
                if (revokeUnknown) {
                    GrantOutcome outcome = engine.revoke(new GrantSpec(resourceTypeOf(engine), grant.location(),
                            grant.column() == null ? List.of() : List.of(grant.column()), grant.grantee(),
                            Set.of("READ")));
                    action = outcome instanceof GrantOutcome.Applied || outcome instanceof GrantOutcome.AlreadyInPlace
                            ? "revoked" : "revoke failed: " + outcome;
                    if (action.equals("revoked")) {
                        revoked++;
                    }
                }
                findings.add(new Finding(engine.name(), Drift.Kind.EXTRA, grant.grantee(),
                        resource(grant.location(), grant.column()), grant.permission(), action, null,
                        grant.location(), grant.column()));
            }
            healed += heal(toHeal);
            requeueRevocations(toRevokeAgain);
        }
        int finalChecked = checked;
        int finalHealed = healed;
        int finalRevoked = revoked;
        Instant finished = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> record(runId, actor, started, finished, finalChecked, findings,
                finalHealed, finalRevoked, errors));
        long missing = findings.stream().filter(f -> f.kind() == Drift.Kind.MISSING).count();
        long extra = findings.stream().filter(f -> f.kind() == Drift.Kind.EXTRA).count();
        long notRevoked = findings.stream().filter(f -> f.kind() == Drift.Kind.NOT_REVOKED).count();
        return new Report(runId, started, finished, checked, (int) missing, healed, (int) extra, revoked,
                (int) notRevoked, findings, errors);
    }

    private int heal(Set<UUID> grantIds) {
        if (grantIds.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            int healing = 0;
            for (UUID id : grantIds) {
                GrantRecord grant = GrantRecord.findById(id);
                boolean jobWaiting = GrantJob.count("grantId = ?1 and status in ?2", id,
                        List.of(GrantJob.Status.QUEUED, GrantJob.Status.RUNNING)) > 0;
                if (grant != null && grant.status() == GrantStatus.ACTIVE && !jobWaiting) {
                    new GrantJob(id, GrantJob.Action.GRANT, now).persist();
                    healing++;
                }
            }
            queued.fire(new GrantJobs.Queued());
            return healing;
        });
    }

    /** Queues the revocation of grants whose privilege outlived their revocation, unless one is already waiting. */
    private void requeueRevocations(Set<UUID> grantIds) {
        if (grantIds.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            for (UUID id : grantIds) {
                GrantRecord grant = GrantRecord.findById(id);
                boolean jobWaiting = GrantJob.count("grantId = ?1 and action = ?2 and status in ?3", id,
                        GrantJob.Action.REVOKE, List.of(GrantJob.Status.QUEUED, GrantJob.Status.RUNNING)) > 0;
                if (grant == null || jobWaiting) {
                    continue;
                }
                grant.revoking();
                new GrantJob(id, GrantJob.Action.REVOKE, now).persist();
                journal.record(ACTOR, "grants.revoke.requeued", "grant", id.toString(), GrantJobs.details(grant));
            }
            queued.fire(new GrantJobs.Queued());
        });
    }

    private void record(UUID runId, String actor, Instant started, Instant finished, int checked,
            List<Finding> findings, int healed, int revoked, List<String> errors) {
        ReconciliationRun run = new ReconciliationRun();
        run.id = runId;
        run.startedAt = started;
        run.finishedAt = finished;
        run.actor = actor;
        run.checked = checked;
        run.missing = (int) findings.stream().filter(f -> f.kind() == Drift.Kind.MISSING).count();
        run.extra = (int) findings.stream().filter(f -> f.kind() == Drift.Kind.EXTRA).count();
        run.healed = healed;
        run.revoked = revoked;
        run.errors = new ArrayList<>(errors);
        run.persist();
        for (Finding finding : findings) {
            Drift drift = new Drift();
            drift.id = UUID.randomUUID();
            drift.runId = runId;
            drift.engine = finding.engine();
            drift.kind = finding.kind();
            drift.grantee = finding.grantee();
            drift.resource = finding.resource();
            drift.permission = finding.permission();
            drift.action = finding.action();
            drift.grantId = finding.grantId();
            drift.location = finding.location();
            drift.column = finding.column();
            drift.foundAt = finished;
            drift.persist();
            recordDriftFound(actor, drift);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checked", checked);
        details.put("missing", run.missing);
        details.put("healed", healed);
        details.put("extra", run.extra);
        details.put("revoked", revoked);
        details.put("errors", errors);
        journal.record(actor, "grants.reconciled", "reconciliation", runId.toString(), details);
    }

    /**
     * One {@code grants.drift.found} per finding, in the run's transaction; its subject is the grant (so that it
     * keeps its order among the grant's events) when the drift concerns one, else the drift itself.
     */
    private void recordDriftFound(String actor, Drift drift) {
        Map<String, Object> details = new LinkedHashMap<>();
        Optional<GrantRecord> grant = drift.grantId == null ? Optional.empty()
                : GrantRecord.<GrantRecord>findByIdOptional(drift.grantId);
        grant.flatMap(GrantRecord::product).ifPresent(product -> details.put("product", product));
        details.put("engine", drift.engine);
        details.put("kind", drift.kind.name());
        details.put("grantee", drift.grantee);
        details.put("resource", drift.resource);
        details.put("permission", drift.permission);
        details.put("action", drift.action);
        details.put("drift", drift.id.toString());
        details.put("run", drift.runId.toString());
        if (drift.grantId != null) {
            details.put("grant", drift.grantId.toString());
        }
        grant.ifPresent(g -> details.put("order", g.orderId().toString()));
        String subject = drift.grantId == null ? drift.id.toString() : drift.grantId.toString();
        journal.record(actor, "grants.drift.found", drift.grantId == null ? "drift" : "grant", subject, details);
    }

    private static String key(String grantee, String location, String column) {
        return grantee + "|" + location + "|" + (column == null ? "*" : column);
    }

    private static String resource(String location, String column) {
        return column == null ? location : location + " (" + column + ")";
    }

    static String resourceTypeOf(GrantEngine engine) {
        return engine.handles("postgres-table") ? "postgres-table" : "glue-table";
    }
}
