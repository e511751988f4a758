package dev.agora.catalog.quality;

import dev.agora.catalog.CatalogChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place a product's quality standing is kept (table {@code data_product_quality}). Recording a new
 * standing marks the product changed, so that the search index picks up its score (ADR 0005's change tracking).
 */
@ApplicationScoped
public class QualityStandings {

    private final EntityManager entities;
    private final Event<CatalogChanged> changed;

    QualityStandings(EntityManager entities, Event<CatalogChanged> changed) {
        this.entities = entities;
        this.changed = changed;
    }

    @Transactional
    public void record(QualityStanding standing) {
        entities.createNativeQuery("""
                INSERT INTO data_product_quality (product_id, score, failing_rules, last_run_at)
                VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (product_id) DO UPDATE
                   SET score = excluded.score, failing_rules = excluded.failing_rules,
                       last_run_at = excluded.last_run_at""")
                .setParameter(1, standing.productId())
                .setParameter(2, standing.score())
                .setParameter(3, standing.failingRules())
                .setParameter(4, standing.lastRunAt() == null ? null : Timestamp.from(standing.lastRunAt()))
                .executeUpdate();
        List<?> slug = entities.createNativeQuery(
                "UPDATE data_products SET change_xid = pg_current_xact_id() WHERE id = ?1 RETURNING slug")
                .setParameter(1, standing.productId()).getResultList();
        if (!slug.isEmpty()) {
            changed.fire(new CatalogChanged((String) slug.get(0)));
        }
    }

    @Transactional
    public QualityStanding of(long productId) {
        return of(List.of(productId)).getOrDefault(productId, QualityStanding.none(productId));
    }

    /** The standings of these products; products never checked are left out. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<Long, QualityStanding> of(Collection<Long> productIds) {
        Map<Long, QualityStanding> standings = new HashMap<>();
        if (productIds.isEmpty()) {
            return standings;
        }
        List<Object[]> rows = entities.createNativeQuery("""
                SELECT product_id, score, failing_rules, last_run_at FROM data_product_quality
                 WHERE product_id = ANY (?1)""")
                .setParameter(1, productIds.toArray(Long[]::new)).getResultList();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            standings.put(id, new QualityStanding(id, row[1] == null ? null : ((Number) row[1]).doubleValue(),
                    ((Number) row[2]).intValue(), toInstant(row[3])));
        }
        return standings;
    }

    private static Instant toInstant(Object value) {
        return Optional.ofNullable(value).map(v -> v instanceof Instant instant ? instant
                : v instanceof Timestamp timestamp ? timestamp.toInstant()
                : v instanceof java.time.OffsetDateTime offset ? offset.toInstant() : null).orElse(null);
    }
}
