package dev.agora.access.application;

import dev.agora.access.AccessRequest;
import dev.agora.access.Principal;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.TeamRole;
import dev.agora.platform.Decision;

/**
 * Who may read and act on an access request, in one place: the commands refuse with these decisions, the queries
 * filter by them and the views show their buttons by them. The owner team is the product's current one: access
 * requests follow a product that changes team.
 */
public final class AccessPermissions {

    private AccessPermissions() {
    }

    /** The requester, members of the team it is for, the product's owners and stewards, and administrators. */
    public static Decision mayRead(AccountProfile viewer, AccessRequest request) {
        boolean reads = viewer.isAdmin() || viewer.username().equals(request.requester())
                || request.principal().type() == Principal.Type.TEAM && viewer.belongsTo(request.principal().name())
                || viewer.hasRoleIn(request.product().ownerTeam(), TeamRole.OWNER)
                || viewer.stewardOf().contains(request.product().domain());
        return reads ? Decision.allow() : Decision.deny("There is no access request " + request.id() + ".");
    }

    /** Owners of the product's (current) team and administrators take access back. */
    public static Decision mayRevoke(AccountProfile viewer, String ownerTeam) {
        return ownerOrAdmin(viewer, ownerTeam) ? Decision.allow()
                : Decision.deny("Only owners of team " + ownerTeam + " and administrators can revoke this access.");
    }

    /** Owners of the product's (current) team and administrators apply failed grants again. */
    public static Decision mayRetryGrants(AccountProfile viewer, String ownerTeam) {
        return ownerOrAdmin(viewer, ownerTeam) ? Decision.allow()
                : Decision.deny("Only owners of team " + ownerTeam + " and administrators can retry its grants.");
    }

    /** Administrators (and Agora itself) read and change the access policies. */
    public static Decision mayAdministerPolicies(AccountProfile viewer) {
        return viewer.isAdmin() ? Decision.allow() : Decision.deny("Only administrators see and change access policies.");
    }

    private static boolean ownerOrAdmin(AccountProfile viewer, String ownerTeam) {
        return viewer.isAdmin() || viewer.hasRoleIn(ownerTeam, TeamRole.OWNER);
    }
}
