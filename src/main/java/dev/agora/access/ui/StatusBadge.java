package dev.agora.access.ui;

import com.vaadin.flow.component.html.Span;
import dev.agora.access.RequestStatus;

/** A request's status as a coloured label. */
final class StatusBadge {

    private StatusBadge() {
    }

    static Span of(RequestStatus status) {
        Span badge = new Span(status.name().charAt(0) + status.name().substring(1).toLowerCase());
        badge.getElement().getThemeList().add(switch (status) {
            case PENDING -> "badge";
            case APPROVED -> "badge contrast";
            case ACTIVE -> "badge success";
            case FAILED, REJECTED, REVOKED -> "badge error";
            case CANCELLED, EXPIRED -> "badge contrast";
        });
        badge.addClassName("request-status");
        badge.addClassName("request-status-" + status.name().toLowerCase());
        return badge;
    }
}
