package dev.agora.access.application;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.access.RequestedPort;
import dev.agora.catalog.ProductConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Access answers the catalog's question who consumes a product: every principal with an approved request that has
 * not ended or expired (approved and waiting for its grant, active, or approved with a grant to retry).
 */
@ApplicationScoped
class ActiveConsumers implements ProductConsumers {

    private static final TypeReference<List<RequestedPort>> PORTS = new TypeReference<>() {};

    private final EntityManager entities;
    private final ObjectMapper json;
    private final Clock clock;

    ActiveConsumers(EntityManager entities, ObjectMapper json, Clock clock) {
        this.entities = entities;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Consumer> of(long productId) {
        List<Object[]> rows = entities.createNativeQuery("""
                        SELECT principal_type, principal_name, CAST(ports AS text), expires_at FROM access_requests
                         WHERE product_id = ?1 AND status IN ('APPROVED', 'ACTIVE', 'FAILED')
                           AND (expires_at IS NULL OR expires_at > ?2)
                         ORDER BY principal_type DESC, principal_name""")
                .setParameter(1, productId).setParameter(2, clock.instant()).getResultList();
        Map<String, Set<String>> ports = new LinkedHashMap<>();
        Map<String, Instant> until = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String key = row[0] + "\u0000" + row[1];
            Set<String> names = ports.computeIfAbsent(key, k -> new LinkedHashSet<>());
            portsOf((String) row[2]).forEach(port -> names.add(port.name()));
            Instant expires = instant(row[3]);
            // the latest end of the principal's requests; none when one of them has no end
            if (!until.containsKey(key)) {
                until.put(key, expires);
            } else {
                Instant was = until.get(key);
                until.put(key, was == null || expires == null ? null : was.isAfter(expires) ? was : expires);
            }
        }
        List<Consumer> consumers = new ArrayList<>();
        ports.forEach((key, names) -> {
            String[] principal = key.split("\u0000", 2);
            consumers.add(new Consumer(principal[0], principal[1], List.copyOf(names), until.get(key)));
        });
        consumers.sort(Comparator.comparing((Consumer c) -> !c.isTeam()).thenComparing(Consumer::name));
        return List.copyOf(consumers);
    }

    private List<RequestedPort> portsOf(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, PORTS);
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return null;
    }
}
