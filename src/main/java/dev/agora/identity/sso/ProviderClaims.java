package dev.agora.identity.sso;

import dev.agora.identity.ExternalIdentity;
import dev.agora.identity.OidcSettings;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads who a verified ID token says someone is into an {@link ExternalIdentity}, with the claim names of the
 * configured provider ({@link OidcSettings#effectiveGroupsClaim()}, {@link OidcSettings#effectiveUsernameClaim()}).
 * Every value is bounded: a claim longer than a username, name or group name can be is refused, not stored.
 */
final class ProviderClaims {

    /** The longest group name read from a token; longer ones cannot be a configured group mapping anyway. */
    static final int MAX_GROUP_LENGTH = 255;

    private ProviderClaims() {
    }

    /**
     * @param claim the value of a claim of the token by name (null when absent), as the JWT library gives it:
     *              strings, JSON values, collections of either
     * @throws IllegalArgumentException when the token cannot stand for a person (no issuer or subject, too many
     *              or malformed groups)
     */
    static ExternalIdentity read(Function<String, Object> claim, OidcSettings settings) {
        Optional<Set<String>> groups = Optional.ofNullable(claim.apply(settings.effectiveGroupsClaim()))
                .map(ProviderClaims::groups);
        return new ExternalIdentity(text(claim.apply("iss")), text(claim.apply("sub")),
                text(claim.apply(settings.effectiveUsernameClaim())), text(claim.apply(settings.nameClaim())),
                text(claim.apply(settings.emailClaim())), groups, Optional.empty());
    }

    private static Set<String> groups(Object value) {
        Collection<?> values = value instanceof Collection<?> many ? many : java.util.List.of(value);
        if (values.size() > ExternalIdentity.MAX_GROUPS) {
            throw new IllegalArgumentException("a token with more than " + ExternalIdentity.MAX_GROUPS + " groups");
        }
        Set<String> groups = new LinkedHashSet<>();
        for (Object one : values) {
            String group = text(one);
            if (group == null || group.isBlank()) {
                continue;
            }
            if (group.length() > MAX_GROUP_LENGTH) {
                throw new IllegalArgumentException("a token with a group name longer than " + MAX_GROUP_LENGTH);
            }
            groups.add(group.strip());
        }
        return groups;
    }

    private static String text(Object value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString json) {
            return json.getString();
        }
        if (value instanceof String string) {
            return string;
        }
        return value.toString();
    }
}
