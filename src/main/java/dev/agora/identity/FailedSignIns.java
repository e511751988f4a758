package dev.agora.identity;

import dev.agora.audit.AuditLog;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed sign-ins reach the audit trail as one row per account, client address and window ("identity.sign-in.failed"
 * with a count), not one row per attempt: a password guesser cannot grow the append-only trail without bound.
 * Open windows are written when they close, when too many are open, and when Agora stops.
 */
@ApplicationScoped
public class FailedSignIns {

    public static final String ACTION = "identity.sign-in.failed";

    private record Source(String account, String address, String via) {}

    private static final class Tally {
        final Instant first;
        Instant last;
        int count;

        Tally(Instant first) {
            this.first = first;
        }
    }

    private final AuditLog audit;
    private final SignInSettings settings;
    private final Clock clock;
    private final LinkedHashMap<Source, Tally> open = new LinkedHashMap<>();

    FailedSignIns(AuditLog audit, SignInSettings settings, Clock clock) {
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public void add(String account, String address, String via) {
        Instant now = clock.instant();
        List<Map.Entry<Source, Tally>> overflow = new ArrayList<>();
        synchronized (this) {
            open.computeIfAbsent(new Source(account, address, via), s -> new Tally(now)).count++;
            open.get(new Source(account, address, via)).last = now;
            Iterator<Map.Entry<Source, Tally>> eldest = open.entrySet().iterator();
            while (open.size() > settings.maxTracked() && eldest.hasNext()) {
                overflow.add(eldest.next());
                eldest.remove();
            }
        }
        overflow.forEach(this::write);
    }

    @Scheduled(every = "${agora.sign-in.audit-flush:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void writeClosedWindows() {
        write(false);
    }

    void onStop(@Observes ShutdownEvent stop) {
        write(true);
    }

    /** Writes the windows that are closed (or all of them): one audit row each. */
    void write(boolean all) {
        Instant now = clock.instant();
        List<Map.Entry<Source, Tally>> closed = new ArrayList<>();
        synchronized (this) {
            Iterator<Map.Entry<Source, Tally>> entries = open.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<Source, Tally> entry = entries.next();
                if (all || !now.isBefore(entry.getValue().first.plus(settings.auditWindow()))) {
                    closed.add(entry);
                    entries.remove();
                }
            }
        }
        closed.forEach(this::write);
    }

    private void write(Map.Entry<Source, Tally> window) {
        Source source = window.getKey();
        Tally tally = window.getValue();
        String account = source.account() == null ? "(not a username)" : source.account();
        audit.recordAlone(account, ACTION, "user", account, Map.of("count", tally.count, "address", source.address(),
                "via", source.via(), "from", tally.first.toString(), "to", tally.last.toString()));
    }
}
