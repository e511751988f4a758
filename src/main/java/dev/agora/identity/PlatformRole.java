package dev.agora.identity;

import java.util.Set;

/** What an account may do in Agora as a whole; what it may do with data comes from its team roles. */
public enum PlatformRole {
    /** runs the governance console: domains, teams, policies, audit, grant health */
    ADMIN,
    /** everyone who signs in: publishes and finds products, requests and approves access by team role */
    USER;

    /** Names of the security roles an account of this platform role holds; an admin is also a user. */
    public Set<String> securityRoles() {
        return this == ADMIN ? Set.of(Roles.ADMIN, Roles.USER) : Set.of(Roles.USER);
    }
}
