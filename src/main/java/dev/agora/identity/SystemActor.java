package dev.agora.identity;

import java.util.List;
import java.util.Set;

/**
 * Agora acting on its own behalf (the demo seed, scheduled jobs): named "system:…", a form no account can have
 * (usernames cannot contain ':'), and allowed what an administrator is allowed.
 */
public final class SystemActor {

    private static final String PREFIX = "system:";

    private SystemActor() {
    }

    public static boolean is(String actor) {
        return actor != null && actor.startsWith(PREFIX) && actor.length() > PREFIX.length();
    }

    public static AccountProfile profile(String actor) {
        if (!is(actor)) {
            throw new IllegalArgumentException(actor + " is not a system actor");
        }
        return new AccountProfile(actor, "Agora (" + actor.substring(PREFIX.length()) + ")", null,
                PlatformRole.ADMIN, Set.of(Roles.ADMIN, Roles.USER), List.of(), List.of());
    }
}
