package dev.agora.bench;

import java.util.Arrays;

/** Latencies of one kind of call, in nanoseconds, and their percentiles (nearest rank). */
final class Latencies {

    private long[] nanos = new long[256];
    private int count;
    private long matches;

    synchronized void add(long elapsedNanos, long matched) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
        matches += matched;
    }

    synchronized int count() {
        return count;
    }

    /** Mean number of matching products per call. */
    synchronized double meanMatches() {
        return count == 0 ? 0 : (double) matches / count;
    }

    /** The value below which {@code percent} % of the calls fall, in milliseconds. */
    synchronized double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    synchronized double meanMillis() {
        if (count == 0) {
            return Double.NaN;
        }
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return sum / 1e6 / count;
    }

    synchronized double maxMillis() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, nanos[i]);
        }
        return count == 0 ? Double.NaN : max / 1e6;
    }
}
