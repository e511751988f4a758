package dev.agora.identity;

import dev.agora.audit.ChangeJournal;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Accounts with a password stored in Agora (bcrypt): creation, sign-in checks, password changes. */
@ApplicationScoped
public class LocalAccounts {

    /** What an administrator (or the demo seed) gives to open an account. */
    public record NewAccount(String username, String displayName, String email, String password,
            PlatformRole platformRole) {}

    private final PasswordHashing hashing;
    private final ChangeJournal journal;
    private final Clock clock;
    private final String demoPassword;

    LocalAccounts(PasswordHashing hashing, ChangeJournal journal, Clock clock,
            @ConfigProperty(name = "agora.demo.password", defaultValue = "agora-demo") String demoPassword) {
        this.hashing = hashing;
        this.journal = journal;
        this.clock = clock;
        this.demoPassword = demoPassword;
    }

    /** Opens an account whose password follows the password policy. */
    @Transactional
    public SignedInAccount open(NewAccount account, String actor) {
        return create(account, actor, true);
    }

    /** Opens a demo account, which has the documented demo password that the policy refuses everywhere else. */
    @Transactional
    SignedInAccount openDemoAccount(NewAccount account, String actor) {
        return create(account, actor, false);
    }

    private SignedInAccount create(NewAccount account, String actor, boolean enforcePolicy) {
        Username username = Username.of(account.username());
        String displayName = account.displayName() == null || account.displayName().isBlank()
                ? username.value() : account.displayName().trim();
        if (enforcePolicy) {
            PasswordPolicy.check("password", account.password(), username.value(), demoPassword);
        }
        if (User.findByUsername(username.value()).isPresent()) {
            throw Refusal.conflict("An account named '" + username + "' already exists.");
        }
        PlatformRole role = account.platformRole() == null ? PlatformRole.USER : account.platformRole();
        User user = new User(username, displayName, blankToNull(account.email()), hashing.hash(account.password()),
                role, clock.instant());
        user.persist();
        journal.record(actor, "identity.user.created", "user", user.username(), Map.of(
                "username", user.username(), "displayName", user.displayName(), "platformRole", role.name()));
        return SignedInAccount.of(user);
    }

    public boolean exists(String username) {
        return User.findByUsername(username).isPresent();
    }

    /** Checks a password at sign-in; empty when the account is unknown, disabled or the password is wrong. */
    @ActivateRequestContext
    public Optional<SignedInAccount> verify(String username, String password) {
        Optional<User> user = User.findByUsername(username);
        Optional<String> storedHash = user.filter(User::enabled).flatMap(User::passwordHash);
        if (storedHash.isEmpty()) {
            hashing.matchAgainstDecoy(password);
            return Optional.empty();
        }
        return hashing.matches(password, storedHash.get()) ? user.map(SignedInAccount::of) : Optional.empty();
    }

    /** The account behind an already established session, if it still exists and is enabled. */
    @ActivateRequestContext
    public Optional<SignedInAccount> active(String username) {
        return User.findByUsername(username).filter(User::enabled).map(SignedInAccount::of);
    }

    /** The account behind a session opened at the given session version, unless its sessions were ended since. */
    @ActivateRequestContext
    public Optional<SignedInAccount> activeSession(String username, long sessionVersion) {
        return User.findByUsername(username).filter(User::enabled)
                .filter(user -> user.sessionVersion() == sessionVersion).map(SignedInAccount::of);
    }

    /** The session version a new session of the account is opened with. */
    @ActivateRequestContext
    public long sessionVersion(String username) {
        return User.findByUsername(username).map(User::sessionVersion).orElse(0L);
    }

    /** Ends every session of the account, in every browser and on every instance (sign-out does this). */
    @Transactional
    public void endSessions(String username, String actor) {
        User.findByUsername(username).ifPresent(user -> {
            user.endSessions(clock.instant());
            journal.record(actor, "identity.sessions.ended", "user", user.username(),
                    Map.of("username", user.username()));
        });
    }

    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        User user = User.findByUsername(username)
                .orElseThrow(() -> Refusal.notFound("There is no account named '" + username + "'."));
        String storedHash = user.passwordHash().orElseThrow(() -> Refusal.conflict(
                "This account signs in through single sign-on; change the password at your identity provider."));
        if (!hashing.matches(currentPassword, storedHash)) {
            throw Refusal.invalid("currentPassword", "is not your current password");
        }
        PasswordPolicy.check("newPassword", newPassword, user.username(), demoPassword);
        user.replacePasswordHash(hashing.hash(newPassword), clock.instant());
        user.endSessions(clock.instant());
        journal.record(username, "identity.user.password-changed", "user", user.username(),
                Map.of("username", username));
    }

    /** Enabled local accounts whose password is the given one: a real deployment refuses to run with any. */
    @ActivateRequestContext
    public List<String> enabledAccountsWithPassword(String password) {
        List<String> found = new ArrayList<>();
        for (User user : User.<User>list("enabled = true and passwordHash is not null order by username")) {
            if (hashing.matches(password, user.passwordHash().orElseThrow())) {
                found.add(user.username());
            }
        }
        return found;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
