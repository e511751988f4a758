package dev.agora.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.agora.access.ProductDemand;
import dev.agora.access.application.AccessQueries;
import dev.agora.access.application.AccessRequestView;
import dev.agora.access.application.AccessRequests;
import dev.agora.catalog.ui.CatalogNavigation;
import dev.agora.ui.HomeSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The start page's access parts: what waits for my decision, and what everyone requests most. */
final class AccessHomeSections {

    private AccessHomeSections() {
    }

    /** Requests waiting for the signed-in approver, decided right there. */
    @ApplicationScoped
    static class Inbox implements HomeSection {

        private final AccessRequests requests;
        private final AccessQueries queries;

        Inbox(AccessRequests requests, AccessQueries queries) {
            this.requests = requests;
            this.queries = queries;
        }

        @Override
        public int order() {
            return 10;
        }

        @Override
        public Optional<Component> render(String username) {
            List<AccessRequestView> waiting = queries.inbox(username, null);
            if (waiting.isEmpty()) {
                return Optional.empty();
            }
            Div section = new Div();
            section.addClassNames("card", "home-inbox");
            section.setId("home-inbox");
            section.add(new H3("Waiting for your decision (" + waiting.size() + ")"));
            for (AccessRequestView request : waiting.stream().limit(8).toList()) {
                section.add(row(request, username));
            }
            return Optional.of(section);
        }

        private Component row(AccessRequestView request, String username) {
            Span who = new Span(request.requester() + " for " + request.principal().type().toLowerCase() + " "
                    + request.principal().name() + " · " + request.durationDays() + " days · “"
                    + request.justification() + "”");
            who.addClassName("inbox-who");
            Button approve = new Button("Approve");
            approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            Button reject = new Button("Reject");
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            HorizontalLayout line = new HorizontalLayout(AccessNavigation.linkToRequest(request.product().name(),
                    request.id()), StatusBadge.of(request.status()), who, approve, reject);
            line.setAlignItems(FlexComponent.Alignment.CENTER);
            line.addClassName("inbox-row");
            approve.addClickListener(click -> {
                try {
                    requests.approve(request.id(), username, null, null);
                    Notification.show("Approved: " + request.product().name(), 3000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    line.setVisible(false);
                } catch (RuntimeException refused) {
                    Notification.show(Failures.describe(refused), 6000, Notification.Position.BOTTOM_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            reject.addClickListener(click -> {
                TextArea reason = new TextArea("Reason");
                reason.setWidth("26em");
                Dialog dialog = new Dialog(reason);
                dialog.setHeaderTitle("Reject " + request.requester() + "'s request for " + request.product().name());
                Button confirm = new Button("Reject", confirmed -> {
                    try {
                        requests.reject(request.id(), username, reason.getValue());
                        dialog.close();
                        line.setVisible(false);
                        Notification.show("Rejected: " + request.product().name(), 3000,
                                Notification.Position.BOTTOM_START);
                    } catch (RuntimeException refused) {
                        reason.setErrorMessage(Failures.describe(refused));
                        reason.setInvalid(true);
                    }
                });
                confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
                dialog.getFooter().add(new Button("Cancel", cancelled -> dialog.close()), confirm);
                dialog.open();
            });
            return line;
        }
    }

    /** The products requested most often. */
    @ApplicationScoped
    static class MostRequested implements HomeSection {

        private final AccessQueries queries;

        MostRequested(AccessQueries queries) {
            this.queries = queries;
        }

        @Override
        public int order() {
            return 25;
        }

        @Override
        public Optional<Component> render(String username) {
            List<ProductDemand> top = queries.mostRequested(5);
            if (top.isEmpty()) {
                return Optional.empty();
            }
            Div section = new Div();
            section.addClassNames("card", "most-requested");
            section.setId("most-requested");
            section.add(new H3("Most requested"));
            for (ProductDemand row : top) {
                Div line = new Div(CatalogNavigation.linkToProduct(row.name(), row.slug()),
                        new Span(" · " + row.requests() + (row.requests() == 1 ? " request" : " requests")));
                section.add(line);
            }
            return Optional.of(section);
        }
    }
}
