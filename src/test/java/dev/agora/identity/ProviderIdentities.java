package dev.agora.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a provider's verified token says of a person, built for specs: each spec's own issuer, so that no other
 * spec's accounts blur the picture, and a fresh subject per person.
 */
final class ProviderIdentities {

    final String issuer = "https://idp-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org/realms/agora";

    /**
     * A unique name. Accounts of these specs start with "u-", so that in the console's account list (by name) they
     * come after the demo people, whom the browser specs look for on its first screen.
     */
    static String unique(String prefix) {
        return "u-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String subject() {
        return UUID.randomUUID().toString();
    }

    /** A person with a groups claim that lists these groups. */
    ExternalIdentity person(String subject, String username, Set<String> groups) {
        return new ExternalIdentity(issuer, subject, username, "Name of " + username, username + "@example.org",
                Optional.of(groups), Optional.empty());
    }

    /** A person whose token carries no groups claim at all. */
    ExternalIdentity withoutGroupsClaim(String subject, String username) {
        return new ExternalIdentity(issuer, subject, username, "Name of " + username, username + "@example.org",
                Optional.empty(), Optional.empty());
    }
}
