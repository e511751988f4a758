package dev.agora.access.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.agora.ui.EmptyState;
import dev.agora.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/** The access requests the signed-in user has made, with their status. */
@Route(value = "requests", layout = MainLayout.class)
@PageTitle("My requests · Agora")
@Menu(order = 2, title = "My requests", icon = "vaadin:key")
@PermitAll
class MyRequestsView extends VerticalLayout {

    MyRequestsView() {
        addClassName("my-requests-view");
        add(new H2("My requests"), new EmptyState("You have not requested access yet",
                "Find a data product in the catalog and request access to it for yourself or your team."));
    }
}
