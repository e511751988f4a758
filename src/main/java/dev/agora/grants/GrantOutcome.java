package dev.agora.grants;

/**
 * What an engine did with a grant or a revocation. Telling "already so" and "try again later" apart from a real
 * failure lets jobs be idempotent and retried without guessing from exceptions.
 */
public sealed interface GrantOutcome {

    /** Done now. */
    record Applied() implements GrantOutcome {}

    /** Nothing to do: the permission was already there (grant) or already gone (revoke). */
    record AlreadyInPlace() implements GrantOutcome {}

    /** A passing problem (throttling, a connection): the job is tried again later. */
    record RetryLater(String reason) implements GrantOutcome {}

    /** Nothing to do any more: the grant was revoked while its job waited or ran; the revoke job rules. */
    record Superseded() implements GrantOutcome {}

    /** It cannot be done as asked; retrying the same will not help. */
    record Failed(String reason) implements GrantOutcome {}

    static GrantOutcome applied() {
        return new Applied();
    }

    static GrantOutcome alreadyInPlace() {
        return new AlreadyInPlace();
    }
}
