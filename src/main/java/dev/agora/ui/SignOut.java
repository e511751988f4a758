package dev.agora.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import dev.agora.audit.AuditLog;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.SessionIdentityProvider;
import dev.agora.identity.SessionTickets;
import dev.agora.identity.sso.OidcTenants;
import dev.agora.platform.web.SessionCookies;
import jakarta.servlet.http.Cookie;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Signs out: every session of the account ends (in all browsers, on all instances: its session version is raised),
 * the session cookie is cleared, the Vaadin session dropped, the sign-out audited. A session opened through single
 * sign-on then ends at the identity provider too (RP-initiated logout, or Cognito's /logout), so that signing in
 * again asks for the password.
 */
@ApplicationScoped
public class SignOut {

    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final LocalAccounts accounts;

    SignOut(SecurityIdentity identity, AuditLog audit, LocalAccounts accounts) {
        this.identity = identity;
        this.audit = audit;
        this.accounts = accounts;
    }

    public void signOut() {
        String next = "/login";
        if (!identity.isAnonymous()) {
            String username = identity.getPrincipal().getName();
            audit.recordAlone(username, "identity.sign-out", "user", username, Map.of("via", "web"));
            accounts.endSessions(username, username);
            if (SessionTickets.VIA_SSO.equals(identity.getAttribute(SessionIdentityProvider.SESSION_VIA))) {
                // the ticket is worthless now (session version raised); drop it, then end the provider's session:
                // Quarkus' RP-initiated logout under /sso/logout, which comes back to the login page
                Cookie ticket = new Cookie(SessionCookies.TICKET, "");
                ticket.setPath("/");
                ticket.setMaxAge(0);
                ticket.setHttpOnly(true);
                VaadinService.getCurrentResponse().addCookie(ticket);
                next = OidcTenants.LOGOUT_PATH;
            } else {
                FormAuthenticationMechanism.logout(identity);
            }
        }
        UI.getCurrent().getPage().setLocation(next);
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
