package dev.agora.events.webhooks;

import io.cloudevents.CloudEvent;

/**
 * Whether a team may receive an event through its webhooks, beyond the filters it chose: a team subscribed to "all"
 * must not receive other consumers' access requests or another team's drafts. Implemented once by the feature that
 * knows products and requests (access), so that events need not depend on it. Called inside a transaction.
 */
public interface WebhookAudience {

    /**
     * @param team        the subscribing team's slug
     * @param productSlug the event's {@code data.product}
     * @param event       the event (its type is a public catalog type)
     */
    boolean mayReceive(String team, String productSlug, CloudEvent event);
}
