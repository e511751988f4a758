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

    /** The table (or Glue location) found, apart from the display text; null on findings of earlier versions. */
    String location;

    @Column(name = "column_name")
    String column;

    /** What an administrator did about it, null while nobody did. */
    @Enumerated(EnumType.STRING)
    Resolution resolution;

    @Column(name = "resolution_note")
    String resolutionNote;

    @Column(name = "resolved_by")
    String resolvedBy;

    @Column(name = "resolved_at")
    Instant resolvedAt;

    /** What an administrator did about a finding. */
    public enum Resolution {
        /** the missing grant was queued to be applied again */
        HEALED,
        /** the privilege that should not be there was taken away (or its revocation queued) */
        REVOKED
    }

    void resolved(Resolution how, String note, String actor, Instant now) {
        resolution = how;
        resolutionNote = note;
        resolvedBy = actor;
        resolvedAt = now;
    }

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

    java.util.Optional<UUID> grantIdOptional() {
        return java.util.Optional.ofNullable(grantId);
    }

    public String action() {
        return action;
    }

    public Instant foundAt() {
        return foundAt;
    }

    public UUID id() {
        return id;
    }

    public UUID runId() {
        return runId;
    }

    public String location() {
        return location;
    }

    public String column() {
        return column;
    }

    public Resolution resolution() {
        return resolution;
    }

    public String resolutionNote() {
        return resolutionNote;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }
}
