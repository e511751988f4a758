package dev.agora.access.activity;

import dev.agora.events.EventTypes;

/**
 * Who sees an event of a product's activity besides the product's owner team, its domain's stewards and the
 * administrators, who see them all.
 */
public enum Audience {
    /** the product's own events (product.*): whoever may see the product */
    PRODUCT,
    /** the public access.* events of a request: also its requester and the members of the team it is for */
    REQUEST,
    /** grants, drift, and the access steps that carry engine errors or other consumers' routing: nobody else */
    OWNERS;

    /** The audience of an event by its public type. */
    public static Audience of(String type) {
        if (type.startsWith("agora.product.") || type.startsWith("agora.catalog.product.")) {
            return PRODUCT;
        }
        // only the catalog's access types: internal ones (grant-failed …) carry engine errors for owners only
        if (type.startsWith("agora.access.") && EventTypes.catalog().containsKey(type)) {
            return REQUEST;
        }
        return OWNERS;
    }
}
