package dev.agora.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A grant job survives an outage of the lake or of AWS: passing failures are retried with capped exponential
 * backoff and full jitter until a give-up horizon; a revocation is retried until it is done, however long it takes.
 * The outage is simulated by an engine answering RetryLater until it is back; time moves on a virtual clock.
 */
class GrantJobsRideOutAnOutageSpec {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final RetryPolicy DEFAULTS = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1),
            Duration.ofHours(1), new java.util.Random(42)::nextDouble);

    /** Runs the job against an engine that is down until {@code backAt}; tells when it ended and how. */
    private static GrantJob runThroughOutage(GrantJob.Action action, Instant backAt, RetryPolicy policy,
            Set<Duration> pauses) {
        GrantJob job = new GrantJob(UUID.randomUUID(), action, START);
        Instant now = START;
        for (int guard = 0; guard < 100_000; guard++) {
            if (!now.isBefore(backAt)) {
                job.done("applied", now);
                return job;
            }
            if (!job.retryLater("connection refused", policy, now)) {
                return job;
            }
            pauses.add(Duration.between(now, job.nextAttemptAt()));
            now = job.nextAttemptAt();
        }
        throw new AssertionError("the job never ended");
    }

    @Nested
    class A_grant_job {

        @Test
        void is_done_after_a_one_minute_outage() {
            GrantJob job = runThroughOutage(GrantJob.Action.GRANT, START.plus(Duration.ofMinutes(1)), DEFAULTS,
                    new HashSet<>());

            assertThat(job.status()).isEqualTo(GrantJob.Status.DONE);
        }

        @Test
        void is_done_after_a_half_hour_outage() {
            GrantJob job = runThroughOutage(GrantJob.Action.GRANT, START.plus(Duration.ofMinutes(30)), DEFAULTS,
                    new HashSet<>());

            assertThat(job.status()).isEqualTo(GrantJob.Status.DONE);
        }

        @Test
        void is_given_up_once_past_its_horizon_and_not_before() {
            GrantJob job = runThroughOutage(GrantJob.Action.GRANT, Instant.MAX, DEFAULTS, new HashSet<>());

            assertThat(job.status()).isEqualTo(GrantJob.Status.FAILED);
            assertThat(job.finishedAt()).isAfterOrEqualTo(START.plus(Duration.ofHours(1)))
                    .isBefore(START.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(1)));
            assertThat(job.lastError()).isEqualTo("connection refused");
        }
    }

    @Nested
    class A_revoke_job {

        @Test
        void is_never_given_up_even_after_a_day_of_outage() {
            GrantJob job = runThroughOutage(GrantJob.Action.REVOKE, START.plus(Duration.ofDays(1)), DEFAULTS,
                    new HashSet<>());

            assertThat(job.status()).isEqualTo(GrantJob.Status.DONE);
            assertThat(job.attempts()).isGreaterThan(1000);
        }
    }

    @Nested
    class The_pauses_between_attempts {

        @Test
        void never_exceed_the_cap_and_are_spread_by_jitter() {
            Set<Duration> pauses = new HashSet<>();
            runThroughOutage(GrantJob.Action.REVOKE, START.plus(Duration.ofHours(2)), DEFAULTS, pauses);

            assertThat(pauses).allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(Duration.ofMinutes(1))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(500)));
            // full jitter: many different pauses, not one fixed schedule shared by every job
            assertThat(pauses.size()).isGreaterThan(50);
        }

        @Test
        void grow_exponentially_until_the_cap() {
            RetryPolicy noJitter = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofHours(1),
                    () -> 1.0);

            assertThat(noJitter.delayBefore(2)).isEqualTo(Duration.ofSeconds(2));
            assertThat(noJitter.delayBefore(3)).isEqualTo(Duration.ofSeconds(4));
            assertThat(noJitter.delayBefore(5)).isEqualTo(Duration.ofSeconds(16));
            assertThat(noJitter.delayBefore(7)).isEqualTo(Duration.ofMinutes(1));
            assertThat(noJitter.delayBefore(1000)).isEqualTo(Duration.ofMinutes(1));
        }

        @Test
        void take_a_random_share_of_the_ceiling() {
            AtomicInteger calls = new AtomicInteger();
            RetryPolicy halfway = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofHours(1),
                    () -> {
                        calls.incrementAndGet();
                        return 0.5;
                    });

            assertThat(halfway.delayBefore(5)).isEqualTo(Duration.ofSeconds(8));
            assertThat(calls).hasValue(1);
        }
    }
}
