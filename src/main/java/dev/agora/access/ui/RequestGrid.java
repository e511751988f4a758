package dev.agora.access.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.agora.access.application.AccessRequestView;

/** A list of requests; a click opens one. */
final class RequestGrid {

    private RequestGrid() {
    }

    static Grid<AccessRequestView> create(boolean showRequester) {
        Grid<AccessRequestView> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(r -> AccessNavigation.linkToRequest(r.product().name(), r.id()))
                .setHeader("Product").setAutoWidth(true);
        grid.addColumn(r -> r.product().classification().name()).setHeader("Classification").setAutoWidth(true);
        if (showRequester) {
            grid.addColumn(AccessRequestView::requester).setHeader("Requester").setAutoWidth(true);
        }
        grid.addColumn(r -> r.principal().type().toLowerCase() + " " + r.principal().name()).setHeader("For")
                .setAutoWidth(true);
        grid.addColumn(AccessRequestView::justification).setHeader("Why").setFlexGrow(2);
        grid.addColumn(r -> r.durationDays() + " d").setHeader("Duration").setAutoWidth(true);
        grid.addComponentColumn(r -> StatusBadge.of(r.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> RequestDetails.day(r.expiresAt() != null ? r.expiresAt() : r.createdAt()))
                .setHeader("Requested / ends").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
