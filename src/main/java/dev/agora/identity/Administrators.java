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
     * Refuses a change that would leave no active administrator once {@code leaving} is no longer one. The active
     * administrators are locked first (in id order, so that two such changes never deadlock): two admins
     * deactivating each other at once are serialised, and the second sees that the first is gone.
     */
    static void keepOneBesides(User leaving, String change) {
        List<User> active = User.<User>find("enabled = true and platformRole = ?1 order by id", PlatformRole.ADMIN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        boolean another = active.stream().anyMatch(user -> !user.id().equals(leaving.id()));
        if (!another) {
            throw Refusal.conflict("You cannot " + change + " " + leaving.username()
                    + ": it is the last active administrator. Make another account an administrator first.");
        }
    }
}
