package dev.agora.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rebuilds the identity of a signed-in browser from its (encrypted) session cookie. The account is read again on
 * every request, so that disabling an account or changing its role takes effect at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final LocalAccounts accounts;

    SessionIdentityProvider(LocalAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> accounts.active(request.getPrincipal())
                .map(LocalAccountIdentityProvider::identityOf)
                .orElseThrow(() -> new AuthenticationFailedException("the account is gone or disabled")));
    }
}
