package dev.agora.catalog.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.agora.ui.EmptyState;
import dev.agora.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/** The searchable catalog of data products. */
@Route(value = "catalog", layout = MainLayout.class)
@PageTitle("Catalog · Agora")
@Menu(order = 1, title = "Catalog", icon = "vaadin:database")
@PermitAll
class CatalogView extends VerticalLayout {

    CatalogView() {
        addClassName("catalog-view");
        add(new H2("Catalog"), new EmptyState("No data products are published yet",
                "Producers publish their data products here, with owner team, domain, classification and the "
                        + "schema of each output port."));
    }
}
