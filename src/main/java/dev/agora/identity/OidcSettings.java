package dev.agora.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Single sign-on through an OIDC provider (Amazon Cognito, Keycloak, any other): off until an issuer is set. The
 * README's "Single sign-on" section lists the environment variables.
 */
@ConfigMapping(prefix = "agora.oidc")
public interface OidcSettings {

    /** AGORA_OIDC_ISSUER, e.g. https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC or .../realms/agora */
    Optional<String> issuer();

    /** AGORA_OIDC_CLIENT_ID: Agora's client (app client) at the provider. */
    Optional<String> clientId();

    /** AGORA_OIDC_CLIENT_SECRET */
    Optional<String> clientSecret();

    /** What the sign-in page calls the provider: "Sign in with Keycloak". */
    @WithDefault("single sign-on")
    String providerName();

    /** The claim that lists a person's groups: cognito:groups for Cognito, groups for Keycloak and most others. */
    Optional<String> groupsClaim();

    /** The claim with the name people sign in with; Cognito's ID tokens call it cognito:username. */
    Optional<String> usernameClaim();

    @WithDefault("name")
    String nameClaim();

    @WithDefault("email")
    String emailClaim();

    /**
     * Audiences an API token may be issued for (its {@code aud}, or Cognito's {@code client_id} claim, which
     * Cognito access tokens carry instead); empty = the client id.
     */
    Optional<List<String>> audience();

    /**
     * Client-credentials clients and the team each publishes as (a MEMBER of it):
     * AGORA_OIDC_CLIENT_TEAMS="sales-etl=sales-analytics,hr-etl=people". A group mapping on the client id does the
     * same and can be edited at run time.
     */
    Optional<String> clientTeams();

    /**
     * Where sign-out sends the browser when the provider advertises no end_session_endpoint: Cognito's
     * https://&lt;domain&gt;.auth.&lt;region&gt;.amazoncognito.com/logout.
     */
    Optional<String> logoutUrl();

    default boolean enabled() {
        return issuer().filter(i -> !i.isBlank()).isPresent();
    }

    /** Whether the issuer is an Amazon Cognito user pool, whose claims and sign-out differ from the standard. */
    default boolean cognito() {
        return issuer().filter(i -> i.contains("cognito-idp.") && i.contains(".amazonaws.com/")).isPresent();
    }

    default String effectiveGroupsClaim() {
        return groupsClaim().filter(c -> !c.isBlank()).orElse(cognito() ? "cognito:groups" : "groups");
    }

    default String effectiveUsernameClaim() {
        return usernameClaim().filter(c -> !c.isBlank()).orElse(cognito() ? "cognito:username" : "preferred_username");
    }

    /** {@link #clientTeams()} as client id → team slug; malformed entries are reported at start. */
    default Map<String, String> clientTeamMap() {
        Map<String, String> teams = new LinkedHashMap<>();
        for (String entry : clientTeams().orElse("").split(",")) {
            int equals = entry.indexOf('=');
            if (equals > 0 && equals < entry.length() - 1) {
                teams.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
            }
        }
        return teams;
    }

    default List<String> effectiveAudience() {
        return audience().filter(a -> !a.isEmpty()).orElse(clientId().map(List::of).orElse(List.of()));
    }
}
