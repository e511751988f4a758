package dev.agora.identity;

import dev.agora.audit.AuditLog;
import dev.agora.events.DomainEvent;
import dev.agora.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;

/** Records each identity change twice, in the caller's transaction: in the audit trail and in the outbox. */
@ApplicationScoped
class IdentityJournal {

    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    IdentityJournal(AuditLog audit, Outbox outbox, Clock clock) {
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param change the dotted name below "identity.", such as "user.created" */
    void changed(String actor, String change, String subjectType, String subjectId, Map<String, Object> details) {
        String type = "identity." + change;
        audit.record(actor, type, subjectType, subjectId, details);
        outbox.append(DomainEvent.of("agora." + type, subjectType, subjectId, actor, clock.instant(), details));
    }
}
