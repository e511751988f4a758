package dev.agora.access;

import dev.agora.catalog.Classification;

/**
 * The data product a request is about, as it was when the request was made: routing and the maximum duration
 * follow from its classification, owner team and domain at that moment.
 */
public record ProductRef(long id, String slug, String name, Classification classification, String domain,
        String ownerTeam) {}
