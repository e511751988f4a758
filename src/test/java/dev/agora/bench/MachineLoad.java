package dev.agora.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How busy the rest of the machine is: CPU time of all processes ({@code /proc/stat}) minus this JVM's
 * ({@code /proc/self/stat}), as a share of all cores. On a shared 2-core machine a build next door doubles
 * latencies, so the bench waits for a quiet machine before each measured phase and reports what others used
 * during it. (PostgreSQL counts as "others": it is small during the Lucene phases, and the whole work of the
 * PostgreSQL baselines.) Linux only; elsewhere it reports nothing and never waits.
 */
final class MachineLoad {

    /** CPU counters, in clock ticks. */
    record Sample(long total, long idle, long self) {}

    private MachineLoad() {
    }

    static Sample sample() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, utime 14 and stime 15 (1-based, of the whole line)
            long self = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return new Sample(total, idle, self);
        } catch (IOException | RuntimeException unavailable) {
            return null;
        }
    }

    /** Share of all cores (0–1) that other processes used between two samples; NaN when unknown. */
    static double othersShare(Sample before, Sample after) {
        if (before == null || after == null || after.total() <= before.total()) {
            return Double.NaN;
        }
        long elapsed = after.total() - before.total();
        long busy = elapsed - (after.idle() - before.idle());
        long others = busy - (after.self() - before.self());
        return Math.max(0, (double) others / elapsed);
    }

    /**
     * Waits until other processes use less than {@code threshold} of the machine over a few seconds, at most
     * {@code patience}. Tells whether the machine was quiet.
     */
    static boolean awaitQuiet(double threshold, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean announced = false;
        while (true) {
            Sample before = sample();
            Thread.sleep(3_000);
            double others = othersShare(before, sample());
            if (Double.isNaN(others) || others < threshold) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                System.out.printf(Locale.ROOT, "[bench] the machine is still busy (others use %.0f %%); measuring "
                        + "anyway%n", others * 100);
                return false;
            }
            if (!announced) {
                System.out.printf(Locale.ROOT, "[bench] other processes use %.0f %% of the CPUs; waiting for a "
                        + "quiet machine (at most %d s)%n", others * 100, patience.toSeconds());
                announced = true;
            }
            Thread.sleep(7_000);
        }
    }
}
