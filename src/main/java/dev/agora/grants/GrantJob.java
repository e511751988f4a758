package dev.agora.grants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A durable instruction to grant or revoke one permission, retried with capped, jittered backoff: a grant until
 * done or past its give-up horizon, a revocation until done (access that should be gone is never left in place).
 */
@Entity
@Table(name = "grant_jobs")
public class GrantJob extends PanacheEntityBase {

    public enum Action {
        GRANT,
        REVOKE
    }

    public enum Status {
        QUEUED,
        /** held by a worker until its lease runs out */
        RUNNING,
        DONE,
        FAILED,
        /** a queued grant made pointless by a revocation */
        SUPERSEDED
    }

    @Id
    private UUID id;

    @Column(name = "grant_id", nullable = false)
    private UUID grantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Action action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "last_error")
    private String lastError;

    private String outcome;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected GrantJob() {
        // for JPA
    }

    GrantJob(UUID grantId, Action action, Instant now) {
        this.id = UUID.randomUUID();
        this.grantId = grantId;
        this.action = action;
        this.status = Status.QUEUED;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void claim(String worker, Instant until) {
        this.status = Status.RUNNING;
        this.claimedBy = worker;
        this.leaseUntil = until;
    }

    void done(String outcome, Instant now) {
        this.status = Status.DONE;
        this.outcome = outcome;
        this.lastError = null;
        this.finishedAt = now;
        this.attempts++;
    }

    /** Counts the attempt and schedules the next one; tells whether another one is allowed. */
    boolean retryLater(String error, RetryPolicy policy, Instant now) {
        attempts++;
        lastError = error;
        if (action == Action.GRANT && policy.givenUp(createdAt, now)) {
            status = Status.FAILED;
            finishedAt = now;
            return false;
        }
        nextAttemptAt = now.plus(policy.delayBefore(attempts + 1));
        status = Status.QUEUED;
        leaseUntil = null;
        return true;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    void failed(String error, Instant now) {
        attempts++;
        status = Status.FAILED;
        lastError = error;
        finishedAt = now;
    }

    void superseded(Instant now) {
        status = Status.SUPERSEDED;
        finishedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String claimedBy() {
        return claimedBy;
    }

    public UUID grantId() {
        return grantId;
    }

    public Action action() {
        return action;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
