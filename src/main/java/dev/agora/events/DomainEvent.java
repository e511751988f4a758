package dev.agora.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened in Agora that other domains may react to. It becomes a CloudEvent when relayed:
 * {@code id} is the CloudEvent id, {@code type} its type ("agora.identity.user.created"), the aggregate its
 * subject.
 */
public record DomainEvent(UUID id, String type, String aggregateType, String aggregateId, String actor,
        Instant occurredAt, Map<String, Object> payload) {

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        payload = Map.copyOf(payload);
    }

    public static DomainEvent of(String type, String aggregateType, String aggregateId, String actor,
            Instant occurredAt, Map<String, Object> payload) {
        return new DomainEvent(UUID.randomUUID(), type, aggregateType, aggregateId, actor, occurredAt, payload);
    }
}
