package dev.agora.events.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team's subscription of a URL to events; empty {@code products} or {@code types} mean all. */
public record WebhookSubscription(UUID id, String team, URI url, List<String> products, List<String> types,
        String secret, String createdBy, Instant createdAt) {

    /** The outbound channel its deliveries go on. */
    public static String channel(UUID id) {
        return "webhook:" + id;
    }

    public String channel() {
        return channel(id);
    }

    public WebhookSubscription {
        products = List.copyOf(products);
        types = List.copyOf(types);
    }
}
