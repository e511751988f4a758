package dev.agora.catalog.schema.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.schema.HeldChangeView;
import dev.agora.catalog.schema.HeldSchemaChange.StoredDifference;
import dev.agora.catalog.ProductConsumers;
import dev.agora.catalog.schema.SchemaWatch;
import dev.agora.catalog.schema.SchemaWatchSettings;
import dev.agora.catalog.ui.ProductPageExtension;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Pending breaking change" on a product page, for its owners, consumers and administrators: the diff (port,
 * column, change, verdict) and the consumers affected; owners decide (a new major version with its deprecation
 * window, or "I restored the schema"), consumers read. The rules are the watch's.
 */
@ApplicationScoped
class HeldChangeSection implements ProductPageExtension {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm")
            .withZone(ZoneId.systemDefault());

    private final SchemaWatch watch;
    private final SchemaWatchSettings settings;

    HeldChangeSection(SchemaWatch watch, SchemaWatchSettings settings) {
        this.watch = watch;
        this.settings = settings;
    }

    @Override
    public List<Component> actions(ProductDetails product, String viewer) {
        return List.of();
    }

    @Override
    public List<Component> notices(ProductDetails product, String viewer) {
        Optional<HeldChangeView> pending = watch.pending(product.slug(), viewer);
        return pending.<List<Component>>map(change -> List.of(panel(product, change, viewer))).orElse(List.of());
    }

    private Component panel(ProductDetails product, HeldChangeView change, String viewer) {
        Div card = new Div();
        card.addClassNames("card", "held-schema-change");
        card.setId("held-schema-change");
        card.add(new H3("Pending breaking change"));
        card.add(new Paragraph("On " + DAY.format(change.detectedAt()) + " the data behind " + change.ports()
                + " stopped matching version " + product.version() + " in ways that break its consumers. They have been "
                + "told and keep their access; the catalog keeps promising version " + product.version()
                + " until an owner publishes a new major version or restores the schema."));
        Grid<StoredDifference> diff = new Grid<>(StoredDifference.class, false);
        diff.setId("held-change-diff");
        diff.addColumn(StoredDifference::port).setHeader("Port").setAutoWidth(true).setFlexGrow(0);
        diff.addColumn(d -> d.column() == null ? "—" : d.column()).setHeader("Column").setAutoWidth(true)
                .setFlexGrow(0);
        diff.addColumn(HeldChangeSection::change).setHeader("Change").setFlexGrow(1);
        diff.addComponentColumn(HeldChangeSection::verdict).setHeader("Verdict").setAutoWidth(true);
        diff.setItems(change.differences());
        diff.setAllRowsVisible(true);
        diff.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        card.add(diff);
        card.add(new Paragraph(change.consumers().isEmpty() ? "No active consumers any more."
                : "Consumers affected:"));
        UnorderedList consumers = new UnorderedList();
        consumers.setId("held-change-consumers");
        change.consumers().forEach(consumer -> consumers.add(new ListItem(describe(consumer))));
        card.add(consumers);
        if (watch.mayDecide(product, viewer)) {
            card.add(decisions(product, change, viewer));
        } else {
            Paragraph readOnly = new Paragraph("The owners of team " + product.ownerTeam() + " decide; you will be "
                    + "told what they chose.");
            readOnly.addClassName("held-change-read-only");
            card.add(readOnly);
        }
        return card;
    }

    private Component decisions(ProductDetails product, HeldChangeView change, String viewer) {
        IntegerField days = new IntegerField("Old version usable for (days)");
        days.setId("deprecation-days");
        days.setMin(0);
        days.setMax(settings.maxDeprecationDays());
        days.setValue(settings.defaultDeprecationDays());
        days.setStepButtonsVisible(true);
        days.setWidth("15em");
        Button major = new Button("Publish new major version", click -> act(
                () -> watch.releaseMajor(product.slug(), change.id(), days.getValue(), viewer),
                decided -> decided.releasedVersion() == null ? "The schema is back: the hold is closed."
                        : "Version " + decided.releasedVersion() + " is published; consumers are told."));
        major.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        major.setId("release-major");
        Button restored = new Button("I restored the schema", click -> act(
                () -> watch.restore(product.slug(), change.id(), viewer),
                decided -> "The schema matches the contract again: the hold is closed."));
        restored.setId("restore-schema");
        HorizontalLayout buttons = new HorizontalLayout(days, major, restored);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        return buttons;
    }

    private static void act(Supplier<HeldChangeView> decision,
            java.util.function.Function<HeldChangeView, String> success) {
        try {
            HeldChangeView decided = decision.get();
            Notification.show(success.apply(decided), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().getPage().reload();
        } catch (Refusal refusal) {
            Notification.show(refusal.reason(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static String change(StoredDifference difference) {
        String line = difference.line();
        int colon = line.indexOf(": ");
        return colon < 0 ? line : line.substring(colon + 2);
    }

    private static Span verdict(StoredDifference difference) {
        Span verdict = new Span(difference.verdict().equals("BREAKING") ? "breaking" : "compatible");
        verdict.getElement().getThemeList().add(difference.verdict().equals("BREAKING") ? "badge error"
                : "badge success");
        return verdict;
    }

    private static String describe(ProductConsumers.Consumer consumer) {
        String ports = consumer.ports().isEmpty() ? "" : " (reads " + String.join(", ", consumer.ports()) + ")";
        return (consumer.isTeam() ? "Team " : "") + consumer.name() + ports
                + (consumer.until() == null ? "" : ", access until " + DAY.format(consumer.until()));
    }
}
