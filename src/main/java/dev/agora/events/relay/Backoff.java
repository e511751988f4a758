package dev.agora.events.relay;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The pause before the next delivery attempt: exponential from {@code base}, capped at {@code cap}, with full jitter
 * (a random share of the ceiling) so that events failing together do not come back together.
 */
public record Backoff(Duration base, Duration cap, DoubleSupplier random) {

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("AGORA_EVENTS_BACKOFF must be positive and not above "
                    + "AGORA_EVENTS_BACKOFF_CAP (they are " + base + " and " + cap + ")");
        }
    }

    /** The pause after the given number of failed attempts (1 = after the first). */
    public Duration after(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << doublings);
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }
}
