package dev.agora.grants;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long a job waits before its next attempt after a passing failure: exponential from {@code base}, capped at
 * {@code cap}, with full jitter (a random share of it) so that many jobs failing together do not come back
 * together. A grant job is given up once {@code giveUpAfter} has passed since it was queued; revocations never are.
 */
public record RetryPolicy(Duration base, Duration cap, Duration giveUpAfter, DoubleSupplier random) {

    public RetryPolicy {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("AGORA_GRANT_BACKOFF must be positive and not above "
                    + "AGORA_GRANT_BACKOFF_CAP (they are " + base + " and " + cap + ")");
        }
    }

    static RetryPolicy of(GrantsConfig config) {
        return new RetryPolicy(config.backoff(), config.backoffCap(), config.giveUpAfter(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The pause before the given attempt (2 = the first retry). */
    Duration delayBefore(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 2, 30));
        long ceilingMillis = Math.min(cap.toMillis(), base.toMillis() << doublings);
        // a floor keeps a dead engine from being hammered when the random share comes out near zero
        long floorMillis = Math.min(base.toMillis(), ceilingMillis) / 4;
        long jittered = (long) (random.getAsDouble() * ceilingMillis);
        return Duration.ofMillis(Math.max(floorMillis, jittered));
    }

    boolean givenUp(Instant queuedAt, Instant now) {
        return !now.isBefore(queuedAt.plus(giveUpAfter));
    }
}
