package dev.agora.access.activity;

import dev.agora.identity.AccountProfile;
import java.util.List;

/**
 * Who sees which events of a product's activity, in one place (the events API and the product page both ask
 * {@link ProductActivity}, which asks here). The viewer already sees the product (drafts: owner team and
 * administrators): its own events ({@link Audience#PRODUCT}) are for every such viewer; members of the owner team,
 * stewards of the product's domain and administrators see every event; anyone else sees in addition only the
 * access events of their own requests ({@link Audience#REQUEST}: as requester, or as member of the team it is for).
 */
public final class ActivityPermissions {

    /** What one viewer sees of a product's activity. */
    public record Scope(boolean everything, String username, List<String> teams) {

        public Scope {
            teams = List.copyOf(teams);
        }
    }

    private ActivityPermissions() {
    }

    public static Scope scope(AccountProfile viewer, String ownerTeam, String domain) {
        boolean everything = viewer.isAdmin() || viewer.belongsTo(ownerTeam) || viewer.stewardOf().contains(domain);
        return new Scope(everything, viewer.username(),
                viewer.memberships().stream().map(AccountProfile.Membership::team).distinct().toList());
    }
}
