package dev.agora.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import dev.agora.access.ApprovalStep;
import dev.agora.access.Transition;
import dev.agora.access.application.AccessRequestView;
import dev.agora.catalog.ui.CatalogNavigation;
import dev.agora.grants.GrantView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The parts of a request anyone concerned reads: what, for whom, why, the approvals, the history, the grants. */
final class RequestDetails {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneId.systemDefault());
    static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.systemDefault());

    private RequestDetails() {
    }

    static String day(Instant instant) {
        return instant == null ? "—" : DAY.format(instant);
    }

    static Component facts(AccessRequestView request) {
        Div facts = new Div();
        facts.addClassName("product-facts");
        facts.add(fact("Product", CatalogNavigation.linkToProduct(request.product().name(), request.product().slug())),
                fact("Classification", new Span(request.product().classification().name())),
                fact("For", new Span(request.principal().type().toLowerCase() + " " + request.principal().name())),
                fact("Requested by", new Span(request.requester())),
                fact("Ports", new Span(String.join(", ", request.ports().stream()
                        .map(p -> p.allColumns() ? p.name() : p.name() + " (" + String.join(", ", p.columns()) + ")")
                        .toList()))),
                fact("Duration", new Span(request.durationDays() + " days")),
                fact("Requested", new Span(day(request.createdAt()))),
                fact("Ends", new Span(day(request.expiresAt()))));
        return facts;
    }

    private static Component fact(String label, Component value) {
        Span term = new Span(label);
        term.addClassName("fact-label");
        value.getElement().getClassList().add("fact-value");
        Div fact = new Div(term, value);
        fact.addClassName("fact");
        return fact;
    }

    static Component steps(AccessRequestView request) {
        Div steps = new Div();
        steps.addClassNames("card", "approval-steps");
        steps.add(new H4("Approvals"));
        for (AccessRequestView.Step step : request.steps()) {
            String who = step.role().equals("OWNER") ? "An owner of team " + step.scope()
                    : "A steward of domain " + step.scope();
            String state = switch (step.decision()) {
                case PENDING -> "waiting" + (step.approvers().isEmpty() ? " (nobody holds this role yet)"
                        : " for " + String.join(" or ", step.approvers()));
                case APPROVED -> "approved by " + step.decidedBy() + (step.comment() == null ? "" : ": " + step.comment());
                case REJECTED -> "rejected by " + step.decidedBy() + ": " + step.comment();
            };
            Span mark = new Span(step.decision() == ApprovalStep.Decision.APPROVED ? "✓ "
                    : step.decision() == ApprovalStep.Decision.REJECTED ? "✗ " : "… ");
            mark.addClassName(step.decision() == ApprovalStep.Decision.APPROVED ? "met" : "unmet");
            Div line = new Div(mark, new Span(who + " — " + state));
            line.addClassName("approval-step");
            steps.add(line);
        }
        return steps;
    }

    static Component history(AccessRequestView request) {
        Grid<Transition> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(t -> MOMENT.format(t.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(Transition::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(t -> (t.from() == null ? "" : t.from().name() + " → ") + t.to().name()).setHeader("Change")
                .setAutoWidth(true);
        grid.addColumn(t -> t.comment() == null ? "" : t.comment()).setHeader("Comment").setFlexGrow(2);
        grid.setItems(request.history());
        grid.setAllRowsVisible(true);
        grid.setId("request-history");
        return grid;
    }

    static Component grants(List<GrantView> grants) {
        Grid<GrantView> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(GrantView::engine).setHeader("Engine").setAutoWidth(true);
        grid.addColumn(g -> g.grantee() == null ? "—" : g.grantee()).setHeader("Grantee (role)").setAutoWidth(true);
        grid.addColumn(GrantView::resource).setHeader("Resource").setAutoWidth(true);
        grid.addColumn(g -> g.columns().isEmpty() ? "all columns" : String.join(", ", g.columns())).setHeader("Columns");
        grid.addColumn(g -> g.status().name()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(g -> g.lastError() == null ? "" : g.lastError()).setHeader("Last error").setFlexGrow(2);
        grid.setItems(grants);
        grid.setAllRowsVisible(true);
        grid.setId("request-grants");
        return grid;
    }
}
