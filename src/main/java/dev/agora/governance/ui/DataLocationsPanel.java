package dev.agora.governance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.agora.identity.DataLocations;
import dev.agora.identity.LocationType;
import dev.agora.platform.Refusal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** Physical data registered to its owner team: register and unregister, the rules enforced by DataLocations. */
class DataLocationsPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final DataLocations locations;
    private final String actor;
    private final Grid<DataLocations.Registration> grid = new Grid<>();

    DataLocationsPanel(DataLocations locations, List<String> teams, String actor) {
        this.locations = locations;
        this.actor = actor;
        setPadding(false);
        addClassName("data-locations");

        Select<String> team = new Select<>();
        team.setLabel("Team");
        team.setItems(teams);
        team.setId("location-team");
        Select<String> type = new Select<>();
        type.setLabel("Port type");
        type.setItems(Arrays.stream(LocationType.values()).map(LocationType::wireName).toList());
        type.setValue(LocationType.POSTGRES_TABLE.wireName());
        type.setId("location-type");
        TextField location = new TextField("Location");
        location.setPlaceholder("lake or lake.orders, sales/orders, s3://bucket/prefix/, stream");
        location.setWidth("24em");
        location.setId("location-location");
        Button register = new Button("Register", VaadinIcon.PLUS.create(), click -> {
            try {
                DataLocations.Registration done = locations.register(team.getValue(), type.getValue(),
                        location.getValue(), actor);
                Notification.show(done.location() + " is registered to team " + done.team() + ".", 4000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                location.clear();
                refresh();
            } catch (Refusal refusal) {
                Notification.show(refusal.reason(), 6000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setId("register-location");
        HorizontalLayout form = new HorizontalLayout(team, type, location, register);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(DataLocations.Registration::portType).setHeader("Port type").setAutoWidth(true);
        grid.addColumn(DataLocations.Registration::location).setHeader("Location").setFlexGrow(2);
        grid.addColumn(DataLocations.Registration::team).setHeader("Team").setAutoWidth(true);
        grid.addColumn(DataLocations.Registration::domain).setHeader("Domain").setAutoWidth(true);
        grid.addColumn(r -> r.registeredBy() + ", " + WHEN.format(r.registeredAt())).setHeader("Registered");
        grid.addComponentColumn(r -> {
            Button unregister = new Button("Unregister", click -> {
                try {
                    locations.unregister(r.id(), actor);
                    refresh();
                } catch (Refusal refusal) {
                    Notification.show(refusal.reason(), 6000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            unregister.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return unregister;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setId("locations-grid");

        add(new Paragraph("A port may name only data registered to its product's owner team. Administrators "
                + "register for any team, stewards of a domain for its teams; a table's registration wins over its "
                + "schema's."), form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(locations.list(actor, 0, DataLocations.MAX_PAGE_SIZE).items());
    }
}
