package dev.agora.access.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.agora.ui.EmptyState;
import dev.agora.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/** The inbox of access requests routed to the signed-in user for a decision. */
@Route(value = "approvals", layout = MainLayout.class)
@PageTitle("Approvals · Agora")
@Menu(order = 3, title = "Approvals", icon = "vaadin:check-square-o")
@PermitAll
class ApprovalsView extends VerticalLayout {

    ApprovalsView() {
        addClassName("approvals-view");
        add(new H2("Approvals"), new EmptyState("Nothing waits for your decision",
                "Requests for the data products of the teams you own, or the domains you steward, appear here."));
    }
}
