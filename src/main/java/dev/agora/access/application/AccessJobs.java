package dev.agora.access.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/** The access clock: ends expired access, reminds approvers, warns of access about to end. */
@ApplicationScoped
public class AccessJobs {

    private static final Logger LOG = Logger.getLogger(AccessJobs.class);

    private final AccessRequests requests;
    private final AccessReactions reactions;
    private final Clock clock;
    private final Duration reminderAfter;
    private final Duration expiryWarning;

    AccessJobs(AccessRequests requests, AccessReactions reactions, Clock clock, AccessSettings settings) {
        this.requests = requests;
        this.reactions = reactions;
        this.clock = clock;
        this.reminderAfter = settings.reminderAfter();
        this.expiryWarning = settings.expiryWarning();
    }

    @Scheduled(every = "${agora.access.expiry-check:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "30s")
    void expire() {
        int expired;
        do {
            expired = requests.expireDue(clock.instant(), 50);
            if (expired > 0) {
                LOG.infof("Ended %d expired accesses.", expired);
            }
        } while (expired == 50);
    }

    @Scheduled(every = "${agora.access.notify-check:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1m")
    void notifyPeople() {
        reactions.remind(clock.instant(), reminderAfter);
        reactions.warnOfExpiry(clock.instant(), expiryWarning);
    }
}
