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

    /** The provider's issuer and the token's subject for an account that signs in through single sign-on. */
    @Column(name = "sso_issuer")
    private String ssoIssuer;

    @Column(name = "sso_subject")
    private String ssoSubject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountKind kind = AccountKind.PERSON;

    @Enumerated(EnumType.STRING)
    @Column(name = "platform_role_source", nullable = false)
    private MembershipSource platformRoleSource = MembershipSource.AGORA;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

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

    /** An account made at first sign-in through a provider: no password, keyed by issuer and subject. */
    static User fromProvider(Username username, String displayName, String email, String issuer, String subject,
            AccountKind kind, Instant now) {
        User user = new User(username, displayName, email, null, PlatformRole.USER, now);
        user.ssoIssuer = issuer;
        user.ssoSubject = subject;
        user.kind = kind;
        user.platformRoleSource = MembershipSource.PROVIDER;
        return user;
    }

    static Optional<User> findBySsoIdentity(String issuer, String subject) {
        return find("ssoIssuer = ?1 and ssoSubject = ?2", issuer, subject).firstResultOptional();
    }

    /** Links this account to a provider identity: sign-in through the provider then lands here. */
    void linkSsoIdentity(String issuer, String subject, Instant now) {
        this.ssoIssuer = issuer;
        this.ssoSubject = subject;
        this.updatedAt = now;
    }

    void unlinkSsoIdentity(Instant now) {
        this.ssoIssuer = null;
        this.ssoSubject = null;
        this.updatedAt = now;
    }

    /** The provider's view of the person, refreshed at each sign-in. */
    void refreshFromProvider(String displayName, String email, Instant now) {
        if (displayName != null && !displayName.isBlank()) {
            this.displayName = displayName;
        }
        if (email != null && !email.isBlank()) {
            this.email = email;
        }
        this.lastSignInAt = now;
        this.updatedAt = now;
    }

    void changePlatformRole(PlatformRole role, MembershipSource source, Instant now) {
        this.platformRole = role;
        this.platformRoleSource = source;
        this.updatedAt = now;
    }

    public Optional<String> ssoIssuer() {
        return Optional.ofNullable(ssoIssuer);
    }

    public Optional<String> ssoSubject() {
        return Optional.ofNullable(ssoSubject);
    }

    public AccountKind kind() {
        return kind;
    }

    public MembershipSource platformRoleSource() {
        return platformRoleSource;
    }

    public Optional<Instant> lastSignInAt() {
        return Optional.ofNullable(lastSignInAt);
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
