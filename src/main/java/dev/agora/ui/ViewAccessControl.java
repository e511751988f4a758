package dev.agora.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Server-side access control for every view. Vaadin wires this automatically on Spring only; on Quarkus it is
 * installed here: each navigation is checked against the view's @RolesAllowed / @PermitAll / @AnonymousAllowed
 * (a view with none of them is refused to everyone), using the principal and roles Quarkus puts on the request.
 * Anonymous visitors of a protected view are sent to the login view.
 */
@ApplicationScoped
public class ViewAccessControl {

    private final NavigationAccessControl accessControl;

    public ViewAccessControl() {
        accessControl = new NavigationAccessControl();
        accessControl.setLoginView(LoginView.class);
    }

    void install(@Observes ServiceInitEvent serviceInit) {
        serviceInit.getSource().addUIInitListener(uiInit -> uiInit.getUI().addBeforeEnterListener(accessControl));
    }
}
