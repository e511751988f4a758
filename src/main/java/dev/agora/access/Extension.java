package dev.agora.access;

import java.time.Instant;
import java.util.List;

/**
 * A request to keep active access longer: decided like a request, by the same kinds of approvers, while the
 * access stays active.
 */
public record Extension(int durationDays, String reason, String requestedBy, Instant requestedAt,
        List<ApprovalStep> steps, Outcome outcome, Instant decidedAt) {

    public enum Outcome {
        PENDING,
        GRANTED,
        REFUSED
    }

    public Extension {
        steps = List.copyOf(steps);
    }

    public boolean isPending() {
        return outcome == Outcome.PENDING;
    }
}
