package dev.agora.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** An account: a person who signs in, locally with a password or through single sign-on. */
@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "platform_role", nullable = false)
    private PlatformRole platformRole;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Raised to end every session of the account: sessions carry the version they were opened with. */
    @Column(name = "session_version", nullable = false)
    private long sessionVersion;

    @Version
    private long version;

    protected User() {
        // for JPA
    }

    User(Username username, String displayName, String email, String passwordHash, PlatformRole platformRole,
            Instant now) {
        this.username = username.value();
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.platformRole = platformRole;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Optional<User> findByUsername(String username) {
        return find("username", Username.normalise(username)).firstResultOptional();
    }

    void replacePasswordHash(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.updatedAt = now;
    }

    void endSessions(Instant now) {
        this.sessionVersion++;
        this.updatedAt = now;
    }

    public long sessionVersion() {
        return sessionVersion;
    }

    void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    Optional<String> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    public boolean hasLocalPassword() {
        return passwordHash != null;
    }

    public PlatformRole platformRole() {
        return platformRole;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
