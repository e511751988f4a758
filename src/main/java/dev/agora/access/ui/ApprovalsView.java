package dev.agora.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.agora.access.application.AccessRequestView;
import dev.agora.access.application.AccessQueries;
import dev.agora.access.application.AccessRequests;
import dev.agora.catalog.Classification;
import dev.agora.ui.EmptyState;
import dev.agora.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The inbox of access requests routed to the signed-in user, with bulk approval. */
@Route(value = "approvals", layout = MainLayout.class)
@PageTitle("Approvals · Agora")
@Menu(order = 3, title = "Approvals", icon = "vaadin:check-square-o")
@PermitAll
class ApprovalsView extends VerticalLayout {

    private static final String ANY = "Any classification";

    private final AccessRequests requests;
    private final AccessQueries queries;
    private final String username;
    private final Grid<AccessRequestView> grid = RequestGrid.create(true);
    private final Select<String> classification = new Select<>();
    private final Button approveSelected = new Button("Approve selected");
    private final EmptyState empty = new EmptyState("Nothing waits for your decision",
            "Requests for the data products of the teams you own, or the domains you steward, appear here.");

    ApprovalsView(AccessRequests requests, AccessQueries queries, SecurityIdentity identity) {
        this.requests = requests;
        this.queries = queries;
        this.username = identity.getPrincipal().getName();
        addClassName("approvals-view");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setId("inbox");
        grid.addSelectionListener(event -> approveSelected.setEnabled(!event.getAllSelectedItems().isEmpty()));
        classification.setLabel("Classification");
        classification.setItems(List.of(ANY, "PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"));
        classification.setValue(ANY);
        classification.addValueChangeListener(event -> load());
        approveSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approveSelected.setEnabled(false);
        approveSelected.setId("approve-selected");
        approveSelected.addClickListener(click -> approveAll());
        add(new H2("Approvals"), new HorizontalLayout(classification, approveSelected), grid, empty);
        load();
    }

    private void load() {
        List<AccessRequestView> waiting = queries.inbox(username, null).stream()
                .filter(r -> ANY.equals(classification.getValue())
                        || r.product().classification() == Classification.valueOf(classification.getValue()))
                .toList();
        grid.setItems(waiting);
        grid.setVisible(!waiting.isEmpty());
        empty.setVisible(waiting.isEmpty());
    }

    private void approveAll() {
        List<AccessRequests.BulkOutcome> outcomes = requests.approveAll(
                grid.getSelectedItems().stream().map(AccessRequestView::id).toList(), username, null);
        long done = outcomes.stream().filter(AccessRequests.BulkOutcome::done).count();
        List<String> problems = outcomes.stream().filter(o -> !o.done()).map(AccessRequests.BulkOutcome::problem).toList();
        Notification.show(done + " approved" + (problems.isEmpty() ? "." : "; not approved: "
                        + String.join("; ", problems)), 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(problems.isEmpty() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
        grid.deselectAll();
        load();
    }
}
