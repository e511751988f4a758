package dev.agora.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal API token of an account: its name, expiry and last use, and the hash of its secret (never the secret). */
@Entity
@Table(name = "personal_tokens")
class PersonalToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private User user;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_hash", nullable = false, unique = true)
    private String secretHash;

    @Column(nullable = false)
    private String hint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected PersonalToken() {
        // for JPA
    }

    PersonalToken(User user, String name, String secretHash, String hint, Instant createdAt, Instant expiresAt) {
        this.user = user;
        this.name = name;
        this.secretHash = secretHash;
        this.hint = hint;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Neither revoked nor expired: the token signs in. */
    boolean live(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(String actor, Instant now) {
        this.revokedAt = now;
        this.revokedBy = actor;
    }

    Long id() {
        return id;
    }

    User user() {
        return user;
    }

    String name() {
        return name;
    }

    String secretHash() {
        return secretHash;
    }

    String hint() {
        return hint;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }
}
