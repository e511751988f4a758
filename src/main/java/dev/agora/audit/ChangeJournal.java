package dev.agora.audit;

import dev.agora.events.DomainEvent;
import dev.agora.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/**
 * Records a state change twice, in the caller's transaction: as a line of the audit trail and as a domain event
 * in the outbox (type {@code agora.<change>}). Every feature writes its changes through it.
 */
@ApplicationScoped
public class ChangeJournal {

    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    ChangeJournal(AuditLog audit, Outbox outbox, Clock clock) {
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param change what happened, as "feature.thing.past-tense-verb": "catalog.product.published"
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String change, String subjectType, String subjectId,
            Map<String, Object> details) {
        audit.record(actor, change, subjectType, subjectId, details);
        outbox.append(DomainEvent.of("agora." + change, subjectType, subjectId, actor, clock.instant(), details));
    }
}
