package dev.agora.access.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.agora.access.RequestStatus;
import dev.agora.access.application.AccessRequestView;
import dev.agora.access.application.AccessQueries;
import dev.agora.ui.EmptyState;
import dev.agora.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The access requests the signed-in user made (or that were made for their teams), with their status. */
@Route(value = "requests", layout = MainLayout.class)
@PageTitle("My requests · Agora")
@Menu(order = 2, title = "My requests", icon = "vaadin:key")
@PermitAll
class MyRequestsView extends VerticalLayout {

    private static final String EVERYTHING = "All";

    MyRequestsView(AccessQueries requests, SecurityIdentity identity) {
        addClassName("my-requests-view");
        String username = identity.getPrincipal().getName();
        Grid<AccessRequestView> grid = RequestGrid.create(true);
        grid.setId("my-requests");
        Select<String> status = new Select<>();
        status.setLabel("Status");
        status.setItems(List.of(EVERYTHING, "Open", "PENDING", "ACTIVE", "FAILED", "REJECTED", "EXPIRED", "REVOKED",
                "CANCELLED"));
        status.setValue("Open");
        EmptyState empty = new EmptyState("You have not requested access yet",
                "Find a data product in the catalog and request access to it for yourself or your team.");
        Runnable load = () -> {
            Set<RequestStatus> statuses = switch (status.getValue()) {
                case EVERYTHING -> EnumSet.noneOf(RequestStatus.class);
                case "Open" -> EnumSet.of(RequestStatus.PENDING, RequestStatus.APPROVED, RequestStatus.ACTIVE,
                        RequestStatus.FAILED);
                default -> EnumSet.of(RequestStatus.valueOf(status.getValue()));
            };
            List<AccessRequestView> mine = requests.mine(username, statuses);
            grid.setItems(mine);
            grid.setVisible(!mine.isEmpty());
            empty.setVisible(mine.isEmpty());
        };
        status.addValueChangeListener(event -> load.run());
        load.run();
        add(new H2("My requests"), status, grid, empty);
    }
}
