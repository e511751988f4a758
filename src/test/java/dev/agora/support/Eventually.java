package dev.agora.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something that happens shortly after a call returns (the search index catching up). */
public final class Eventually {

    private Eventually() {
    }

    /** Polls until the condition holds; fails after the deadline, saying what was awaited. */
    public static <T> T within(Duration deadline, String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline.toMillis() + " ms: " + what + " (last: " + last + ")");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
            last = probe.get();
        }
        return last;
    }
}
