package dev.agora.grants;

/** Where a grant is: waiting for its job, in place, failed, being taken back, taken back. */
public enum GrantStatus {
    PENDING,
    ACTIVE,
    FAILED,
    REVOKING,
    REVOKED
}
