package dev.agora.identity;

import dev.agora.platform.web.SessionCookies;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Rebuilds the identity of a signed-in browser from its (encrypted) session cookie, which must come with a valid
 * session ticket of the same account ({@link SessionTickets}): younger than the absolute lifetime and opened at
 * the account's current session version. The account is read again on every request, so that disabling an
 * account, changing its role, its password or signing out elsewhere takes effect at once. A session opened through
 * single sign-on has the ticket alone ({@code identity.sso.SsoSessionMechanism} asks here just the same); the identity
 * carries {@value #SESSION_VIA} so that sign-out knows to end the provider's session too.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    /** Identity attribute: how the session was opened, {@link SessionTickets#VIA_FORM} or {@link SessionTickets#VIA_SSO}. */
    public static final String SESSION_VIA = "agora.session.via";

    private final LocalAccounts accounts;
    private final SessionTickets tickets;

    SessionIdentityProvider(LocalAccounts accounts, SessionTickets tickets) {
        this.accounts = accounts;
        this.tickets = tickets;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        Cookie cookie = http == null ? null : http.request().getCookie(SessionCookies.TICKET);
        Optional<SessionTickets.Ticket> ticket = tickets.read(cookie == null ? null : cookie.getValue())
                .filter(t -> t.username().equals(request.getPrincipal()));
        if (ticket.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "the session has ended (signed out, too old, or its ticket is missing)"));
        }
        String via = ticket.get().via();
        return context.runBlocking(() -> accounts.activeSession(ticket.get().username(), ticket.get().sessionVersion())
                .map(account -> LocalAccountIdentityProvider.identityOf(account, via))
                .orElseThrow(() -> new AuthenticationFailedException(
                        "the account is gone or disabled, or its sessions were ended")));
    }
}
