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
            Optional<UUID> id = uuid(event.getId());
            // Agora's own events have UUID ids (the outbox ids); anything else is not one of a product's
            Optional<String> product = id.isPresent() ? productOf(event) : Optional.empty();
            if (product.isPresent() && !product.get().isBlank() && product.get().length() <= 200) {
                rows.add(new Row(id.get(), product.get(), event));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        // Recorded on the relay's thread: waiting for the disk at each commit would bound the relay by the disk.
        // Safe: a crash can lose these rows only together with the relay's later "published" mark (the WAL is
        // flushed in order), and then the events are delivered, and recorded, again.
        entities.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        OffsetDateTime now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] products = new String[n];
        String[] types = new String[n];
        String[] times = new String[n];
        String[] audiences = new String[n];
        String[] principals = new String[n];
        String[] requesters = new String[n];
        String[] requestingTeams = new String[n];
        String[] cloudEvents = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            CloudEvent event = row.event();
            Audience audience = Audience.of(event.getType());
            Optional<AccessRequest> request = audience == Audience.REQUEST ? requestOf(event.getSubject())
                    : Optional.empty();
            if (audience == Audience.REQUEST && request.isEmpty()) {
                audience = Audience.OWNERS;
            }
            Optional<Principal> principal = request.map(AccessRequest::principal);
            ids[i] = row.id();
            products[i] = row.product();
            types[i] = event.getType();
            times[i] = (event.getTime() == null ? now : event.getTime()).toString();
            audiences[i] = audience.name();
            principals[i] = principal.map(Principal::toString).orElse(null);
            requesters[i] = request.map(AccessRequest::requester).orElse(null);
            requestingTeams[i] = principal.filter(p -> p.type() == Principal.Type.TEAM).map(Principal::name)
                    .orElse(null);
            cloudEvents[i] = new String(format.serialize(event), StandardCharsets.UTF_8);
        }
        // one statement for the round, in delivery order (the position breaks ties of one instant); the CloudEvent
        // carries no actor, the outbox rows (still there at delivery) do
        entities.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO product_activity (event_id, product, event_type, occurred_at, audience, actor,
                        principal, requester, requesting_team, cloud_event, recorded_at)
                    SELECT r.event_id, r.product, r.event_type, CAST(r.occurred_at AS TIMESTAMPTZ), r.audience,
                           coalesce(o.actor, ''), r.principal, r.requester, r.requesting_team, r.cloud_event, ?
                      FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                  ?::text[], ?::text[]) WITH ORDINALITY
                           AS r (event_id, product, event_type, occurred_at, audience, principal, requester,
                                 requesting_team, cloud_event, delivered)
                      LEFT JOIN outbox o ON o.id = r.event_id
                     ORDER BY r.delivered
                    ON CONFLICT (event_id) DO NOTHING""")) {
                insert.setObject(1, now);
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                insert.setArray(3, connection.createArrayOf("text", products));
                insert.setArray(4, connection.createArrayOf("text", types));
                insert.setArray(5, connection.createArrayOf("text", times));
                insert.setArray(6, connection.createArrayOf("text", audiences));
                insert.setArray(7, connection.createArrayOf("text", principals));
                insert.setArray(8, connection.createArrayOf("text", requesters));
                insert.setArray(9, connection.createArrayOf("text", requestingTeams));
                insert.setArray(10, connection.createArrayOf("text", cloudEvents));
                insert.executeUpdate();
            }
        });
    }

    private record Row(UUID id, String product, CloudEvent event) {}

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


    /**
     * The data's top-level "product", read as a stream that stops there: the relay hands over a round's worth of
     * events, and most of the data need not be read at all.
     */
    private Optional<String> productOf(CloudEvent event) {
        if (event.getData() == null) {
            return Optional.empty();
        }
        try (com.fasterxml.jackson.core.JsonParser parser = json.getFactory().createParser(event.getData().toBytes())) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
                if (field.equals("product")) {
                    return value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING
                            ? Optional.of(parser.getText()) : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (java.io.IOException notJson) {
            return Optional.empty();
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
