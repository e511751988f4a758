package dev.agora.identity;

import java.util.Set;

/** The part of an account that sign-in needs: its name and security roles. */
public record SignedInAccount(String username, String displayName, Set<String> roles) {

    static SignedInAccount of(User user) {
        return new SignedInAccount(user.username(), user.displayName(), user.platformRole().securityRoles());
    }
}
