package dev.agora.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import dev.agora.audit.AuditLog;
import dev.agora.identity.LocalAccounts;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Signs out: every session of the account ends (in all browsers, on all instances: its session version is raised),
 * the session cookie is cleared, the Vaadin session dropped, the sign-out audited.
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
        if (!identity.isAnonymous()) {
            String username = identity.getPrincipal().getName();
            audit.recordAlone(username, "identity.sign-out", "user", username, Map.of("via", "web"));
            accounts.endSessions(username, username);
            FormAuthenticationMechanism.logout(identity);
        }
        UI.getCurrent().getPage().setLocation("/login");
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
