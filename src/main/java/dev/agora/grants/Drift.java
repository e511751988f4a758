package dev.agora.grants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A difference reconciliation found: a grant Agora approved that is gone, or one it never approved. */
@Entity
@Table(name = "grant_drift")
public class Drift extends PanacheEntityBase {

    public enum Kind {
        /** approved by Agora, not in the engine: re-applied */
        MISSING,
        /** in the engine on a resource Agora manages, never approved by Agora: flagged (or revoked by policy) */
        EXTRA,
        /** revoked (or being revoked) by Agora, still in the engine: the revocation is queued again */
        NOT_REVOKED
    }

    @Id
    UUID id;

    @Column(name = "run_id", nullable = false)
    UUID runId;

    @Column(nullable = false)
    String engine;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Kind kind;

    @Column(nullable = false)
    String grantee;

    @Column(nullable = false)
    String resource;

    @Column(nullable = false)
    String permission;

    @Column(name = "grant_id")
    UUID grantId;

    @Column(nullable = false)
    String action;

    @Column(name = "found_at", nullable = false)
    Instant foundAt;

    public String engine() {
        return engine;
    }

    public Kind kind() {
        return kind;
    }

    public String grantee() {
        return grantee;
    }

    public String resource() {
        return resource;
    }

    public String permission() {
        return permission;
    }

    public UUID grantId() {
        return grantId;
    }

    public String action() {
        return action;
    }

    public Instant foundAt() {
        return foundAt;
    }
}
