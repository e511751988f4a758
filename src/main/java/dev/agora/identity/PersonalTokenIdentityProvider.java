package dev.agora.identity;

import dev.agora.platform.web.ApiAuthenticationFailureHandler;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Signs in the account of a live personal API token. The identity is the one a password sign-in of the account
 * gives (name, roles, display name), so every resource treats both alike; it also says that a token was used, so
 * that a token cannot mint further tokens.
 */
@ApplicationScoped
public class PersonalTokenIdentityProvider implements IdentityProvider<PersonalTokenAuthenticationRequest> {

    /** Attribute of an identity signed in by a personal token: the token's id. */
    public static final String TOKEN_ID = "agora.personal-token.id";
    static final String REFUSED = "The token is not valid, has expired or was revoked, or the account is disabled.";

    private final PersonalTokens tokens;

    PersonalTokenIdentityProvider(PersonalTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<PersonalTokenAuthenticationRequest> getRequestType() {
        return PersonalTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(PersonalTokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.signIn(request.token())
                .map(signIn -> (SecurityIdentity) QuarkusSecurityIdentity.builder(
                                LocalAccountIdentityProvider.identityOf(signIn.account()))
                        .addAttribute(TOKEN_ID, signIn.tokenId())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("unknown, expired or revoked token",
                        Map.of(ApiAuthenticationFailureHandler.PROBLEM_DETAIL, REFUSED,
                                ApiAuthenticationFailureHandler.CHALLENGE, "Bearer realm=\"Agora\", "
                                        + "error=\"invalid_token\""))));
    }

    /** Whether the identity was signed in by a personal token rather than a password or single sign-on. */
    public static boolean signedInByToken(SecurityIdentity identity) {
        return identity.getAttribute(TOKEN_ID) != null;
    }
}
