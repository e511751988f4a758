package dev.agora.identity.sso;

import dev.agora.identity.SessionTickets;
import dev.agora.platform.web.SessionCookies;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The browser session of someone who signed in through the identity provider: Agora's signed session ticket
 * alone, opened "via sso" by {@link BrowserSignIn}. The checks are those of every browser session
 * ({@code identity.SessionIdentityProvider}): the account is read again on every request, must be enabled and at
 * the ticket's session version, and the ticket younger than the absolute lifetime. Form sessions are untouched:
 * their ticket says "form" and only counts beside Quarkus' credential cookie. Never on the API (a cookie must not
 * authorise API calls) nor under /sso/, where the OIDC code flow alone decides.
 */
@ApplicationScoped
public class SsoSessionMechanism implements HttpAuthenticationMechanism {

    private final SessionTickets tickets;

    SsoSessionMechanism(SessionTickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.normalizedPath();
        Cookie cookie = context.request().getCookie(SessionCookies.TICKET);
        if (cookie == null || path.startsWith("/api/") || path.startsWith(OidcTenants.BROWSER_PATH)
                || context.request().getCookie(SessionCookies.CREDENTIAL) != null) {
            return Uni.createFrom().nullItem();
        }
        return tickets.read(cookie.getValue())
                .filter(SessionTickets.Ticket::singleSignOn)
                .map(ticket -> identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                        new TrustedAuthenticationRequest(ticket.username()), context)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem(); // the login form's challenge (to /login) stays the one a browser sees
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TrustedAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100;
    }
}
