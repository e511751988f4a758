package dev.agora.access.activity;

import dev.agora.platform.SqlTimes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.access.AccessRequest;
import dev.agora.access.Principal;
import dev.agora.access.persistence.AccessRequestStore;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ProductDetails;
import dev.agora.events.EventTypes;
import dev.agora.events.relay.EventsConfig;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.platform.Refusal;
import dev.agora.platform.web.Paging;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A product's activity: the committed events that name it ({@code data.product}), kept for
 * {@code AGORA_EVENTS_ACTIVITY_RETENTION}, newest first, each viewer seeing what {@link ActivityPermissions} lets
 * them. It lives in access because who sees an access event depends on whose request it is.
 */
@ApplicationScoped
public class ProductActivity {

    private static final Logger LOG = Logger.getLogger(ProductActivity.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    /** One event of the activity: the CloudEvent as stored (structured JSON) and what the product page shows. */
    public record Entry(String id, String type, Instant time, String actor, String principal, Map<String, Object> data,
            String cloudEvent) {}

    /** A page of the activity and how many events the viewer may see in all. */
    public record Page(List<Entry> entries, long total) {}

    private final EntityManager entities;
    private final AccessRequestStore requests;
    private final CatalogService catalog;
    private final Directory directory;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final Clock clock;
    private final JsonFormat format = new JsonFormat();

    ProductActivity(EntityManager entities, AccessRequestStore requests, CatalogService catalog, Directory directory,
            ObjectMapper json, EventsConfig config, Clock clock) {
        this.entities = entities;
        this.requests = requests;
        this.catalog = catalog;
        this.directory = directory;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Keeps the events that are about a product, in one transaction (a relay round's worth). Delivered at least
     * once: a second delivery of the same id changes nothing (the id is the key).
     */
    @Transactional
    public void recordAll(List<CloudEvent> events) {
        List<Row> rows = new ArrayList<>();
        for (CloudEvent event : events) {
            Map<String, Object> data = dataOf(event);
            Optional<UUID> id = uuid(event.getId());
            // Agora's own events have UUID ids (the outbox ids); anything else is not one of a product's
            if (id.isPresent() && data.get("product") instanceof String product && !product.isBlank()
                    && product.length() <= 200) {
                rows.add(new Row(id.get(), product, event));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        // Recorded on the relay's thread: waiting for the disk at each commit would bound the relay by the disk.
        // Safe: a crash can lose these rows only together with the relay's later "published" mark (the WAL is
        // flushed in order), and then the events are delivered, and recorded, again.
        entities.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        Map<UUID, String> actors = actorsOf(rows.stream().map(Row::id).toList());
        Instant now = clock.instant();
        for (Row row : rows) {
            CloudEvent event = row.event();
            Audience audience = Audience.of(event.getType());
            Optional<AccessRequest> request = audience == Audience.REQUEST ? requestOf(event.getSubject())
                    : Optional.empty();
            if (audience == Audience.REQUEST && request.isEmpty()) {
                audience = Audience.OWNERS;
            }
            Optional<Principal> principal = request.map(AccessRequest::principal);
            OffsetDateTime time = event.getTime() == null ? OffsetDateTime.now(clock) : event.getTime();
            entities.createNativeQuery("""
                            INSERT INTO product_activity (event_id, product, event_type, occurred_at, audience, actor,
                                principal, requester, requesting_team, cloud_event, recorded_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                            ON CONFLICT (event_id) DO NOTHING""")
                    .setParameter(1, row.id())
                    .setParameter(2, row.product())
                    .setParameter(3, event.getType())
                    .setParameter(4, time)
                    .setParameter(5, audience.name())
                    .setParameter(6, actors.getOrDefault(row.id(), ""))
                    .setParameter(7, principal.map(Principal::toString).orElse(null))
                    .setParameter(8, request.map(AccessRequest::requester).orElse(null))
                    .setParameter(9, principal.filter(p -> p.type() == Principal.Type.TEAM).map(Principal::name)
                            .orElse(null))
                    .setParameter(10, new String(format.serialize(event), StandardCharsets.UTF_8))
                    .setParameter(11, now.atOffset(java.time.ZoneOffset.UTC))
                    .executeUpdate();
        }
    }

    private record Row(UUID id, String product, CloudEvent event) {}

    /** The CloudEvent carries no actor; the outbox rows (still there at delivery) do. */
    private Map<UUID, String> actorsOf(List<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = entities.createNativeQuery("SELECT id, actor FROM outbox WHERE id IN (:ids)")
                .setParameter("ids", ids).getResultList();
        Map<UUID, String> actors = new java.util.HashMap<>();
        for (Object[] row : found) {
            actors.put((UUID) row[0], String.valueOf(row[1]));
        }
        return actors;
    }

    /**
     * The viewer's page of the product's activity, newest first, optionally of one public type; a product the
     * viewer may not see is not found.
     */
    @Transactional
    public Page of(String idOrSlug, String viewer, Optional<String> type, Paging paging) {
        type.ifPresent(ProductActivity::refuseUnknownType);
        ProductDetails product = catalog.find(idOrSlug, viewer)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + idOrSlug + "'."));
        AccountProfile profile = directory.profile(viewer)
                .orElseThrow(() -> Refusal.forbidden("There is no account '" + viewer + "'."));
        ActivityPermissions.Scope scope = ActivityPermissions.scope(profile, product.ownerTeam(), product.domain());

        StringBuilder where = new StringBuilder(" FROM product_activity WHERE product = :product");
        if (!scope.everything()) {
            where.append(" AND (audience = 'PRODUCT' OR audience = 'REQUEST' AND (requester = :me")
                    .append(scope.teams().isEmpty() ? "" : " OR requesting_team IN (:teams)").append("))");
        }
        type.ifPresent(t -> where.append(" AND event_type = :type"));
        Query count = bind(entities.createNativeQuery("SELECT count(*)" + where), product, scope, type);
        Query page = bind(entities.createNativeQuery("SELECT CAST(event_id AS text), event_type, occurred_at, actor, "
                + "principal, cloud_event" + where + " ORDER BY occurred_at DESC, position DESC"), product, scope, type)
                .setFirstResult((int) paging.offset()).setMaxResults(paging.size());
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = page.getResultList();
        return new Page(rows.stream().map(this::entry).toList(), total);
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneScheduled() {
        try {
            prune();
        } catch (RuntimeException failed) {
            LOG.warnf("Product activity could not be pruned now (will retry): %s", failed.getMessage());
        }
    }

    /** Forgets the events older than the activity retention; tells how many. */
    @Transactional
    public int prune() {
        Instant cutoff = clock.instant().minus(config.activityRetention());
        return entities.createNativeQuery("DELETE FROM product_activity WHERE occurred_at < ?1")
                .setParameter(1, cutoff.atOffset(java.time.ZoneOffset.UTC)).executeUpdate();
    }

    private static Query bind(Query query, ProductDetails product, ActivityPermissions.Scope scope,
            Optional<String> type) {
        query.setParameter("product", product.slug());
        if (!scope.everything()) {
            query.setParameter("me", scope.username());
            if (!scope.teams().isEmpty()) {
                query.setParameter("teams", scope.teams());
            }
        }
        type.ifPresent(t -> query.setParameter("type", t));
        return query;
    }

    private Entry entry(Object[] row) {
        String cloudEvent = (String) row[5];
        Map<String, Object> data;
        try {
            Object parsed = json.readValue(cloudEvent, OBJECT).get("data");
            data = parsed instanceof Map<?, ?> map ? json.convertValue(map, OBJECT) : Map.of();
        } catch (JsonProcessingException unreadable) {
            data = Map.of();
        }
        return new Entry((String) row[0], (String) row[1], SqlTimes.instant(row[2]), (String) row[3],
                (String) row[4], data,
                cloudEvent);
    }


    private Map<String, Object> dataOf(CloudEvent event) {
        if (event.getData() == null) {
            return Map.of();
        }
        try {
            Object parsed = json.readValue(event.getData().toBytes(), Object.class);
            return parsed instanceof Map<?, ?> ? json.convertValue(parsed, OBJECT) : Map.of();
        } catch (java.io.IOException notJson) {
            return Map.of();
        }
    }

    private Optional<AccessRequest> requestOf(String subject) {
        return uuid(subject).flatMap(requests::find);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static void refuseUnknownType(String type) {
        if (!EventTypes.catalog().containsKey(type)) {
            throw Refusal.invalid("type", "must be one of the public event types: "
                    + String.join(", ", EventTypes.catalog().keySet()));
        }
    }
}
