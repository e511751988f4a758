package dev.agora.identity.sso;

import dev.agora.identity.ExternalIdentity;
import dev.agora.identity.OidcSettings;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads who a verified token of the provider stands for — the browser's ID token, a person's access token or a
 * pipeline's client-credentials token — with the claim names of the configured provider
 * ({@link OidcSettings#effectiveGroupsClaim()}, {@link OidcSettings#effectiveUsernameClaim()}). The provider signed the claims, but their shapes and sizes are still checked — a
 * claim of the wrong type or an implausible number of groups refuses the token instead of being half-read.
 */
final class ProviderTokenClaims {

    /** Longest group name read from a token. */
    static final int MAX_GROUP_NAME_LENGTH = 255;

    /** Keycloak names the account behind a client's service account "service-account-&lt;client id&gt;". */
    static final String KEYCLOAK_SERVICE_ACCOUNT = "service-account-";

    /** A token that cannot stand for an account, with the reason a caller may be told. */
    static final class Unusable extends RuntimeException {
        Unusable(String reason) {
            super(reason);
        }
    }

    private ProviderTokenClaims() {
    }

    /** The identity in a JWT whose signature quarkus-oidc has already verified. */
    static ExternalIdentity readVerifiedJwt(String jwt, OidcSettings settings) {
        return read(payload(jwt), settings);
    }

    private static JsonObject payload(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new Unusable("the token is not a signed JWT");
        }
        try {
            return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DecodeException unreadable) {
            throw new Unusable("the token's claims cannot be read");
        }
    }

    static ExternalIdentity read(JsonObject claims, OidcSettings settings) {
        String issuer = text(claims, "iss").orElseThrow(() -> new Unusable("the token names no issuer"));
        String subject = text(claims, "sub").orElseThrow(() -> new Unusable("the token names no subject"));
        String username = firstText(claims, List.of(settings.effectiveUsernameClaim(), "preferred_username",
                "username")).orElse(subject);
        Optional<String> clientId = clientId(claims, subject);
        try {
            return new ExternalIdentity(issuer, subject, username, text(claims, settings.nameClaim()).orElse(null),
                    text(claims, settings.emailClaim()).orElse(null), groups(claims, settings.effectiveGroupsClaim()),
                    clientId);
        } catch (IllegalArgumentException unusable) {
            throw new Unusable(unusable.getMessage());
        }
    }

    /**
     * The client a client-credentials token was issued to, or empty for a person's token. Cognito and
     * mock-oauth2-server make the client its own subject ({@code sub} = {@code client_id}/{@code azp}); Keycloak
     * gives it a service-account user named after the client.
     */
    static Optional<String> clientId(JsonObject claims, String subject) {
        Optional<String> clientIdClaim = text(claims, "client_id");
        Optional<String> authorisedParty = text(claims, "azp");
        if (clientIdClaim.filter(subject::equals).isPresent() || authorisedParty.filter(subject::equals).isPresent()) {
            return Optional.of(subject);
        }
        Optional<String> client = authorisedParty.or(() -> clientIdClaim);
        Optional<String> preferredUsername = text(claims, "preferred_username");
        if (client.isPresent() && preferredUsername.filter((KEYCLOAK_SERVICE_ACCOUNT + client.get())::equals)
                .isPresent()) {
            return client;
        }
        return Optional.empty();
    }

    /**
     * The groups claim: absent = empty (memberships stay as they are); a list of names, or a single name. Blank
     * entries are dropped.
     */
    static Optional<Set<String>> groups(JsonObject claims, String claim) {
        Object value = claims.getValue(claim);
        if (value == null) {
            return Optional.empty();
        }
        Set<String> groups = new LinkedHashSet<>();
        if (value instanceof String single) {
            add(groups, single);
        } else if (value instanceof JsonArray list) {
            if (list.size() > ExternalIdentity.MAX_GROUPS) {
                throw new Unusable("the token lists more than " + ExternalIdentity.MAX_GROUPS + " groups");
            }
            for (Object entry : list) {
                if (!(entry instanceof String name)) {
                    throw new Unusable("the " + claim + " claim is not a list of group names");
                }
                add(groups, name);
            }
        } else {
            throw new Unusable("the " + claim + " claim is not a list of group names");
        }
        return Optional.of(groups);
    }

    private static void add(Set<String> groups, String name) {
        String group = name.strip();
        if (group.length() > MAX_GROUP_NAME_LENGTH) {
            throw new Unusable("the token names a group longer than " + MAX_GROUP_NAME_LENGTH + " characters");
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
    }

    private static Optional<String> firstText(JsonObject claims, List<String> names) {
        for (String name : names) {
            Optional<String> value = text(claims, name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonObject claims, String name) {
        return claims.getValue(name) instanceof String value && !value.isBlank() ? Optional.of(value.strip())
                : Optional.empty();
    }
}
