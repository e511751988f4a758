package dev.agora.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.agora.governance.Dashboard;
import dev.agora.governance.DashboardPeriod;
import dev.agora.platform.Refusal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard tab: a period to choose and six charts drawn on the server, each with a table of its numbers.
 * The figures come from {@link Dashboard}, which also decides who may see them.
 */
class DashboardPanel extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Dashboard dashboard;
    private final String actor;
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Paragraph caption = new Paragraph();
    private final FlexLayout cards = new FlexLayout();

    DashboardPanel(Dashboard dashboard, String actor) {
        this.dashboard = dashboard;
        this.actor = actor;
        setWidthFull();
        setPadding(false);
        DashboardPeriod initial = dashboard.defaultPeriod();
        from.setValue(initial.from());
        to.setValue(initial.to());
        from.setId("dashboard-from");
        to.setId("dashboard-to");
        Button show = new Button("Show", click -> show());
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.setId("dashboard-show");
        HorizontalLayout period = new HorizontalLayout(from, to, show);
        period.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        caption.addClassName("dashboard-caption");
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        cards.setWidthFull();
        cards.setId("dashboard-charts");
        add(period, caption, cards);
        show();
    }

    private void show() {
        Dashboard.Figures figures;
        try {
            if (from.getValue() == null || to.getValue() == null) {
                throw Refusal.invalid("period", "Choose both a first and a last day.");
            }
            figures = dashboard.figures(new DashboardPeriod(from.getValue(), to.getValue()), actor);
        } catch (Refusal refusal) {
            Notification.show(readable(refusal), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        caption.setText("Requests made from " + figures.period().from() + " to " + figures.period().to()
                + " (UTC days); products, pending requests and grants as they stand at "
                + TIME.format(figures.computedAt()) + ". " + decisionSummary(figures.decisionTimes()));
        cards.removeAll();
        cards.add(
                card("requests-per-week", DashboardCharts.requestsPerWeek(figures.requestsPerWeek()),
                        requestsTable(figures.requestsPerWeek())),
                card("decision-times", DashboardCharts.decisionTimes(figures.decisionTimes()),
                        table(figures.decisionTimes().perWeek(),
                                column("Week starting", w -> w.weekStarting().toString()),
                                column("Decided", w -> Long.toString(w.decided())),
                                column("Median (h)", w -> hours(w.medianHours())),
                                column("p90 (h)", w -> hours(w.p90Hours())))),
                card("products-per-domain", DashboardCharts.productsPerDomain(figures.productsPerDomain()),
                        table(figures.productsPerDomain(),
                                column("Domain", Dashboard.DomainProducts::domain),
                                column("Published", d -> Long.toString(d.published())),
                                column("Deprecated", d -> Long.toString(d.deprecated())),
                                column("Draft", d -> Long.toString(d.draft())),
                                column("All", d -> Long.toString(d.total())))),
                card("most-requested", DashboardCharts.mostRequested(figures.mostRequested()),
                        table(figures.mostRequested(),
                                column("Product", Dashboard.RequestedProduct::slug),
                                column("Name", Dashboard.RequestedProduct::name),
                                column("Requests", p -> Long.toString(p.requests())))),
                card("pending-by-age", DashboardCharts.pendingByAge(figures.pendingByAge()),
                        table(figures.pendingByAge(),
                                column("Waiting for", Dashboard.AgeBucket::label),
                                column("Pending", b -> Long.toString(b.pending())))),
                card("grants-by-engine", DashboardCharts.grantsByEngine(figures.grantsByEngine()),
                        table(figures.grantsByEngine(),
                                column("Engine", Dashboard.EngineGrants::engine),
                                column("Pending", e -> Long.toString(e.pending())),
                                column("Active", e -> Long.toString(e.active())),
                                column("Revoking", e -> Long.toString(e.revoking())),
                                column("Failed", e -> Long.toString(e.failed())))));
    }

    private static Grid<Dashboard.WeekOfRequests> requestsTable(List<Dashboard.WeekOfRequests> weeks) {
        Grid<Dashboard.WeekOfRequests> grid = new Grid<>();
        grid.setItems(weeks);
        grid.addColumn(w -> w.weekStarting().toString()).setHeader("Week starting").setAutoWidth(true);
        for (String outcome : Dashboard.OUTCOMES) {
            grid.addColumn(w -> w.byOutcome().getOrDefault(outcome, 0L)).setHeader(DashboardCharts.label(outcome));
        }
        grid.addColumn(Dashboard.WeekOfRequests::total).setHeader("all");
        return grid;
    }

    /** A column of a table view: its header and how a row shows in it. */
    private record Column<T>(String header, Function<T, String> value) {}

    private static <T> Column<T> column(String header, Function<T, String> value) {
        return new Column<>(header, value);
    }

    @SafeVarargs
    private static <T> Grid<T> table(List<T> rows, Column<T>... columns) {
        Grid<T> grid = new Grid<>();
        grid.setItems(rows);
        for (Column<T> column : columns) {
            grid.addColumn(row -> column.value().apply(row)).setHeader(column.header()).setAutoWidth(true);
        }
        return grid;
    }

    private static Component card(String id, String svg, Grid<?> table) {
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setAllRowsVisible(true);
        table.setId(id + "-table");
        Svg chart = new Svg(svg);
        chart.getStyle().set("width", "100%");
        chart.addClassName("dashboard-chart");
        Details numbers = new Details("Table view", table);
        numbers.setId(id + "-numbers");
        numbers.setWidthFull();
        Div card = new Div(chart, numbers);
        card.setId("chart-" + id);
        card.addClassName("dashboard-card");
        card.getStyle().set("flex", "1 1 30em").set("max-width", "48em").set("min-width", "20em")
                .set("padding", "var(--lumo-space-s)").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("background", "white");
        return card;
    }

    private static String decisionSummary(Dashboard.DecisionTimes times) {
        if (times.decided() == 0) {
            return "No request of the period was decided by a person" + autoApproved(times) + ".";
        }
        return times.decided() + " decided by a person: median " + hours(times.medianHours()) + " h, p90 "
                + hours(times.p90Hours()) + " h" + autoApproved(times) + ".";
    }

    private static String autoApproved(Dashboard.DecisionTimes times) {
        return times.autoApproved() == 0 ? "" : "; " + times.autoApproved() + " approved by policy at once";
    }

    private static String hours(Double hours) {
        return hours == null ? "–" : String.format(Locale.ROOT, "%.1f", hours);
    }

    private static String readable(Refusal refusal) {
        if (refusal.fieldProblems().isEmpty()) {
            return refusal.reason();
        }
        return refusal.fieldProblems().stream().map(p -> p.field() + ": " + p.message())
                .collect(Collectors.joining("; ")) + ".";
    }
}
