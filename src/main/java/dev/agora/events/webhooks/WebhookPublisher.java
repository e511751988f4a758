package dev.agora.events.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.events.CloudEvents;
import dev.agora.events.EventPublisher;
import dev.agora.events.EventTypes;
import dev.agora.events.outbound.OutboundMessage;
import dev.agora.events.outbound.OutboundMessages;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Hands events to the teams' webhooks: for each event of a public type that names a product ({@code data.product}),
 * one outbound message per subscription whose filters take it and whose team may receive it
 * ({@link WebhookAudience}), all in one transaction. The message is the CloudEvent in structured JSON, signed with
 * the subscription's secret; the outbound queue then delivers, retries and parks each subscriber's messages on its
 * own, so a failing endpoint never holds up another, and neither holds up the relay. Events without a product
 * (accounts, internal changes) never go to team webhooks.
 */
@ApplicationScoped
public class WebhookPublisher implements EventPublisher {

    public static final String NAME = "webhooks";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String EVENT_ID = "X-Agora-Event-Id";
    public static final String EVENT_TYPE = "X-Agora-Event-Type";
    public static final String WEBHOOK_ID = "X-Agora-Webhook-Id";
    private static final Logger LOG = Logger.getLogger(WebhookPublisher.class);

    private final WebhookSubscriptions subscriptions;
    private final WebhookAudience audience;
    private final OutboundMessages outbound;
    private final ObjectMapper json;
    private final JsonFormat format = new JsonFormat();

    WebhookPublisher(WebhookSubscriptions subscriptions, WebhookAudience audience, OutboundMessages outbound,
            ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.audience = audience;
        this.outbound = outbound;
        this.json = json;
    }

    /** The public types a webhook may filter on: the catalog's, including those no change produces yet. */
    public static List<String> publicTypes() {
        List<String> types = new ArrayList<>(EventTypes.catalog().keySet());
        EventTypes.NOT_YET_PRODUCED.stream().filter(type -> !types.contains(type)).forEach(types::add);
        return types.stream().sorted().toList();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return subscriptions.any();
    }

    @Override
    public List<Delivery> publish(List<CloudEvent> events) {
        try {
            QuarkusTransaction.requiringNew().run(() -> events.forEach(this::enqueue));
        } catch (RuntimeException failed) {
            LOG.warnf("Webhook deliveries could not be queued now (the relay retries): %s", failed.getMessage());
            return events.stream().map(event -> new Delivery(event.getId(), false, true,
                    "webhook deliveries could not be queued: " + failed.getMessage())).toList();
        }
        return events.stream().map(event -> new Delivery(event.getId(), true, false, null)).toList();
    }

    private void enqueue(CloudEvent event) {
        Optional<String> product = product(event);
        if (product.isEmpty() || !publicTypes().contains(event.getType())) {
            return;
        }
        List<WebhookSubscription> matching = subscriptions.matching(product.get(), event.getType());
        if (matching.isEmpty()) {
            return;
        }
        byte[] body = format.serialize(event);
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.length() > OutboundMessage.MAX_BODY_CHARS) {
            LOG.warnf("Event %s is too large for a webhook delivery (%d characters); not sent", event.getId(),
                    text.length());
            return;
        }
        Object partitionKey = event.getExtension(CloudEvents.PARTITION_KEY);
        String orderingKey = partitionKey == null ? event.getId() : partitionKey.toString();
        for (WebhookSubscription subscription : matching) {
            if (!audience.mayReceive(subscription.team(), product.get(), event)) {
                continue;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(WebhookSignature.HEADER, WebhookSignature.sign(subscription.secret(), body));
            headers.put(EVENT_ID, event.getId());
            headers.put(EVENT_TYPE, event.getType());
            headers.put(WEBHOOK_ID, subscription.id().toString());
            outbound.enqueue(new OutboundMessage(subscription.channel(), orderingKey, event.getId(),
                    subscription.url(), CONTENT_TYPE, text, headers));
        }
    }

    private Optional<String> product(CloudEvent event) {
        // a product's own events are about the product their subject names, data.product or not
        if (event.getType().startsWith("agora.product.") && event.getSubject() != null) {
            return Optional.of(event.getSubject());
        }
        if (event.getData() == null) {
            return Optional.empty();
        }
        try {
            JsonNode data = json.readTree(event.getData().toBytes());
            JsonNode product = data == null ? null : data.get("product");
            return product != null && product.isTextual() && !product.asText().isBlank()
                    ? Optional.of(product.asText()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
