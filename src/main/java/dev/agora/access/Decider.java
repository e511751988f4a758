package dev.agora.access;

import java.util.Set;

/**
 * Someone deciding on a request, with what makes them an approver: the teams they own and the domains they
 * steward, as the directory knows them at the moment of the decision, and every team they belong to (a member
 * of the team a request is for is party to it and does not decide it).
 */
public record Decider(String username, Set<String> ownerOf, Set<String> stewardOf, boolean admin,
        Set<String> memberOf) {

    public Decider {
        ownerOf = Set.copyOf(ownerOf);
        stewardOf = Set.copyOf(stewardOf);
        memberOf = Set.copyOf(memberOf);
    }

    /** A decider who belongs to no team beyond those they own. */
    public Decider(String username, Set<String> ownerOf, Set<String> stewardOf, boolean admin) {
        this(username, ownerOf, stewardOf, admin, ownerOf);
    }

    public boolean holds(ApproverRole role, String scope) {
        return switch (role) {
            case OWNER -> ownerOf.contains(scope);
            case STEWARD -> stewardOf.contains(scope);
        };
    }
}
