package dev.agora.access.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.access.application.ProductFollowing.Followers;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ProductDetails;
import dev.agora.events.EventTypes;
import dev.agora.events.OutboxEntry;
import dev.agora.events.inprocess.PublishedEvent;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tells followers of a product what became of it: a new version, a schema change, a deprecation. Each follower
 * person, and each member of a follower team, gets a notice behind the bell and an e-mail — once per event, even
 * when they follow twice (personally and through a team) and however often the event is delivered; never the
 * person who made the change, never someone who may no longer see the product. Each follower team gets one
 * {@link TeamAnnouncement} for its chat channel.
 */
@ApplicationScoped
class ProductNotices {

    private static final Logger LOG = Logger.getLogger(ProductNotices.class);
    /** Notices stay one readable line: long changelogs and reasons are cut, the product page has them whole. */
    static final int MAX_MESSAGE = 500;

    static final String VERSION_RELEASED = EventTypes.publicType("agora.catalog.product.version-added");
    static final String DEPRECATED = EventTypes.publicType("agora.catalog.product.deprecated");
    /** The type a catalog schema change leaves under (its internal name until the public one is mapped). */
    static final String SCHEMA_CHANGED = EventTypes.publicType("agora.catalog.product.schema-changed");

    private final ProductFollowing following;
    private final Notifications notifications;
    private final CatalogService catalog;
    private final Directory directory;
    private final Event<TeamAnnouncement> announcements;
    private final ObjectMapper json;

    ProductNotices(ProductFollowing following, Notifications notifications, CatalogService catalog,
            Directory directory, Event<TeamAnnouncement> announcements, ObjectMapper json) {
        this.following = following;
        this.notifications = notifications;
        this.catalog = catalog;
        this.directory = directory;
        this.announcements = announcements;
        this.json = json;
    }

    /** A notice: its kind, the one-line message, more details for a team's channel. */
    record Notice(Notifications.Kind kind, TeamAnnouncement.Occasion occasion, String message, String details) {}

    void on(@Observes PublishedEvent published) {
        CloudEvent event = published.event();
        String type = event.getType();
        if (!type.equals(VERSION_RELEASED) && !type.equals(DEPRECATED) && !type.equals(SCHEMA_CHANGED)) {
            return;
        }
        // outside any transaction (the relay's delivery): one of our own, so that notices and announcements of an
        // event are stored together or not at all (then the delivery fails and is retried)
        QuarkusTransaction.requiringNew().run(() -> tell(event));
    }

    private void tell(CloudEvent event) {
        JsonNode data = EventData.of(json, event);
        String slug = data.path("product").asText(data.path("slug").asText(event.getSubject()));
        Optional<ProductDetails> found = catalog.find(slug, ProductFollowing.SYSTEM);
        if (found.isEmpty()) {
            return;
        }
        ProductDetails product = found.get();
        Followers followers = following.followers(product.slug());
        if (followers.people().isEmpty() && followers.teams().isEmpty()) {
            return;
        }
        Notice notice = notice(event.getType(), product, data);
        Optional<String> actor = actorOf(event.getId());
        Set<String> recipients = new LinkedHashSet<>(followers.people());
        recipients.addAll(following.membersOf(followers.teams()));
        actor.ifPresent(recipients::remove);
        List<String> mayRead = new ArrayList<>();
        for (String recipient : recipients) {
            directory.profile(recipient)
                    .filter(profile -> mayStillSee(profile, product))
                    .ifPresent(profile -> mayRead.add(profile.username()));
        }
        String path = ProductFollowing.productPath(product.slug());
        notifications.tellOnceAboutProduct("followed:" + event.getId(), mayRead, notice.kind(), product.slug(), path,
                notice.message());
        for (String team : followers.teams()) {
            announcements.fire(new TeamAnnouncement(team, event.getId() + ":" + team, product.slug(),
                    notice.occasion(), notice.message(), notice.details(), "Open the product", path));
        }
        LOG.debugf("told %d followers of %s about %s", mayRead.size(), product.slug(), event.getType());
    }

    /** The readable notice of the event. */
    Notice notice(String type, ProductDetails product, JsonNode data) {
        if (type.equals(VERSION_RELEASED)) {
            String version = data.path("version").asText(product.version());
            String changelog = product.versions().stream().filter(v -> v.version().equals(version))
                    .map(ProductDetails.VersionEntry::changelog).findFirst().orElse("");
            String message = product.name() + " " + version + " was released"
                    + (changelog.isBlank() ? "." : ": " + oneLine(changelog));
            return new Notice(Notifications.Kind.NEW_VERSION, TeamAnnouncement.Occasion.NEW_VERSION,
                    cut(message), changelog.strip());
        }
        if (type.equals(DEPRECATED)) {
            String reason = product.deprecationNote() == null ? "" : product.deprecationNote();
            String message = product.name() + " is deprecated" + (reason.isBlank() ? "." : ": " + oneLine(reason));
            return new Notice(Notifications.Kind.DEPRECATED, TeamAnnouncement.Occasion.DEPRECATED, cut(message),
                    reason.strip());
        }
        List<String> ports = new ArrayList<>();
        for (JsonNode port : data.path("ports")) {
            List<String> parts = new ArrayList<>();
            part(parts, "added", port.path("added"));
            part(parts, "removed", port.path("removed"));
            part(parts, "changed", port.path("changed"));
            ports.add("in port " + port.path("port").asText("?") + (parts.isEmpty() ? "" : " — "
                    + String.join("; ", parts)));
        }
        String message = product.name() + ": schema changed" + (ports.isEmpty() ? "" : " " + String.join("; ", ports));
        return new Notice(Notifications.Kind.SCHEMA_CHANGED, TeamAnnouncement.Occasion.SCHEMA_CHANGED, cut(message),
                String.join("\n", ports));
    }

    private static void part(List<String> parts, String label, JsonNode columns) {
        List<String> names = new ArrayList<>();
        for (JsonNode column : columns) {
            names.add(column.isTextual() ? column.asText() : column.path("name").asText("?"));
        }
        if (!names.isEmpty()) {
            parts.add(label + ": " + String.join(", ", names));
        }
    }

    /** A follower who left the owner team no longer sees its draft, and is not told about it. */
    private static boolean mayStillSee(AccountProfile profile, ProductDetails product) {
        return FollowPermissions.personMayFollow(profile, product.status(), product.ownerTeam());
    }

    /**
     * Who made the change: the CloudEvent does not say (it leaves Agora), the outbox does — and holds the event
     * while it is being delivered (only published events are pruned).
     */
    private static Optional<String> actorOf(String eventId) {
        try {
            return OutboxEntry.<OutboxEntry>findByIdOptional(UUID.fromString(eventId))
                    .map(entry -> entry.toEvent().actor());
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String cut(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
