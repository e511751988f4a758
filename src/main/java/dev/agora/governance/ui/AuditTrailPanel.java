package dev.agora.governance.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.server.streams.DownloadEvent;
import dev.agora.governance.AuditFilter;
import dev.agora.governance.AuditTrail;
import dev.agora.platform.Refusal;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The audit trail, read-only: filters (actor, action, subject, days), a lazy grid paged in the database, each row
 * opening onto its stored details, and a CSV download of exactly what the filter shows.
 */
class AuditTrailPanel extends VerticalLayout {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final AuditTrail trail;
    private final String admin;
    private final TextField actor = filterField("Actor", "audit-actor", "olivia");
    private final TextField action = filterField("Action", "audit-action", "identity.team");
    private final TextField subject = filterField("Subject", "audit-subject", "team sales-analytics");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Span matching = new Span();
    private final Anchor csv;
    private final Grid<AuditTrail.Entry> grid = new Grid<>();
    // read by the download request, which does not hold the UI's lock
    private volatile AuditFilter shown = AuditFilter.EVERYTHING;

    AuditTrailPanel(AuditTrail trail, String admin) {
        this.trail = trail;
        this.admin = admin;
        setPadding(false);
        setSizeFull();
        addClassName("audit-trail");

        from.setId("audit-from");
        to.setId("audit-to");
        Button search = new Button("Search", click -> search());
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER).listenOn(this);
        Button clear = new Button("Clear", click -> {
            Stream.of(actor, action, subject).forEach(TextField::clear);
            from.clear();
            to.clear();
            search();
        });
        csv = new Anchor(this::download, AttachmentType.DOWNLOAD, "Download CSV");
        csv.setId("audit-csv");
        matching.setId("audit-matching");
        HorizontalLayout filters = new HorizontalLayout(actor, action, subject, from, to, search, clear);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        HorizontalLayout summary = new HorizontalLayout(matching, csv);
        summary.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditTrail.Entry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::action).setHeader("What").setAutoWidth(true);
        grid.addColumn(e -> e.subjectType() + " " + e.subjectId()).setHeader("Subject").setFlexGrow(2);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(AuditTrailPanel::details));
        grid.setDetailsVisibleOnClick(true);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setId("audit-grid");

        add(filters, summary, grid);
        setFlexGrow(1, grid);
        show(AuditFilter.EVERYTHING);
    }

    private void search() {
        AuditFilter filter;
        try {
            filter = new AuditFilter(text(actor), text(action), text(subject),
                    Optional.ofNullable(from.getValue()).map(day -> day.atStartOfDay(ZONE).toInstant()),
                    Optional.ofNullable(to.getValue()).map(AuditTrailPanel::lastMomentOf));
        } catch (Refusal refused) {
            Notification.show(refused.reason(), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        show(filter);
    }

    private void show(AuditFilter filter) {
        long total = trail.count(admin, filter);
        shown = filter;
        // the grid reaches as far as paging does; beyond, the filter must be narrowed
        grid.setItems(query -> fetch(filter, query.getOffset(), query.getLimit()),
                query -> (int) Math.min(total, AuditTrail.MAX_REACH));
        boolean exportable = total <= AuditTrail.MAX_REACH;
        matching.setText(total == 1 ? "1 event" : total + " events" + (exportable ? ""
                : " (the first " + AuditTrail.MAX_REACH + " are listed; narrow the filter to export them)"));
        csv.setEnabled(exportable);
    }

    private Stream<AuditTrail.Entry> fetch(AuditFilter filter, int offset, int limit) {
        List<AuditTrail.Entry> rows = new ArrayList<>(limit);
        while (rows.size() < limit) {
            int wanted = Math.min(limit - rows.size(), AuditTrail.MAX_PAGE_SIZE);
            List<AuditTrail.Entry> more = trail.entries(admin, filter, offset + rows.size(), wanted);
            rows.addAll(more);
            if (more.size() < wanted) {
                break;
            }
        }
        return rows.stream();
    }

    /** The same export as the API's format=csv, of the filter the grid shows. */
    private void download(DownloadEvent event) throws IOException {
        AuditTrail.CsvExport export;
        try {
            export = trail.csvExport(admin, shown);
        } catch (Refusal refused) {
            event.getResponse().setStatus(400);
            event.getUI().access(() -> Notification.show(refused.reason(), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
            return;
        }
        event.setFileName("audit.csv");
        event.setContentType("text/csv;charset=UTF-8");
        Writer writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
        export.writeTo(writer);
        writer.flush();
    }

    private static VerticalLayout details(AuditTrail.Entry entry) {
        Span heading = new Span("Event " + entry.id() + " · " + entry.occurredAt() + " · " + entry.actor() + " · "
                + entry.action() + " · " + entry.subjectType() + " " + entry.subjectId());
        Pre json = new Pre(pretty(entry));
        json.addClassName("audit-details");
        json.getStyle().set("white-space", "pre-wrap").set("margin", "0").set("width", "100%");
        VerticalLayout box = new VerticalLayout(heading, json);
        box.setPadding(false);
        box.setSpacing(false);
        return box;
    }

    private static String pretty(AuditTrail.Entry entry) {
        try {
            return PRETTY.writeValueAsString(entry.details());
        } catch (JsonProcessingException unexpected) {
            return String.valueOf(entry.details());
        }
    }

    private static Instant lastMomentOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant().minus(1, ChronoUnit.MICROS);
    }

    private static Optional<String> text(TextField field) {
        return Optional.ofNullable(field.getValue()).filter(v -> !v.isBlank());
    }

    private static TextField filterField(String label, String id, String placeholder) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setPlaceholder(placeholder);
        field.setClearButtonVisible(true);
        field.setMaxLength(AuditFilter.MAX_TEXT);
        return field;
    }
}
