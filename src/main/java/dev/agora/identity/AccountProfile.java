package dev.agora.identity;

import java.util.List;
import java.util.Set;

/**
 * Who someone is in Agora: their account, security roles and the teams they belong to, with the domains they
 * steward. What the UI shows and {@code GET /api/v1/me} returns.
 */
public record AccountProfile(String username, String displayName, String email, PlatformRole platformRole,
        Set<String> roles, List<Membership> memberships, List<String> stewardOf) {

    /** A place in a team; {@code source} says whether the provider's groups gave it or an admin set it in Agora. */
    public record Membership(String team, String teamName, String domain, TeamRole role, MembershipSource source) {}

    public boolean isAdmin() {
        return platformRole == PlatformRole.ADMIN;
    }

    public boolean hasRoleIn(String teamSlug, TeamRole role) {
        return memberships.stream().anyMatch(m -> m.team().equals(teamSlug) && m.role() == role);
    }

    public boolean belongsTo(String teamSlug) {
        return memberships.stream().anyMatch(m -> m.team().equals(teamSlug));
    }
}
