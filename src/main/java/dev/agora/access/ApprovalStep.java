package dev.agora.access;

import java.time.Instant;

/**
 * One approval a request needs: an OWNER of the owner team, or a STEWARD of the domain. Every step must be
 * approved, in any order; one rejection ends the request.
 *
 * @param scope the team (for OWNER) or the domain (for STEWARD) whose approver may decide
 */
public record ApprovalStep(ApproverRole role, String scope, Decision decision, String decidedBy, String comment,
        Instant decidedAt) {

    public enum Decision {
        PENDING,
        APPROVED,
        REJECTED
    }

    static ApprovalStep pending(ApproverRole role, String scope) {
        return new ApprovalStep(role, scope, Decision.PENDING, null, null, null);
    }

    ApprovalStep decided(Decision decision, String by, String comment, Instant at) {
        return new ApprovalStep(role, scope, decision, by, comment, at);
    }

    public boolean isPending() {
        return decision == Decision.PENDING;
    }

    /** Who may decide this step, in words: "an owner of team sales-analytics". */
    public String describe() {
        return role == ApproverRole.OWNER ? "an owner of team " + scope : "a steward of domain " + scope;
    }
}
