package dev.agora.catalog;

/** Fired (as a CDI event, observed after commit) whenever a product changed: a nudge for the search index. */
public record CatalogChanged(String slug) {}
