package dev.agora.identity;

import dev.agora.audit.ChangeJournal;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What an administrator does to an account: deactivate a leaver, reactivate them, change their platform role.
 * Identity owns the account; what others hold for the person (access, requests) they withdraw themselves when
 * told of {@link AccountDeactivated}, in the same transaction, so that identity depends on none of them.
 */
@ApplicationScoped
public class AccountAdministration {

    /** What a deactivation or reactivation did: {@code changed} is false when the account was already so. */
    public record StatusChange(AccountSearch.AccountDetails account, boolean changed) {}

    private final ChangeJournal journal;
    private final Clock clock;
    private final Event<AccountDeactivated> deactivated;
    private final AccountSearch search;

    AccountAdministration(ChangeJournal journal, Clock clock, Event<AccountDeactivated> deactivated,
            AccountSearch search) {
        this.journal = journal;
        this.clock = clock;
        this.deactivated = deactivated;
        this.search = search;
    }

    /**
     * Deactivates the account: it can no longer sign in, its sessions end, and (through {@link AccountDeactivated})
     * its personal API tokens are revoked, its active access revoked through the grant engines and its pending
     * requests cancelled. The person's products stay with their team. Repeating it changes nothing.
     */
    @Transactional
    public StatusChange deactivate(String username, String actor) {
        List<User> administrators = Administrators.lockActive();
        Administrators.requireAmong(administrators, actor);
        User user = locked(username);
        if (!user.enabled()) {
            return new StatusChange(search.detailsOf(user), false);
        }
        if (user.username().equals(Username.normalise(actor))) {
            throw Refusal.conflict("You cannot deactivate your own account; ask another administrator.");
        }
        if (user.platformRole() == PlatformRole.ADMIN) {
            Administrators.keepOneBesides(administrators, user, "deactivate");
        }
        user.enable(false, clock.instant());
        user.endSessions(clock.instant());
        journal.record(actor, "identity.user.deactivated", "user", user.username(),
                Map.of("username", user.username()));
        deactivated.fire(new AccountDeactivated(user.username(), actor));
        return new StatusChange(search.detailsOf(user), true);
    }

    /**
     * Lets the account sign in again. Nothing it lost comes back by itself: access must be requested anew and tokens
     * created anew, so that a returning person passes today's approvals.
     */
    @Transactional
    public StatusChange reactivate(String username, String actor) {
        Administrators.requireAmong(Administrators.lockActive(), actor);
        User user = locked(username);
        if (user.enabled()) {
            return new StatusChange(search.detailsOf(user), false);
        }
        user.enable(true, clock.instant());
        journal.record(actor, "identity.user.reactivated", "user", user.username(),
                Map.of("username", user.username()));
        return new StatusChange(search.detailsOf(user), true);
    }

    /**
     * Gives the account this platform role, as set by hand. Refused for one's own account (an administrator does
     * not demote themselves mid-session) and when it would leave no active administrator.
     */
    @Transactional
    public AccountSearch.AccountDetails changePlatformRole(String username, PlatformRole role, String actor) {
        List<User> administrators = Administrators.lockActive();
        Administrators.requireAmong(administrators, actor);
        if (role == null) {
            throw Refusal.invalid("role", "must be one of ADMIN, USER");
        }
        User user = locked(username);
        if (user.platformRole() == role) {
            return search.detailsOf(user);
        }
        if (user.username().equals(Username.normalise(actor))) {
            throw Refusal.conflict("You cannot change your own platform role; ask another administrator.");
        }
        if (user.platformRole() == PlatformRole.ADMIN && user.enabled()) {
            Administrators.keepOneBesides(administrators, user, "take the administrator role from");
        }
        PlatformRole before = user.platformRole();
        user.changePlatformRole(role, MembershipSource.AGORA, clock.instant());
        journal.record(actor, "identity.user.platform-role-changed", "user", user.username(), Map.of(
                "username", user.username(), "before", before.name(), "after", role.name(), "source", "agora"));
        return search.detailsOf(user);
    }

    /** The account, locked (after the administrators, see {@link Administrators#lockActive()}). */
    private static User locked(String username) {
        return User.<User>find("username", Username.normalise(username == null ? "" : username))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> Refusal.notFound("There is no account named '" + username + "'."));
    }
}
