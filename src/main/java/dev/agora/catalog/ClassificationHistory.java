package dev.agora.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The classifications each product had and when. Requests are routed by the strictest one within the
 * classification memory, so lowering a classification for a moment opens no shortcut around approval.
 */
@ApplicationScoped
public class ClassificationHistory {

    private final EntityManager entities;
    private final ClassificationSettings settings;

    ClassificationHistory(EntityManager entities, ClassificationSettings settings) {
        this.entities = entities;
        this.settings = settings;
    }

    /** Records the product's classification from now on, ending the one it had (if it differs). */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(long productId, Classification classification, String actor, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> current = entities.createNativeQuery("""
                SELECT classification FROM product_classifications WHERE product_id = ?1 AND valid_until IS NULL
                   FOR UPDATE""").setParameter(1, productId).getResultList();
        if (current.contains(classification.name())) {
            return;
        }
        entities.createNativeQuery("""
                UPDATE product_classifications SET valid_until = ?2 WHERE product_id = ?1 AND valid_until IS NULL""")
                .setParameter(1, productId).setParameter(2, now).executeUpdate();
        entities.createNativeQuery("""
                INSERT INTO product_classifications (product_id, classification, valid_from, changed_by)
                VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, productId).setParameter(2, classification.name()).setParameter(3, now)
                .setParameter(4, actor).executeUpdate();
    }

    /** The strictest classification the product had within the memory before {@code now} (or has now). */
    public Classification strictest(long productId, Classification current, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> recent = entities.createNativeQuery("""
                SELECT DISTINCT classification FROM product_classifications
                 WHERE product_id = ?1 AND (valid_until IS NULL OR valid_until > ?2)""")
                .setParameter(1, productId).setParameter(2, now.minus(settings.memory())).getResultList();
        Classification strictest = current;
        for (String name : recent) {
            Classification earlier = Classification.valueOf(name);
            if (earlier.compareTo(strictest) > 0) {
                strictest = earlier;
            }
        }
        return strictest;
    }
}
