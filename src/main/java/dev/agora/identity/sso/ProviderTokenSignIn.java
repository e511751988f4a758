package dev.agora.identity.sso;

import dev.agora.identity.LocalAccountIdentityProvider;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.OidcSettings;
import dev.agora.identity.SignedInAccount;
import dev.agora.identity.SingleSignOn;
import dev.agora.platform.web.ApiAuthenticationFailureHandler;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a verified provider token on the API into an Agora account, so that every resource and permission check
 * sees what a local sign-in gives: the Agora username as principal, the account's roles, its display name. A token
 * not seen before signs in through {@link SingleSignOn} (the account opened just in time, memberships following
 * the token's groups, audited); later calls with the same token only re-read the account, which must still be
 * enabled — disabling an account shuts its tokens out at once.
 */
@ApplicationScoped
public class ProviderTokenSignIn implements SecurityIdentityAugmentor {

    static final String VIA = "bearer-token";

    private final SingleSignOn singleSignOn;
    private final LocalAccounts accounts;
    private final OidcSettings settings;
    private final SeenProviderTokens seen;

    ProviderTokenSignIn(SingleSignOn singleSignOn, LocalAccounts accounts, OidcSettings settings, Clock clock) {
        this.singleSignOn = singleSignOn;
        this.accounts = accounts;
        this.settings = settings;
        this.seen = new SeenProviderTokens(clock, SeenProviderTokens.MAX_ENTRIES);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !OidcTenants.API_TENANT.equals(identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE))
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> signIn(token));
    }

    private SecurityIdentity signIn(JsonWebToken token) {
        String raw = token.getRawToken();
        String username;
        try {
            username = seen.usernameOf(raw, Instant.ofEpochSecond(token.getExpirationTime()),
                    () -> singleSignOn.signIn(ProviderTokenClaims.readVerifiedJwt(raw, settings), VIA).username());
        } catch (ProviderTokenClaims.Unusable | SingleSignOn.Refused refused) {
            throw refusal(refused.getMessage());
        }
        SignedInAccount account = accounts.active(username).orElseThrow(() -> {
            seen.forget(raw);
            return refusal("The account '" + username + "' is disabled in Agora.");
        });
        return LocalAccountIdentityProvider.identityOf(account);
    }

    private static AuthenticationFailedException refusal(String reason) {
        return new AuthenticationFailedException(reason, Map.of(
                ApiAuthenticationFailureHandler.PROBLEM_DETAIL, "The bearer token is not accepted: " + reason,
                ApiAuthenticationFailureHandler.CHALLENGE, ApiAuthenticationFailureHandler.BEARER_CHALLENGE));
    }

}
