package dev.agora.access;

/** A product and how many access requests it has had: the storefront's "most requested". */
public record ProductDemand(String slug, String name, long requests) {}
