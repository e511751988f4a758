package dev.agora.catalog.search;

/** How results are ordered. */
public enum SortOrder {
    /** best match first (for an empty query: newest first) */
    RELEVANCE,
    /** most recently published (or, for drafts, changed) first */
    NEWEST,
    /** by name, A to Z */
    NAME
}
