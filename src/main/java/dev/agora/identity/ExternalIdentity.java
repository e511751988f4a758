package dev.agora.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Who an identity provider says someone is, read from a verified token: the stable key (issuer and subject — never
 * the e-mail), what to call them, and their groups. {@code groups} is empty when the token carries no groups claim
 * at all, which leaves memberships as they are; a claim with no groups removes the provider's memberships.
 * {@code clientId} is set for a client-credentials token, which stands for a pipeline rather than a person.
 */
public record ExternalIdentity(String issuer, String subject, String preferredUsername, String displayName,
        String email, Optional<Set<String>> groups, Optional<String> clientId) {

    /** Longest value of a claim that Agora keeps: a provider (or a forged token) cannot make it store more. */
    static final int MAX_CLAIM_LENGTH = 255;

    /** At most this many groups are read from a token; more are refused as implausible. */
    public static final int MAX_GROUPS = 500;

    public ExternalIdentity {
        if (issuer == null || issuer.isBlank() || issuer.length() > 500) {
            throw new IllegalArgumentException("a token without a usable issuer");
        }
        if (subject == null || subject.isBlank() || subject.length() > MAX_CLAIM_LENGTH) {
            throw new IllegalArgumentException("a token without a usable subject");
        }
        groups = groups == null ? Optional.empty() : groups.map(Set::copyOf);
        clientId = clientId == null ? Optional.empty() : clientId.filter(id -> !id.isBlank());
        if (groups.isPresent() && groups.get().size() > MAX_GROUPS) {
            throw new IllegalArgumentException("a token with more than " + MAX_GROUPS + " groups");
        }
    }

    public boolean isClient() {
        return clientId.isPresent();
    }
}
