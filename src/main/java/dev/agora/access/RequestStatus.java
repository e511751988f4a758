package dev.agora.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an access request is. PENDING → APPROVED → ACTIVE → EXPIRED or REVOKED; PENDING → REJECTED or
 * CANCELLED; APPROVED → FAILED (the grant could not be applied) → ACTIVE once a retry applies it.
 */
public enum RequestStatus {
    PENDING,
    APPROVED,
    ACTIVE,
    FAILED,
    REJECTED,
    CANCELLED,
    EXPIRED,
    REVOKED;

    /** Still in progress: a second request for the same principal and port is refused while one is open. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Finished for good. */
    public boolean isFinal() {
        return !isOpen();
    }

    private static final Set<RequestStatus> OPEN = EnumSet.of(PENDING, APPROVED, ACTIVE, FAILED);
}
