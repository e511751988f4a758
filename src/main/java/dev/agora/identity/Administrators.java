package dev.agora.identity;

import dev.agora.platform.Refusal;
import jakarta.persistence.LockModeType;
import java.util.List;

/**
 * The rules about who runs the console: only an active administrator manages accounts, and the organisation always
 * keeps at least one. The one place these rules live; the API and the console both reach them through
 * {@link AccountAdministration} and {@link AccountSearch}.
 */
final class Administrators {

    private Administrators() {
    }

    /** The acting account, if it is an active administrator; refused otherwise (also when the name is unknown). */
    static User require(String actor) {
        return User.findByUsername(actor == null ? "" : actor)
                .filter(User::enabled)
                .filter(user -> user.platformRole() == PlatformRole.ADMIN)
                .orElseThrow(() -> Refusal.forbidden("Only an active administrator may manage accounts."));
    }

    /**
     * The active administrators, locked (in id order) until the transaction ends. Every change of an account takes
     * this lock first, so that two of them never deadlock and never both pass a rule on the same state: two admins
     * deactivating each other at once are serialised, and the second sees that the first is gone.
     */
    static List<User> lockActive() {
        return User.<User>find("enabled = true and platformRole = ?1 order by id", PlatformRole.ADMIN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The acting account, if it is among the locked active administrators; refused otherwise. */
    static User requireAmong(List<User> active, String actor) {
        String name = Username.normalise(actor == null ? "" : actor);
        return active.stream().filter(user -> user.username().equals(name)).findFirst()
                .orElseThrow(() -> Refusal.forbidden("Only an active administrator may manage accounts."));
    }

    /** Refuses a change that would leave none of the locked active administrators once {@code leaving} is gone. */
    static void keepOneBesides(List<User> active, User leaving, String change) {
        boolean another = active.stream().anyMatch(user -> !user.id().equals(leaving.id()));
        if (!another) {
            throw Refusal.conflict("You cannot " + change + " " + leaving.username()
                    + ": it is the last active administrator. Make another account an administrator first.");
        }
    }
}
