package dev.agora.access.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.ProductConsumers;
import dev.agora.events.EventTypes;
import dev.agora.events.inprocess.PublishedEvent;
import dev.agora.identity.Directory;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the people a breaking schema change concerns — the owner team and the product's active consumers (persons,
 * and every member of a consumer team) — when it is held, when it is released as a new major version (with the
 * diff) and when the old schema is back. Once per event, however often it is delivered.
 */
@ApplicationScoped
class SchemaHoldNotices {

    static final String HELD = EventTypes.publicType("agora.catalog.product.breaking-change-held");
    static final String MAJOR_RELEASED = EventTypes.publicType("agora.catalog.product.major-version-released");
    static final String RESTORED = EventTypes.publicType("agora.catalog.product.schema-restored");

    private final ProductConsumers consumers;
    private final ProductFollowing following;
    private final Notifications notifications;
    private final CatalogService catalog;
    private final Directory directory;
    private final ObjectMapper json;

    SchemaHoldNotices(ProductConsumers consumers, ProductFollowing following, Notifications notifications,
            CatalogService catalog, Directory directory, ObjectMapper json) {
        this.consumers = consumers;
        this.following = following;
        this.notifications = notifications;
        this.catalog = catalog;
        this.directory = directory;
        this.json = json;
    }

    void on(@Observes PublishedEvent published) {
        CloudEvent event = published.event();
        String type = event.getType();
        if (!type.equals(HELD) && !type.equals(MAJOR_RELEASED) && !type.equals(RESTORED)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> tell(event));
    }

    private void tell(CloudEvent event) {
        JsonNode data = EventData.of(json, event);
        Optional<ProductDetails> found = catalog.find(data.path("product").asText(event.getSubject()),
                ProductFollowing.SYSTEM);
        if (found.isEmpty()) {
            return;
        }
        ProductDetails product = found.get();
        Set<String> recipients = new LinkedHashSet<>(following.membersOf(List.of(product.ownerTeam())));
        List<String> teams = new ArrayList<>();
        for (ProductConsumers.Consumer consumer : consumers.of(product.id())) {
            if (consumer.isTeam()) {
                teams.add(consumer.name());
            } else {
                recipients.add(consumer.name());
            }
        }
        recipients.addAll(following.membersOf(teams));
        List<String> active = recipients.stream().filter(name -> directory.profile(name).isPresent()).toList();
        notifications.tellOnceAboutProduct("schema-hold:" + event.getId(), active, kind(event.getType()),
                product.slug(), ProductFollowing.productPath(product.slug()), message(event.getType(), product, data));
    }

    private static Notifications.Kind kind(String type) {
        return type.equals(HELD) ? Notifications.Kind.BREAKING_CHANGE_HELD
                : type.equals(MAJOR_RELEASED) ? Notifications.Kind.MAJOR_VERSION : Notifications.Kind.SCHEMA_CHANGED;
    }

    /** The readable notice, with the diff for a hold and a release. */
    static String message(String type, ProductDetails product, JsonNode data) {
        List<String> lines = new ArrayList<>();
        for (JsonNode difference : data.path("differences")) {
            lines.add(difference.path("line").asText());
        }
        String diff = lines.isEmpty() ? "" : ": " + String.join("; ", lines);
        String message;
        if (type.equals(HELD)) {
            message = "A breaking schema change of " + product.name() + " is held until its owners decide" + diff;
        } else if (type.equals(MAJOR_RELEASED)) {
            message = product.name() + " " + data.path("version").asText() + " was released with a breaking schema "
                    + "change; " + data.path("previousVersion").asText() + " is usable until "
                    + data.path("previousUsableUntil").asText().replaceFirst("T.*", "") + diff;
        } else {
            message = "The schema of " + product.name() + " is back as its contract promises; the held change is "
                    + "closed.";
        }
        return message.length() <= ProductNotices.MAX_MESSAGE ? message
                : message.substring(0, ProductNotices.MAX_MESSAGE - 1) + "…";
    }
}
