package dev.agora.catalog.quality;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs the quality checks of published products when their contract's update frequency has elapsed since their
 * last run (daily without one). Every minute each instance claims a few due products (QualityRunStore#claimDue:
 * two instances never claim the same) and runs them one after the other, so that checks stay few at a time.
 */
@ApplicationScoped
public class QualitySchedule {

    private static final Logger LOG = Logger.getLogger(QualitySchedule.class);
    public static final String ACTOR = "system:quality-schedule";
    /** Longer than any run of one product should take; a claim of an instance that died expires after it. */
    private static final Duration CLAIM = Duration.ofMinutes(30);
    private static final Duration RETRY = Duration.ofHours(1);

    private final QualityRuns runs;
    private final QualityRunStore store;
    private final QualitySettings settings;
    private final Clock clock;

    QualitySchedule(QualityRuns runs, QualityRunStore store, QualitySettings settings, Clock clock) {
        this.runs = runs;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (settings.scheduleEnabled()) {
            runDue();
        }
    }

    /** Claims the products that are due and runs them; how many ran. */
    public int runDue() {
        Instant now = clock.instant();
        List<Long> claimed = store.claimDue(now, Math.max(1, settings.productsPerTick()), now.plus(CLAIM));
        int ran = 0;
        for (long productId : claimed) {
            try {
                runs.run(String.valueOf(productId), QualityRun.Trigger.SCHEDULE, ACTOR);
                ran++;
            } catch (RuntimeException failed) {
                LOG.warnf("Scheduled quality run of product %d failed: %s", productId, failed.getMessage());
                store.release(productId, clock.instant().plus(RETRY));
            }
        }
        return ran;
    }
}
