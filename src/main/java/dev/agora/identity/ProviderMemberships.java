package dev.agora.identity;

import dev.agora.audit.ChangeJournal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes an account's provider-given memberships, stewardships and platform role what its groups say now: adds
 * and removes only those whose source is {@link MembershipSource#PROVIDER}; what an admin set by hand in Agora is
 * left as it is. Every change reaches the audit trail. Runs inside the sign-in's transaction.
 */
@ApplicationScoped
class ProviderMemberships {

    private final ChangeJournal journal;
    private final Clock clock;

    ProviderMemberships(ChangeJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    void follow(User user, GroupMappings.ProviderRoles roles, String actor) {
        followPlatformRole(user, roles.admin(), actor);
        followTeams(user, roles.teams(), actor);
        followStewardships(user, roles.stewardDomains(), actor);
    }

    private void followPlatformRole(User user, boolean admin, String actor) {
        if (user.platformRoleSource() == MembershipSource.AGORA && user.platformRole() == PlatformRole.ADMIN) {
            return; // an administrator made by hand stays one
        }
        PlatformRole wanted = admin ? PlatformRole.ADMIN : PlatformRole.USER;
        if (user.platformRole() != wanted || user.platformRoleSource() != MembershipSource.PROVIDER) {
            PlatformRole before = user.platformRole();
            user.changePlatformRole(wanted, MembershipSource.PROVIDER, clock.instant());
            if (before != wanted) {
                journal.record(actor, "identity.user.platform-role-changed", "user", user.username(), Map.of(
                        "username", user.username(), "before", before.name(), "after", wanted.name(),
                        "source", "provider"));
            }
        }
    }

    private void followTeams(User user, Map<String, TeamRole> wanted, String actor) {
        List<TeamMembership> current = TeamMembership.<TeamMembership>find(
                "select m from TeamMembership m join fetch m.team where m.user = ?1", user).list();
        Map<String, TeamMembership> byTeam = new HashMap<>();
        current.forEach(m -> byTeam.put(m.team().slug(), m));
        for (TeamMembership membership : current) {
            if (membership.source() != MembershipSource.PROVIDER) {
                continue;
            }
            String team = membership.team().slug();
            TeamRole role = wanted.get(team);
            if (role == null) {
                membership.delete();
                journal.record(actor, "identity.membership.removed", "team", team, Map.of("team", team,
                        "username", user.username(), "role", membership.role().name(), "source", "provider"));
            } else if (role != membership.role()) {
                TeamRole before = membership.role();
                membership.changeRole(role);
                journal.record(actor, "identity.membership.role-changed", "team", team, Map.of("team", team,
                        "username", user.username(), "before", before.name(), "after", role.name(),
                        "source", "provider"));
            }
        }
        wanted.forEach((teamSlug, role) -> {
            if (byTeam.containsKey(teamSlug)) {
                return; // already there: the provider's (handled above) or an admin's, which is kept apart
            }
            Team.findBySlug(teamSlug).ifPresent(team -> {
                new TeamMembership(team, user, role, MembershipSource.PROVIDER, clock.instant()).persist();
                journal.record(actor, "identity.membership.added", "team", teamSlug, Map.of("team", teamSlug,
                        "username", user.username(), "role", role.name(), "source", "provider"));
            });
        });
    }

    private void followStewardships(User user, Set<String> wanted, String actor) {
        List<DomainStewardship> current = DomainStewardship.<DomainStewardship>find(
                "select s from DomainStewardship s join fetch s.domain where s.user = ?1", user).list();
        for (DomainStewardship stewardship : current) {
            String domain = stewardship.domain().slug();
            if (stewardship.source() == MembershipSource.PROVIDER && !wanted.contains(domain)) {
                stewardship.delete();
                journal.record(actor, "identity.stewardship.removed", "domain", domain, Map.of("domain", domain,
                        "username", user.username(), "source", "provider"));
            }
        }
        for (String domainSlug : wanted) {
            if (current.stream().anyMatch(s -> s.domain().slug().equals(domainSlug))) {
                continue;
            }
            Domain.findBySlug(domainSlug).ifPresent(domain -> {
                new DomainStewardship(domain, user, MembershipSource.PROVIDER, clock.instant()).persist();
                journal.record(actor, "identity.stewardship.added", "domain", domainSlug, Map.of("domain",
                        domainSlug, "username", user.username(), "source", "provider"));
            });
        }
    }
}
