package dev.agora.catalog.ui;

import com.vaadin.flow.component.html.Span;
import dev.agora.catalog.Classification;
import dev.agora.catalog.ProductStatus;

/** Small labels for classification and status, coloured by how careful one must be. */
final class Badges {

    private Badges() {
    }

    static Span classification(Classification classification) {
        return classification(classification.name());
    }

    static Span classification(String classification) {
        Span badge = new Span(classification);
        badge.getElement().getThemeList().add(switch (classification) {
            case "PUBLIC" -> "badge success";
            case "INTERNAL" -> "badge";
            case "CONFIDENTIAL" -> "badge warning";
            default -> "badge error primary";
        });
        badge.addClassName("classification-" + classification.toLowerCase());
        badge.getElement().setAttribute("title", "Classification");
        return badge;
    }

    static Span status(ProductStatus status) {
        return status(status.name());
    }

    static Span status(String status) {
        Span badge = new Span(status.charAt(0) + status.substring(1).toLowerCase());
        badge.getElement().getThemeList().add(switch (status) {
            case "DRAFT" -> "badge contrast";
            case "DEPRECATED" -> "badge error";
            default -> "badge success";
        });
        badge.addClassName("status-badge");
        return badge;
    }

    static Span tag(String tag) {
        Span badge = new Span(tag);
        badge.getElement().getThemeList().add("badge pill contrast small");
        badge.addClassName("tag");
        return badge;
    }
}
