package dev.agora.events.webhooks;

import dev.agora.platform.SqlTimes;
import dev.agora.events.outbound.OutboundMessages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The store of webhook subscriptions. It knows nothing of who may manage them (the access feature decides that);
 * it bounds how many a team has and drops a subscription's pending deliveries with it.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    /** The most subscriptions one team may have. */
    public static final int MAX_PER_TEAM = 20;
    /** How long "is there any subscription" is remembered, so that the relay pays nothing without webhooks. */
    static final Duration ANY_CACHE = Duration.ofSeconds(3);

    // lists travel as newline-joined text: slugs and types are single lines (checked before they get here)
    private static final String COLUMNS = """
            id, team, url, array_to_string(products, chr(10)), array_to_string(types, chr(10)), secret, created_by,
            created_at""";

    private final EntityManager entities;
    private final OutboundMessages outbound;
    private final Clock clock;
    private volatile long anyCheckedAt = Long.MIN_VALUE;
    private volatile boolean any;

    WebhookSubscriptions(EntityManager entities, OutboundMessages outbound, Clock clock) {
        this.entities = entities;
        this.outbound = outbound;
        this.clock = clock;
    }

    /** What a new subscription says; lists already checked and without duplicates. */
    public record NewSubscription(String team, URI url, List<String> products, List<String> types,
            String createdBy) {}

    /** Adds the subscription with a fresh secret, or empty when the team has {@link #MAX_PER_TEAM} already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<WebhookSubscription> add(NewSubscription subscription) {
        // one team's additions one at a time, so that two concurrent ones cannot both pass the bound
        entities.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) locked")
                .setParameter("key", "webhook_subscriptions:" + subscription.team()).getSingleResult();
        if (countOfTeam(subscription.team()) >= MAX_PER_TEAM) {
            return Optional.empty();
        }
        WebhookSubscription added = new WebhookSubscription(UUID.randomUUID(), subscription.team(),
                subscription.url(), subscription.products(), subscription.types(), WebhookSignature.newSecret(),
                subscription.createdBy(), clock.instant());
        entities.createNativeQuery("""
                INSERT INTO webhook_subscriptions (id, team, url, products, types, secret, created_by, created_at)
                VALUES (:id, :team, :url, string_to_array(:products, chr(10)), string_to_array(:types, chr(10)),
                        :secret, :by, :at)""")
                .setParameter("id", added.id()).setParameter("team", added.team())
                .setParameter("url", added.url().toString())
                .setParameter("products", String.join("\n", added.products()))
                .setParameter("types", String.join("\n", added.types())).setParameter("secret", added.secret())
                .setParameter("by", added.createdBy()).setParameter("at", added.createdAt()).executeUpdate();
        any = true;
        anyCheckedAt = System.nanoTime();
        return Optional.of(added);
    }

    @Transactional
    public Optional<WebhookSubscription> find(UUID id) {
        return list("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE id = :id", "id", id).stream()
                .findFirst();
    }

    /** The subscriptions of these teams, oldest first. */
    @Transactional
    public List<WebhookSubscription> ofTeams(Collection<String> teams) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return list("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE team IN (:teams) "
                + "ORDER BY team, created_at, id", "teams", teams);
    }

    /** Every subscription, for administrators, by team. */
    @Transactional
    public List<WebhookSubscription> all() {
        return list("SELECT " + COLUMNS + " FROM webhook_subscriptions ORDER BY team, created_at, id", null, null);
    }

    @Transactional
    public long countOfTeam(String team) {
        return ((Number) entities.createNativeQuery("SELECT count(*) FROM webhook_subscriptions WHERE team = :team")
                .setParameter("team", team).getSingleResult()).longValue();
    }

    /** The subscriptions whose filters take an event of this product and type. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<WebhookSubscription> matching(String product, String type) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("SELECT " + COLUMNS + """
                 FROM webhook_subscriptions
                WHERE (cardinality(products) = 0 OR :product = ANY (products))
                  AND (cardinality(types) = 0 OR :type = ANY (types))
                ORDER BY created_at, id""")
                .setParameter("product", product).setParameter("type", type).getResultList();
        return rows.stream().map(WebhookSubscriptions::subscription).toList();
    }

    /** Removes the subscription and drops its deliveries not yet sent; tells whether there was one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(UUID id) {
        int deleted = entities.createNativeQuery("DELETE FROM webhook_subscriptions WHERE id = :id")
                .setParameter("id", id).executeUpdate();
        if (deleted > 0) {
            outbound.cancelPending(WebhookSubscription.channel(id), "the webhook was deleted");
            anyCheckedAt = Long.MIN_VALUE;
        }
        return deleted > 0;
    }

    /** Whether any team has a webhook, remembered for {@link #ANY_CACHE}. */
    public boolean any() {
        long now = System.nanoTime();
        if (anyCheckedAt == Long.MIN_VALUE || now - anyCheckedAt > ANY_CACHE.toNanos()) {
            any = QuarkusTransaction.joiningExisting().call(() -> (Boolean) entities.createNativeQuery(
                    "SELECT EXISTS (SELECT 1 FROM webhook_subscriptions)").getSingleResult());
            anyCheckedAt = now;
        }
        return any;
    }

    private List<WebhookSubscription> list(String sql, String name, Object value) {
        var query = entities.createNativeQuery(sql);
        if (name != null) {
            query.setParameter(name, value);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(WebhookSubscriptions::subscription).toList();
    }

    private static WebhookSubscription subscription(Object[] row) {
        return new WebhookSubscription((UUID) row[0], (String) row[1], URI.create((String) row[2]),
                split((String) row[3]), split((String) row[4]), (String) row[5], (String) row[6],
                SqlTimes.instant(row[7]));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

}
