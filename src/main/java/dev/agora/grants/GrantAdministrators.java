package dev.agora.grants;

import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.identity.SystemActor;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one rule of who reads grant health and repairs grants: administrators (and Agora itself). The API refuses
 * others before the call; the services ask again, so that no other way in skips it.
 */
@ApplicationScoped
public class GrantAdministrators {

    private final Directory directory;

    GrantAdministrators(Directory directory) {
        this.directory = directory;
    }

    public boolean are(String actor) {
        return SystemActor.is(actor) || directory.profile(actor).map(AccountProfile::isAdmin).orElse(false);
    }

    public void require(String actor) {
        if (!are(actor)) {
            throw Refusal.forbidden("Only administrators see grant health and repair grants.");
        }
    }
}
