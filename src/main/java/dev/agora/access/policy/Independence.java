package dev.agora.access.policy;

import dev.agora.access.Principal;
import java.util.Set;

/**
 * Nobody is judge in their own cause: the rules that keep a decision independent of the people who gain from it.
 * Each answers a verdict with a reason a person can read.
 */
public final class Independence {

    private Independence() {
    }

    /**
     * Nobody approves a request they made, one for themselves, or one for a team they belong to: the first two
     * would be self-service, the third a member approving their own team's access.
     */
    public static Verdict mayApprove(String decider, Set<String> deciderTeams, String requester, Principal principal) {
        if (decider.equals(requester)) {
            return Verdict.refuse("approver", "Nobody approves their own request, owners included.");
        }
        if (principal.type() == Principal.Type.USER && principal.name().equals(decider)) {
            return Verdict.refuse("approver", "Nobody approves access for themselves.");
        }
        if (principal.type() == Principal.Type.TEAM && deciderTeams.contains(principal.name())) {
            return Verdict.refuse("approver", "Nobody approves access for a team they belong to (" + principal.name()
                    + "): another approver decides.");
        }
        return Verdict.allow();
    }

    /**
     * The policy approves a request on its own only when nobody of the owner team is serving themselves: a member
     * of the owner team asking for themselves or for the owner team waits for another owner.
     */
    public static Verdict mayApproveAutomatically(String requester, Set<String> requesterTeams, Principal principal,
            String ownerTeam) {
        if (!requesterTeams.contains(ownerTeam)) {
            return Verdict.allow();
        }
        boolean forThemselves = principal.type() == Principal.Type.USER && principal.name().equals(requester);
        boolean forTheOwnerTeam = principal.type() == Principal.Type.TEAM && principal.name().equals(ownerTeam);
        boolean forTheirOwnTeam = principal.type() == Principal.Type.TEAM && requesterTeams.contains(principal.name());
        if (forThemselves || forTheOwnerTeam || forTheirOwnTeam) {
            return Verdict.refuse("autoApprove", "a member of " + ownerTeam + " asked for " + principal
                    + ": another owner decides");
        }
        return Verdict.allow();
    }

    /**
     * The owners decide for their product unless they are all party to the request: a request for the owner team
     * itself goes to the stewards of the domain instead.
     */
    public static boolean ownersArePartyTo(Principal principal, String ownerTeam) {
        return principal.type() == Principal.Type.TEAM && principal.name().equals(ownerTeam);
    }
}
