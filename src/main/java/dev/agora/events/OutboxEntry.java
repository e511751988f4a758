package dev.agora.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A domain event waiting in the outbox to be relayed (or already relayed, then {@code publishedAt} is set). */
@Entity
@Table(name = "outbox")
public class OutboxEntry extends PanacheEntityBase {

    @Id
    private UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    private Long position;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "aggregate_type", nullable = false)
    private String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    private String aggregateId;

    @Column(nullable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> payload;

    @Column(name = "published_at")
    private Instant publishedAt;

    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxEntry() {
        // for JPA
    }

    OutboxEntry(DomainEvent event) {
        this.id = event.id();
        this.eventType = event.type();
        this.aggregateType = event.aggregateType();
        this.aggregateId = event.aggregateId();
        this.actor = event.actor();
        this.occurredAt = event.occurredAt();
        this.payload = event.payload();
    }

    public DomainEvent toEvent() {
        return new DomainEvent(id, eventType, aggregateType, aggregateId, actor, occurredAt, payload);
    }

    public UUID id() {
        return id;
    }

    public Long position() {
        return position;
    }

    public String actor() {
        return actor;
    }

    public String eventType() {
        return eventType;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }
}
