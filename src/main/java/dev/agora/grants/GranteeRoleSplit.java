package dev.agora.grants;

import dev.agora.audit.ChangeJournal;
import dev.agora.grants.postgres.GranteeRoles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Gives every principal that shared a PostgreSQL role with another (roles derived before V9, when ann.lee and
 * ann_lee both became {@code agora_user_ann_lee}) a role of its own, at start-up. A principal whose name is exactly
 * the role's keeps it; the others get their own role ({@link GranteeRoles}) and their grants move: each grant is
 * given again to the new role, and a revocation from the shared role is queued as a grant of its own (under an
 * order of its own, so the request's grants do not change), which the worker runs keeping what the remaining
 * principal still needs. Idempotent: once split, nothing is left to move.
 */
@ApplicationScoped
public class GranteeRoleSplit {

    private static final Logger LOG = Logger.getLogger(GranteeRoleSplit.class);
    private static final List<GrantStatus> LIVE = List.of(GrantStatus.PENDING, GrantStatus.ACTIVE, GrantStatus.FAILED);

    private final EntityManager entities;
    private final GranteeRoles roles;
    private final ChangeJournal journal;
    private final Event<GrantJobs.Queued> queued;
    private final Clock clock;
    private final Set<String> mappedUsers;

    GranteeRoleSplit(EntityManager entities, GranteeRoles roles, ChangeJournal journal,
            Event<GrantJobs.Queued> queued, Clock clock, GrantsConfig config) {
        this.entities = entities;
        this.roles = roles;
        this.journal = journal;
        this.queued = queued;
        this.clock = clock;
        this.mappedUsers = PrincipalMapping.parse("AGORA_PG_USER_ROLES", config.postgresUserRoles().orElse(""))
                .keySet();
    }

    void onStart(@Observes StartupEvent start) {
        try {
            int moved = split();
            if (moved > 0) {
                LOG.warnf("%d grants moved off PostgreSQL roles that several principals shared (see the audit "
                        + "trail, grants.grantee.moved): give each moved principal's login the new role", moved);
            }
        } catch (RuntimeException failed) {
            LOG.warnf("Shared grantee roles could not be split now (will try at the next start): %s",
                    failed.getMessage());
        }
    }

    /** Moves the grants of principals whose role is shared or not theirs; tells how many moved. */
    public int split() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // one instance at a time: a second one waits and then finds nothing left to move
            entities.createNativeQuery(
                    "SELECT pg_advisory_xact_lock(hashtextextended('agora.grants.grantee-split', 0))").getSingleResult();
            List<GrantRecord> live = GrantRecord.<GrantRecord>list(
                    "engine = ?1 and status in ?2 and grantee is not null", "postgres", LIVE).stream().filter(GranteeRoleSplit::derivedRole).toList();
            Map<String, Set<Grantee>> principalsOfRole = new HashMap<>();
            live.forEach(grant -> principalsOfRole.computeIfAbsent(grant.grantee(), role -> new HashSet<>())
                    .add(grant.principal()));
            principalsOfRole.forEach((role, principals) -> {
                if (principals.size() > 1) {
                    // the principal whose own name the role spells out keeps it
                    principals.stream().filter(p -> GranteeRoles.derived(p).equals(role)).findFirst()
                            .ifPresent(keeper -> roles.claim(keeper, role));
                }
            });
            Instant now = clock.instant();
            Map<Grantee, String> resolved = new HashMap<>();
            int moved = 0;
            for (GrantRecord grant : live) {
                Grantee principal = grant.principal();
                if (principal.type().equals("USER") && mappedUsers.contains(principal.name())) {
                    continue;
                }
                String role = resolved.computeIfAbsent(principal, roles::roleOf);
                if (!role.equals(grant.grantee())) {
                    move(grant, role, now);
                    moved++;
                }
            }
            if (moved > 0) {
                queued.fire(new GrantJobs.Queued());
            }
            return moved;
        });
    }

    /** The handover only revokes, which no registration blocks; a grant older than data locations has no team. */
    private static String ownerTeamOf(GrantRecord grant) {
        return grant.ownerTeam() != null ? grant.ownerTeam() : "(unknown: granted before data locations)";
    }

    private void move(GrantRecord grant, String role, Instant now) {
        String shared = grant.grantee();
        grant.resolvedAs(role);
        if (grant.status() == GrantStatus.ACTIVE) {
            boolean grantWaiting = GrantJob.count("grantId = ?1 and action = ?2 and status in ?3", grant.id(),
                    GrantJob.Action.GRANT, List.of(GrantJob.Status.QUEUED, GrantJob.Status.RUNNING)) > 0;
            if (!grantWaiting) {
                new GrantJob(grant.id(), GrantJob.Action.GRANT, now).persist();
            }
            GrantRecord handover = new GrantRecord(UUID.randomUUID(), grant.engine(), new GrantTarget(
                    grant.resourceType(), grant.location(), grant.columns(), grant.principal(),
                    Set.copyOf(grant.permissions()), ownerTeamOf(grant), grant.product().orElse(null)), shared, now);
            handover.revoking();
            handover.persist();
            new GrantJob(handover.id(), GrantJob.Action.REVOKE, now).persist();
        }
        Map<String, Object> details = new LinkedHashMap<>(GrantJobs.details(grant));
        details.put("from", shared);
        details.put("to", role);
        journal.record(GrantWorker.ACTOR, "grants.grantee.moved", "grant", grant.id().toString(), details);
    }

    private static boolean derivedRole(GrantRecord grant) {
        return grant.grantee().startsWith(GranteeRoles.TEAM_PREFIX)
                || grant.grantee().startsWith(GranteeRoles.USER_PREFIX);
    }
}
