package dev.agora.catalog;

/** How sensitive a data product is; policies (approvers, maximum access duration) follow from it. */
public enum Classification {
    PUBLIC,
    INTERNAL,
    CONFIDENTIAL,
    RESTRICTED
}
