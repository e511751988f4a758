package dev.agora.identity.sso;

import dev.agora.identity.OidcSettings;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.TenantFeature;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * An API token must be meant for Agora: its {@code aud} names one of the configured audiences
 * ({@code AGORA_OIDC_AUDIENCE}, by default Agora's client id), or — as Cognito's access tokens carry no
 * {@code aud} — its {@code client_id} claim does. A token the provider issued for another application is refused
 * (401), however valid it is otherwise. Runs inside the token verification of the {@value OidcTenants#API_TENANT}
 * tenant, after the signature, issuer and expiry checks.
 */
@Unremovable
@ApplicationScoped
@TenantFeature(OidcTenants.API_TENANT)
public class ApiTokenAudience implements Validator {

    private final OidcSettings settings;

    ApiTokenAudience(OidcSettings settings) {
        this.settings = settings;
    }

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        return refusal(context.getJwtClaims(), settings.effectiveAudience());
    }

    /** Why the token is not meant for Agora, or null when it is. */
    static String refusal(JwtClaims claims, List<String> accepted) throws MalformedClaimException {
        if (accepted.isEmpty()) {
            return "no audience is configured for API tokens (AGORA_OIDC_AUDIENCE or AGORA_OIDC_CLIENT_ID)";
        }
        if (claims.hasAudience() && claims.getAudience().stream().anyMatch(accepted::contains)) {
            return null;
        }
        Object clientId = claims.getClaimValue("client_id");
        if (clientId instanceof String id && accepted.contains(id)) {
            return null;
        }
        return "the token is not meant for Agora: neither its aud nor its client_id is one of " + accepted;
    }
}
