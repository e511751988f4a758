package dev.agora.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The group mappings admins edit: what a provider group makes of its members in Agora. {@link #resolve} turns
 * the groups of one token into the platform role, team places and stewardships that sign-in then follows.
 */
@ApplicationScoped
public class GroupMappings {

    /** What the provider's groups make of someone: ADMIN or not, a role per team, the domains they steward. */
    public record ProviderRoles(boolean admin, Map<String, TeamRole> teams, Set<String> stewardDomains) {

        public ProviderRoles {
            teams = Map.copyOf(teams);
            stewardDomains = Set.copyOf(stewardDomains);
        }
    }

    private final OidcSettings oidc;

    GroupMappings(OidcSettings oidc) {
        this.oidc = oidc;
    }

    /**
     * The roles the groups give. A client-credentials client's id counts as one of its groups, and a client
     * configured in {@code AGORA_OIDC_CLIENT_TEAMS} is a MEMBER of its team. Where several mappings name one team,
     * OWNER wins over MEMBER.
     */
    public ProviderRoles resolve(Collection<String> groups, Optional<String> clientId) {
        Set<String> names = new TreeSet<>(groups);
        clientId.ifPresent(names::add);
        boolean admin = false;
        Map<String, TeamRole> teams = new LinkedHashMap<>();
        Set<String> stewardDomains = new TreeSet<>();
        List<GroupMapping> mappings = names.isEmpty() ? List.of()
                : GroupMapping.<GroupMapping>find("select g from GroupMapping g left join fetch g.team "
                        + "left join fetch g.domain where g.groupName in ?1", names).list();
        for (GroupMapping mapping : mappings) {
            switch (mapping.role()) {
                case ADMIN -> admin = true;
                case OWNER -> teams.put(mapping.team().orElseThrow().slug(), TeamRole.OWNER);
                case MEMBER -> teams.putIfAbsent(mapping.team().orElseThrow().slug(), TeamRole.MEMBER);
                case STEWARD -> stewardDomains.add(mapping.domain().orElseThrow().slug());
            }
        }
        clientId.map(id -> oidc.clientTeamMap().get(id))
                .filter(team -> Team.findBySlug(team).isPresent())
                .ifPresent(team -> teams.putIfAbsent(team, TeamRole.MEMBER));
        return new ProviderRoles(admin, teams, stewardDomains);
    }
}
