package dev.agora.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.agora.access.RequestStatus;
import dev.agora.access.application.AccessRequestView;
import dev.agora.access.application.AccessQueries;
import dev.agora.access.application.AccessRequests;
import dev.agora.platform.Refusal;
import dev.agora.ui.EmptyState;
import dev.agora.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One access request, for everyone it concerns: the requester (cancel, ask for more time), its approvers
 * (approve, reject), the owners (revoke, retry failed grants). Notifications link here.
 */
@Route(value = "requests/:" + RequestPage.ID, layout = MainLayout.class)
@PermitAll
class RequestPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";

    private final AccessRequests requests;
    private final AccessQueries queries;
    private final String username;
    private String title = "Access request · Agora";

    RequestPage(AccessRequests requests, AccessQueries queries, SecurityIdentity identity) {
        this.requests = requests;
        this.queries = queries;
        this.username = identity.getPrincipal().getName();
        addClassName("request-page");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get(ID).orElse(""));
    }

    private void show(String id) {
        removeAll();
        try {
            AccessRequestView request = queries.find(UUID.fromString(id), username);
            // grant engines' error texts are for the product's owners and administrators
            show(queries.mayRevoke(request, username) ? request : request.withoutEngineDetails());
        } catch (Refusal | IllegalArgumentException notVisible) {
            title = "Not found · Agora";
            add(new EmptyState("There is no such access request",
                    "It may not exist, or it does not concern you."));
        }
    }

    private void show(AccessRequestView request) {
        title = "Access to " + request.product().name() + " · Agora";
        HorizontalLayout header = new HorizontalLayout(new H2("Access to " + request.product().name()),
                StatusBadge.of(request.status()));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header, RequestDetails.facts(request));
        Paragraph justification = new Paragraph("“" + request.justification() + "”");
        justification.addClassName("justification");
        add(justification, actions(request));
        if (request.status() == RequestStatus.FAILED && request.lastGrantError() != null) {
            Paragraph error = new Paragraph("The grant could not be applied: " + request.lastGrantError());
            error.addClassName("grant-error");
            add(error);
        }
        add(RequestDetails.steps(request));
        request.extensions().stream().filter(e -> e.isPending()).findFirst().ifPresent(extension ->
                add(new Paragraph("An extension of " + extension.durationDays() + " days is waiting for a decision: “"
                        + extension.reason() + "”")));
        if (!request.grants().isEmpty()) {
            add(new H3("Grants"), RequestDetails.grants(request.grants()));
        }
        add(new H3("History"), RequestDetails.history(request));
    }

    private Component actions(AccessRequestView request) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.addClassName("request-actions");
        boolean extension = request.status() == RequestStatus.ACTIVE
                && request.extensions().stream().anyMatch(e -> e.isPending());
        if (queries.awaitsDecisionBy(request, username)) {
            Button approve = new Button(extension ? "Approve extension" : "Approve", click -> approve(request, extension));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            approve.setId("approve");
            Button reject = new Button(extension ? "Reject extension" : "Reject", click -> reasonDialog(
                    extension ? "Reject the extension" : "Reject the request", "Reject",
                    reason -> requests.reject(request.id(), username, reason), "Rejected."));
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            reject.setId("reject");
            actions.add(approve, reject);
        }
        if (request.requester().equals(username) && request.status() == RequestStatus.PENDING) {
            Button cancel = new Button("Cancel request", click -> act(() -> requests.cancel(request.id(), username),
                    "Request cancelled."));
            cancel.setId("cancel-request");
            actions.add(cancel);
        }
        if (request.requester().equals(username) && request.status() == RequestStatus.ACTIVE && !extension) {
            Button extend = new Button("Ask for more time", click -> extend(request));
            extend.setId("extend");
            actions.add(extend);
        }
        if (queries.mayRetryGrants(request, username) && request.status() == RequestStatus.FAILED) {
            Button retry = new Button("Retry grants", click -> act(() -> requests.retryGrants(request.id(),
                    username), "The grants are being applied again."));
            retry.setId("retry-grants");
            actions.add(retry);
        }
        if (queries.mayRevoke(request, username)) {
            if (request.status() == RequestStatus.ACTIVE || request.status() == RequestStatus.APPROVED
                    || request.status() == RequestStatus.FAILED) {
                Button revoke = new Button("Revoke access", click -> reasonDialog("Revoke this access", "Revoke",
                        reason -> requests.revoke(request.id(), username, reason), "Access revoked."));
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
                revoke.setId("revoke");
                actions.add(revoke);
            }
        }
        return actions;
    }

    private void approve(AccessRequestView request, boolean extension) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(extension ? "Approve the extension" : "Approve access to " + request.product().name());
        IntegerField days = new IntegerField("Days (you may shorten)");
        days.setMin(1);
        days.setMax(request.durationDays());
        days.setValue(request.durationDays());
        days.setStepButtonsVisible(true);
        days.setVisible(!extension);
        TextArea comment = new TextArea("Comment (optional)");
        comment.setWidthFull();
        dialog.add(new VerticalLayout(days, comment));
        Button confirm = new Button("Approve", click -> {
            Integer shorter = days.getValue() != null && days.getValue() < request.durationDays() ? days.getValue() : null;
            if (act(() -> requests.approve(request.id(), username, shorter, comment.getValue()), "Approved.")) {
                dialog.close();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-approve");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }

    private void extend(AccessRequestView request) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Ask for more time");
        IntegerField days = new IntegerField("Days more");
        days.setMin(1);
        days.setMax(request.maxDurationDays());
        days.setValue(Math.min(30, request.maxDurationDays()));
        TextArea reason = new TextArea("Why");
        reason.setWidthFull();
        dialog.add(new VerticalLayout(days, reason));
        Button send = new Button("Ask", click -> {
            if (act(() -> requests.extend(request.id(), username, days.getValue() == null ? 0 : days.getValue(),
                    reason.getValue()), "Extension asked for; your access stays active meanwhile.")) {
                dialog.close();
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), send);
        dialog.open();
    }

    private void reasonDialog(String heading, String verb, java.util.function.Function<String, AccessRequestView> action,
            String success) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(heading);
        TextArea reason = new TextArea("Reason");
        reason.setWidth("28em");
        reason.setRequired(true);
        reason.setId("reason");
        dialog.add(reason);
        Button confirm = new Button(verb, click -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Say why: the requester reads it");
                reason.setInvalid(true);
                return;
            }
            if (act(() -> action.apply(reason.getValue()), success)) {
                dialog.close();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-reason");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }

    /** Runs a decision; a refusal (or someone else deciding first) is shown, and the page shows the latest state. */
    private boolean act(Supplier<AccessRequestView> action, String success) {
        try {
            AccessRequestView after = action.get();
            Notification.show(success, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            removeAll();
            show(after);
            return true;
        } catch (RuntimeException refused) {
            Notification.show(Failures.describe(refused), 6000, Notification.Position.BOTTOM_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
