package dev.agora.catalog.ui;

import com.vaadin.flow.component.html.Span;
import dev.agora.catalog.Classification;
import dev.agora.catalog.ProductStatus;

/** Small labels for classification, status and quality, coloured by how careful one must be. */
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

    /** The quality labels of a card: the score when the product was checked, "Quality issue" while a rule fails. */
    static java.util.List<Span> quality(Double score, boolean issue) {
        java.util.List<Span> badges = new java.util.ArrayList<>();
        if (score != null) {
            badges.add(qualityScore(score));
        }
        if (issue) {
            badges.add(qualityIssue());
        }
        return badges;
    }

    /** "Quality 92": the share of the product's quality rules that passed in the last run, coloured by it. */
    static Span qualityScore(double score) {
        // rounded down: a product with a failing rule never shows "Quality 100"
        long shown = (long) Math.floor(score);
        Span badge = new Span("Quality " + shown);
        badge.getElement().getThemeList().add(score >= 90 ? "badge success" : score >= 60 ? "badge" : "badge warning");
        badge.addClassName("quality-score");
        badge.getElement().setAttribute("title", "Share of the contract's quality rules that passed in the last run");
        return badge;
    }

    /** Shown while at least one quality rule of the product fails. */
    static Span qualityIssue() {
        Span badge = new Span("Quality issue");
        badge.getElement().getThemeList().add("badge error");
        badge.addClassName("quality-issue");
        badge.getElement().setAttribute("title", "At least one quality rule failed in the last run");
        return badge;
    }
}
