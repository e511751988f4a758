package dev.agora.access.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ProductConsumers;
import dev.agora.catalog.ProductDetails;
import dev.agora.events.EventTypes;
import dev.agora.events.inprocess.PublishedEvent;
import dev.agora.identity.Directory;
import dev.agora.identity.TeamRole;
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
 * Tells the owners of a product's team and the consumers with active access (a person, or every member of a team
 * that was granted access) that rules of its contract newly fail — once per rule that starts failing, not on every
 * run while it keeps failing (the run says which rules are new), and once per event however often it is delivered.
 */
@ApplicationScoped
class QualityNotices {

    static final String QUALITY_FAILED = EventTypes.publicType("agora.quality.run.failed");
    static final int MAX_MESSAGE = ProductNotices.MAX_MESSAGE;

    private final Notifications notifications;
    private final CatalogService catalog;
    private final Directory directory;
    private final ProductFollowing following;
    private final ProductConsumers consumers;
    private final ObjectMapper json;

    QualityNotices(Notifications notifications, CatalogService catalog, Directory directory,
            ProductFollowing following, ProductConsumers consumers, ObjectMapper json) {
        this.notifications = notifications;
        this.catalog = catalog;
        this.directory = directory;
        this.following = following;
        this.consumers = consumers;
        this.json = json;
    }

    void on(@Observes PublishedEvent published) {
        CloudEvent event = published.event();
        if (!event.getType().equals(QUALITY_FAILED)) {
            return;
        }
        // outside any transaction (the relay's delivery): one of our own, notices stored together or not at all
        QuarkusTransaction.requiringNew().run(() -> tell(event));
    }

    private void tell(CloudEvent event) {
        JsonNode data = EventData.of(json, event);
        JsonNode newlyFailing = data.path("newlyFailing");
        if (!newlyFailing.isArray() || newlyFailing.isEmpty()) {
            return;
        }
        Optional<ProductDetails> found = catalog.find(data.path("product").asText(event.getSubject()),
                ProductFollowing.SYSTEM);
        if (found.isEmpty()) {
            return;
        }
        ProductDetails product = found.get();
        Set<String> recipients = new LinkedHashSet<>(directory.membersWithRole(product.ownerTeam(), TeamRole.OWNER));
        recipients.addAll(activeConsumers(product.id()));
        List<String> rules = new ArrayList<>();
        for (JsonNode rule : newlyFailing) {
            String observed = rule.path("observed").asText("");
            rules.add(rule.path("rule").asText("?") + " (" + rule.path("port").asText("?") + ")"
                    + (observed.isBlank() ? "" : ": " + observed));
        }
        String message = product.name() + ": quality rule" + (rules.size() == 1 ? "" : "s") + " newly failing — "
                + String.join("; ", rules);
        notifications.tellOnceAboutProduct("quality-failed:" + event.getId(), recipients,
                Notifications.Kind.QUALITY_FAILED, product.slug(), ProductFollowing.productPath(product.slug()),
                message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…");
    }

    /** The people with active access (ProductConsumers, the one rule of who consumes): persons and team members. */
    private Set<String> activeConsumers(long productId) {
        Set<String> people = new LinkedHashSet<>();
        List<String> teams = new ArrayList<>();
        for (ProductConsumers.Consumer consumer : consumers.of(productId)) {
            if (consumer.isTeam()) {
                teams.add(consumer.name());
            } else {
                people.add(consumer.name());
            }
        }
        people.addAll(following.membersOf(teams));
        return people;
    }
}
