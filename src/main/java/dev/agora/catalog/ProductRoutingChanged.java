package dev.agora.catalog;

/**
 * What access requests to a product are routed by changed: its owner team (and domain), or the strictest
 * classification it had lately. Fired synchronously in the transaction of the change, so that the access
 * feature follows in the same commit without the catalog knowing it.
 *
 * @param routedBy the strictest classification within the classification memory, now
 * @param previousRoutedBy the same before the change
 */
public record ProductRoutingChanged(long productId, String slug, String name, String domain, String ownerTeam,
        Classification routedBy, String previousOwnerTeam, Classification previousRoutedBy, String actor) {

    public boolean stricter() {
        return routedBy.compareTo(previousRoutedBy) > 0;
    }
}
