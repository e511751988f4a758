package dev.agora.access.policy;

import dev.agora.access.ApproverRole;
import dev.agora.catalog.Classification;
import dev.agora.platform.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a classification demands of an access request: who approves, whether it is approved without anyone
 * (PUBLIC only, when the policy says so) and the longest access it may give.
 */
public record AccessPolicy(Classification classification, List<ApproverRole> approvers, boolean autoApprove,
        int maxDurationDays) {

    public static final int LONGEST = 3650;

    public AccessPolicy {
        approvers = List.copyOf(new LinkedHashSet<>(approvers == null ? List.of() : approvers));
    }

    /** The defaults Agora starts with: stricter as data gets more sensitive. */
    public static AccessPolicy defaultFor(Classification classification) {
        return switch (classification) {
            case PUBLIC -> new AccessPolicy(classification, List.of(ApproverRole.OWNER), true, 365);
            case INTERNAL -> new AccessPolicy(classification, List.of(ApproverRole.OWNER), false, 180);
            case CONFIDENTIAL -> new AccessPolicy(classification, List.of(ApproverRole.OWNER, ApproverRole.STEWARD),
                    false, 90);
            case RESTRICTED -> new AccessPolicy(classification, List.of(ApproverRole.OWNER, ApproverRole.STEWARD),
                    false, 30);
        };
    }

    /**
     * What a request of this classification goes through, in one line an administrator can check before saving:
     * "A RESTRICTED request needs an owner of the product's team and a steward of its domain (in either order); a
     * request for the owner team itself goes to a steward instead; access lasts at most 30 days." It follows the
     * routing of {@code AccessRequest.submit}: the steps are independent of each other, PUBLIC auto-approval gives
     * way to the owners when a member of the owner team serves themselves.
     */
    public String preview() {
        String name = classification.name();
        StringBuilder line = new StringBuilder("AEIOU".indexOf(name.charAt(0)) >= 0 ? "An " : "A ").append(name)
                .append(" request ");
        String deciders = approvers.stream().map(AccessPolicy::who).reduce((a, b) -> a + " and " + b)
                .orElse("nobody");
        if (autoApprove) {
            line.append("is approved at once by the policy; when a member of the owner team asks for themselves or ")
                    .append("their team, it needs ").append(deciders);
        } else {
            line.append("needs ").append(deciders);
            if (approvers.size() > 1) {
                line.append(" (in either order)");
            }
        }
        if (approvers.contains(ApproverRole.OWNER) && !approvers.contains(ApproverRole.STEWARD)) {
            line.append("; a request for the owner team itself goes to a steward of the domain instead");
        }
        return line.append("; access lasts at most ").append(maxDurationDays)
                .append(maxDurationDays == 1 ? " day." : " days.").toString();
    }

    private static String who(ApproverRole role) {
        return switch (role) {
            case OWNER -> "an owner of the product's team";
            case STEWARD -> "a steward of its domain";
        };
    }

    /** Checks the policy's own form, naming every problem. */
    public AccessPolicy validated() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        if (!approvers.contains(ApproverRole.OWNER)) {
            problems.add(new Refusal.FieldProblem("approvers", "must include OWNER: the owners decide on their data"));
        }
        if (classification == Classification.RESTRICTED && !approvers.contains(ApproverRole.STEWARD)) {
            problems.add(new Refusal.FieldProblem("approvers", "must include STEWARD for RESTRICTED data"));
        }
        if (autoApprove && classification != Classification.PUBLIC) {
            problems.add(new Refusal.FieldProblem("autoApprove", "is allowed for PUBLIC data only"));
        }
        if (maxDurationDays < 1 || maxDurationDays > LONGEST) {
            problems.add(new Refusal.FieldProblem("maxDurationDays", "must be between 1 and " + LONGEST));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The policy for " + classification + " is not valid.", problems);
        }
        return this;
    }
}
