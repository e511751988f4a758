package dev.agora.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Store-and-forward for domain events: {@link #append} joins the business transaction, so an event is stored
 * exactly when the change that caused it is committed. A relay publishes stored events outward afterwards.
 */
@ApplicationScoped
public class Outbox {

    /** Fired with each append; observed after a successful commit, it lets the relay start at once. */
    public record Appended(java.util.UUID eventId) {}

    private final jakarta.enterprise.event.Event<Appended> appended;

    Outbox(jakarta.enterprise.event.Event<Appended> appended) {
        this.appended = appended;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(DomainEvent event) {
        new OutboxEntry(event).persist();
        appended.fire(new Appended(event.id()));
    }

    public List<OutboxEntry> unpublished(int limit) {
        return OutboxEntry.<OutboxEntry>find("publishedAt is null order by position").page(0, limit).list();
    }

    public List<OutboxEntry> about(String aggregateType, String aggregateId) {
        return OutboxEntry.<OutboxEntry>find("aggregateType = ?1 and aggregateId = ?2 order by position",
                aggregateType, aggregateId).list();
    }
}
