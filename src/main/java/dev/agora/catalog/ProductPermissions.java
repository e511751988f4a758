package dev.agora.catalog;

import dev.agora.identity.AccountProfile;
import dev.agora.identity.TeamRole;
import dev.agora.platform.Decision;

/**
 * Who may do what with a data product, in one place: the catalog's services refuse with these decisions and the
 * views show or hide their buttons by them.
 */
public final class ProductPermissions {

    private ProductPermissions() {
    }

    /** Everyone sees published and deprecated products; drafts only the owner team and administrators. */
    public static Decision maySee(AccountProfile viewer, ProductStatus status, String ownerTeam) {
        return status != ProductStatus.DRAFT || viewer.isAdmin() || viewer.belongsTo(ownerTeam) ? Decision.allow()
                : Decision.deny("Drafts are seen by team '" + ownerTeam + "' and administrators only.");
    }

    /** What a team as a whole sees (its webhooks, for instance): published and deprecated products, and its own drafts. */
    public static Decision teamMaySee(String team, ProductStatus status, String ownerTeam) {
        return status != ProductStatus.DRAFT || ownerTeam.equals(team) ? Decision.allow()
                : Decision.deny("Drafts are seen by team '" + ownerTeam + "' only.");
    }

    /** Members of the owner team and administrators change a product. */
    public static Decision mayChange(AccountProfile viewer, String ownerTeam, String slug) {
        return viewer.isAdmin() || viewer.belongsTo(ownerTeam) ? Decision.allow()
                : Decision.deny("Only members of team '" + ownerTeam + "' (and administrators) can change '" + slug
                        + "'.");
    }

    /** Members of the owner team and administrators decide what becomes of a held breaking schema change. */
    public static Decision mayDecideSchemaChange(AccountProfile viewer, String ownerTeam, String slug) {
        return viewer.isAdmin() || viewer.belongsTo(ownerTeam) ? Decision.allow()
                : Decision.deny("Only members of team '" + ownerTeam + "' (and administrators) decide about a breaking "
                        + "change of '" + slug + "'; its consumers are told of the decision.");
    }

    /**
     * A held breaking schema change is shown to those it concerns: the owner team, administrators and the product's
     * active consumers ({@code consumer}: the viewer, or a team of theirs, has approved access).
     */
    public static Decision maySeeHeldSchemaChange(AccountProfile viewer, String ownerTeam, boolean consumer) {
        return viewer.isAdmin() || viewer.belongsTo(ownerTeam) || consumer ? Decision.allow()
                : Decision.deny("A held schema change is shown to the owners and the consumers of the product.");
    }

    /** Members of a team and administrators publish products for it. */
    public static Decision mayPublishFor(AccountProfile viewer, String team) {
        return viewer.isAdmin() || viewer.belongsTo(team) ? Decision.allow()
                : Decision.deny("Only members of team '" + team + "' (and administrators) can publish and change its "
                        + "data products.");
    }

    /**
     * A lower classification applies at once only when an independent steward sets it: a steward of the product's
     * domain from outside the owner team (a STEWARD member of the owner team is party to it), or an administrator.
     */
    public static Decision mayLowerClassification(AccountProfile viewer, String ownerTeam, String domain) {
        return independentSteward(viewer, ownerTeam, domain) ? Decision.allow() : Decision.deny(lowering(ownerTeam,
                domain) + ".");
    }

    /** An owner of the owner team may propose a lower classification; a steward of the domain decides. */
    public static Decision mayProposeLowerClassification(AccountProfile viewer, String ownerTeam, String domain) {
        return viewer.hasRoleIn(ownerTeam, TeamRole.OWNER) ? Decision.allow()
                : Decision.deny(lowering(ownerTeam, domain) + "; an owner of team '" + ownerTeam
                        + "' may propose it.");
    }

    /** Independent stewards of the domain and administrators agree to a proposed lower classification. */
    public static Decision mayDecideClassificationProposal(AccountProfile viewer, String ownerTeam, String domain) {
        return independentSteward(viewer, ownerTeam, domain) ? Decision.allow()
                : Decision.deny("Only a steward of domain '" + domain + "' from outside team '" + ownerTeam
                        + "', or an administrator, agrees to a lower classification.");
    }

    private static boolean independentSteward(AccountProfile viewer, String ownerTeam, String domain) {
        return viewer.isAdmin() || viewer.stewardOf().contains(domain) && !viewer.belongsTo(ownerTeam);
    }

    private static String lowering(String ownerTeam, String domain) {
        return "Lowering the classification needs a steward of domain '" + domain + "' from outside team '"
                + ownerTeam + "', or an administrator";
    }

    /** Stewards of the domain and administrators turn a proposal down; the owners of the team may withdraw it. */
    public static Decision mayWithdrawClassificationProposal(AccountProfile viewer, String ownerTeam, String domain) {
        return viewer.isAdmin() || viewer.stewardOf().contains(domain) || viewer.hasRoleIn(ownerTeam, TeamRole.OWNER)
                ? Decision.allow()
                : Decision.deny("Only a steward of domain '" + domain + "', an administrator or an owner of team '"
                        + ownerTeam + "' can turn down this proposal.");
    }
}
