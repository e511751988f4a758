package dev.agora.catalog.search;

/** How results are ordered. */
public enum SortOrder {
    /** best match first, near-ties by quality score (ADR 0015); for an empty query: newest first */
    RELEVANCE,
    /** most recently published (or, for drafts, changed) first */
    NEWEST,
    /** by name, A to Z */
    NAME
}
