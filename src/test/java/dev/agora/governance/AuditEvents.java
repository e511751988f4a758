package dev.agora.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.audit.AuditEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Audit lines of a spec's own, at the times the spec chooses ("who approved what last March"), under an actor no
 * other spec uses. Inserted as the features' journal would (the trail takes inserts, never updates).
 */
public final class AuditEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditEvents() {
    }

    /** An actor name no other spec uses. */
    public static String uniqueActor(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Records the line and answers its id. */
    public static long record(Instant at, String actor, String action, String subjectType, String subjectId,
            Map<String, Object> details) {
        String json;
        try {
            json = JSON.writeValueAsString(details);
        } catch (JsonProcessingException impossible) {
            throw new IllegalArgumentException(impossible);
        }
        return QuarkusTransaction.requiringNew().call(() -> ((Number) AuditEvent.getEntityManager()
                .createNativeQuery("insert into audit_event (occurred_at, actor, action, subject_type, subject_id, "
                        + "details) values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb)) returning id")
                .setParameter(1, at.atOffset(java.time.ZoneOffset.UTC))
                .setParameter(2, actor)
                .setParameter(3, action)
                .setParameter(4, subjectType)
                .setParameter(5, subjectId)
                .setParameter(6, json)
                .getSingleResult()).longValue());
    }
}
