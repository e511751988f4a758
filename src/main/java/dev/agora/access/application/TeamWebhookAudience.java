package dev.agora.access.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.access.AccessRequest;
import dev.agora.access.Principal;
import dev.agora.access.persistence.AccessRequestStore;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ProductSummary;
import dev.agora.events.webhooks.WebhookAudience;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Which events a team's webhooks may carry, whatever it subscribed to: a product's own events when the team may see
 * the product (published, deprecated, or its own draft); an access request's and its grants' events when the team
 * owns the product now or the access is for the team; drift only to the owner team. So a team subscribed to "all"
 * never hears of other consumers' requests or of another team's drafts.
 */
@ApplicationScoped
public class TeamWebhookAudience implements WebhookAudience {

    private final CatalogService catalog;
    private final AccessRequestStore requests;
    private final ObjectMapper json;

    TeamWebhookAudience(CatalogService catalog, AccessRequestStore requests, ObjectMapper json) {
        this.catalog = catalog;
        this.requests = requests;
        this.json = json;
    }

    @Override
    public boolean mayReceive(String team, String productSlug, CloudEvent event) {
        Optional<ProductSummary> visible = catalog.findForTeam(productSlug, team);
        if (visible.isEmpty()) {
            return false;
        }
        boolean owns = visible.get().ownerTeam().equals(team);
        String type = event.getType();
        if (type.startsWith("agora.product.")) {
            return true;
        }
        if (type.startsWith("agora.access.")) {
            return owns || request(event.getSubject()).map(request -> isFor(request, team)).orElse(false);
        }
        if (type.startsWith("agora.grant.")) {
            return owns || data(event, "order").flatMap(this::request).map(request -> isFor(request, team))
                    .orElse(false);
        }
        // drift and whatever else comes later: the owners only
        return owns;
    }

    private static boolean isFor(AccessRequest request, String team) {
        return request.principal().type() == Principal.Type.TEAM && request.principal().name().equals(team);
    }

    private Optional<AccessRequest> request(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return requests.find(UUID.fromString(id));
        } catch (IllegalArgumentException notARequest) {
            return Optional.empty();
        }
    }

    private Optional<String> data(CloudEvent event, String field) {
        if (event.getData() == null) {
            return Optional.empty();
        }
        try {
            JsonNode value = json.readTree(event.getData().toBytes()).get(field);
            return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
