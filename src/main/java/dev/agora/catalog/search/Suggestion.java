package dev.agora.catalog.search;

/** A product name that completes what is being typed. */
public record Suggestion(String slug, String name) {}
