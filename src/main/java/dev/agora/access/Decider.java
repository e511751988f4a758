package dev.agora.access;

import java.util.Set;

/**
 * Someone deciding on a request, with what makes them an approver: the teams they own and the domains they
 * steward, as the directory knows them at the moment of the decision.
 */
public record Decider(String username, Set<String> ownerOf, Set<String> stewardOf, boolean admin) {

    public Decider {
        ownerOf = Set.copyOf(ownerOf);
        stewardOf = Set.copyOf(stewardOf);
    }

    public boolean holds(ApproverRole role, String scope) {
        return switch (role) {
            case OWNER -> ownerOf.contains(scope);
            case STEWARD -> stewardOf.contains(scope);
        };
    }
}
