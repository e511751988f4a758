package dev.agora.access.application;

import dev.agora.catalog.ProductPermissions;
import dev.agora.catalog.ProductStatus;
import dev.agora.identity.AccountProfile;
import dev.agora.platform.Decision;

/**
 * Who may follow what, in one place: {@link ProductFollowing} refuses with these decisions and the views show their
 * toggles and lists by them.
 */
public final class FollowPermissions {

    private FollowPermissions() {
    }

    /** Members of a team (any role) and administrators change what the team follows. */
    public static Decision mayChangeFollowsOf(AccountProfile viewer, String team) {
        return viewer.isAdmin() || viewer.belongsTo(team) ? Decision.allow()
                : Decision.deny("Only members of team '" + team + "' (and administrators) change what it follows.");
    }

    /**
     * Members of a team and administrators see what the team follows: a team follows the products it has active
     * access to, and who has access to what is not for everyone to read.
     */
    public static Decision maySeeFollowsOf(AccountProfile viewer, String team) {
        return viewer.isAdmin() || viewer.belongsTo(team) ? Decision.allow()
                : Decision.deny("Only members of team '" + team + "' (and administrators) see what it follows.");
    }

    /** A person follows what they may see (the catalog's rule: drafts only for the owner team). */
    public static boolean personMayFollow(AccountProfile person, ProductStatus status, String ownerTeam) {
        return ProductPermissions.maySee(person, status, ownerTeam).allowed();
    }

    /** A team follows published and deprecated products, and the drafts of its own. */
    public static boolean teamMayFollow(String team, ProductStatus status, String ownerTeam) {
        return status != ProductStatus.DRAFT || team.equals(ownerTeam);
    }
}
