package dev.agora.catalog;

/** Where a data product is in its life: drafts are seen by the owner team only. */
public enum ProductStatus {
    DRAFT,
    PUBLISHED,
    DEPRECATED
}
