package dev.agora.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The append-only log every feature writes to. A record joins the caller's transaction, so an audit line exists
 * exactly when the change it describes was committed.
 */
@ApplicationScoped
public class AuditLog {

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param actor who did it: a username, or "system:…" for Agora's own jobs
     * @param action what happened, as a dotted verb phrase: "identity.user.created"
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String actor, String action, String subjectType, String subjectId,
            Map<String, Object> details) {
        AuditEvent event = new AuditEvent(clock.instant(), actor, action, subjectType, subjectId, details);
        event.persist();
        return event;
    }

    /** Records in a transaction of its own: for events that are not part of a change, such as a failed sign-in. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditEvent recordAlone(String actor, String action, String subjectType, String subjectId,
            Map<String, Object> details) {
        return record(actor, action, subjectType, subjectId, details);
    }

    public List<AuditEvent> latest(int limit) {
        return AuditEvent.<AuditEvent>find("order by id desc").page(0, limit).list();
    }

    public List<AuditEvent> about(String subjectType, String subjectId) {
        return AuditEvent.<AuditEvent>find("subjectType = ?1 and subjectId = ?2 order by id", subjectType, subjectId)
                .list();
    }
}
