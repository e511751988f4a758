package dev.agora.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import dev.agora.audit.AuditLog;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Ends a browser session: the session cookie is cleared, the Vaadin session dropped, the sign-out audited. */
@ApplicationScoped
public class SignOut {

    private final SecurityIdentity identity;
    private final AuditLog audit;

    SignOut(SecurityIdentity identity, AuditLog audit) {
        this.identity = identity;
        this.audit = audit;
    }

    public void signOut() {
        if (!identity.isAnonymous()) {
            String username = identity.getPrincipal().getName();
            audit.recordAlone(username, "identity.sign-out", "user", username, Map.of("via", "web"));
            FormAuthenticationMechanism.logout(identity);
        }
        UI.getCurrent().getPage().setLocation("/login");
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
