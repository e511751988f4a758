package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The throttle's rules, with time in hand: how many failures, for how long, for whom. */
class SignInThrottleSpec {


    static SignInSettings settings(int maxTracked) {
        return new SignInSettings() {
            public Duration window() { return Duration.ofMinutes(15); }
            public Duration lockout() { return Duration.ofMinutes(5); }
            public Duration delayStep() { return Duration.ofMillis(250); }
            public Duration maxDelay() { return Duration.ofSeconds(2); }
            public Limits account() { return limits(3, 10); }
            public Limits address() { return limits(20, 100); }
            public int maxTracked() { return maxTracked; }
            public Duration auditWindow() { return Duration.ofMinutes(1); }
        };
    }

    private static SignInSettings.Limits limits(int slowAfter, int lockAfter) {
        return new SignInSettings.Limits() {
            public int slowAfter() { return slowAfter; }
            public int lockAfter() { return lockAfter; }
        };
    }

    private final SettableClock clock = new SettableClock();
    private final SignInThrottle throttle = new SignInThrottle(settings(10_000), clock);

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }

    @Nested
    class Per_account {

        @Test
        void the_first_failures_are_answered_at_once() {
            fail("olivia", "10.0.0.1", 2);

            assertThat(throttle.before("olivia", "10.0.0.1")).isEqualTo(
                    new SignInThrottle.Verdict(java.util.Optional.empty(), Duration.ZERO));
        }

        @Test
        void past_a_few_failures_each_answer_comes_later() {
            fail("olivia", "10.0.0.1", 3);
            assertThat(throttle.before("olivia", "10.0.0.1").delay()).isEqualTo(Duration.ofMillis(250));
            fail("olivia", "10.0.0.1", 1);
            assertThat(throttle.before("olivia", "10.0.0.1").delay()).isEqualTo(Duration.ofMillis(500));
            fail("olivia", "10.0.0.1", 5);
            assertThat(throttle.before("olivia", "10.0.0.1").delay()).isEqualTo(Duration.ofMillis(1750));
        }

        @Test
        void after_the_limit_sign_in_is_refused_from_any_address_until_the_lockout_has_passed() {
            fail("olivia", "10.0.0.1", 10);

            assertThat(throttle.before("olivia", "10.9.9.9").retryAfter()).contains(Duration.ofMinutes(5));
            clock.pass(Duration.ofMinutes(4));
            assertThat(throttle.before("olivia", "10.9.9.9").retryAfter()).contains(Duration.ofMinutes(1));
            clock.pass(Duration.ofMinutes(1).plusSeconds(1));
            assertThat(throttle.before("olivia", "10.9.9.9").refused()).isFalse();
        }

        @Test
        void one_more_failure_after_a_lockout_locks_again_within_the_window() {
            fail("olivia", "10.0.0.1", 10);
            clock.pass(Duration.ofMinutes(6));
            fail("olivia", "10.0.0.1", 1);

            assertThat(throttle.before("olivia", "10.0.0.1").refused()).isTrue();
        }

        @Test
        void failures_are_forgotten_after_the_window() {
            fail("olivia", "10.0.0.1", 9);
            clock.pass(Duration.ofMinutes(16));
            fail("olivia", "10.0.0.1", 1);

            assertThat(throttle.before("olivia", "10.0.0.1").refused()).isFalse();
            assertThat(throttle.before("olivia", "10.0.0.1").delay()).isZero();
        }

        @Test
        void the_right_password_clears_the_accounts_failures() {
            fail("olivia", "10.0.0.1", 9);
            throttle.succeeded("olivia");

            assertThat(throttle.before("olivia", "10.0.0.2").delay()).isZero();
        }

        @Test
        void another_account_is_not_affected() {
            fail("olivia", "10.0.0.1", 10);

            assertThat(throttle.before("marco", "10.0.0.2").refused()).isFalse();
        }
    }

    @Nested
    class Per_address {

        @Test
        void many_accounts_tried_from_one_address_lock_that_address() {
            for (int i = 0; i < 100; i++) {
                throttle.failed("person-" + i, "10.0.0.7");
            }

            assertThat(throttle.before("someone-new", "10.0.0.7").refused()).isTrue();
            assertThat(throttle.before("someone-new", "10.0.0.8").refused()).isFalse();
        }

        @Test
        void names_that_are_not_usernames_still_count_for_the_address() {
            fail(null, "10.0.0.7", 25);

            assertThat(throttle.before("olivia", "10.0.0.7").delay()).isPositive();
        }

        @Test
        void the_delay_has_a_cap() {
            fail(null, "10.0.0.7", 60);

            assertThat(throttle.before("olivia", "10.0.0.7").delay()).isEqualTo(Duration.ofSeconds(2));
        }

        @Test
        void a_right_password_does_not_clear_the_address() {
            fail(null, "10.0.0.7", 100);
            throttle.succeeded("olivia");

            assertThat(throttle.before("olivia", "10.0.0.7").refused()).isTrue();
        }
    }

    @Nested
    class Memory {

        @Test
        void is_bounded_whatever_the_number_of_names_and_addresses_tried() {
            SignInThrottle small = new SignInThrottle(settings(50), clock);
            for (int i = 0; i < 1000; i++) {
                small.failed("person-" + i, "10.0." + (i / 250) + "." + (i % 250));
            }

            assertThat(small.trackedEntries()).isEqualTo(50);
        }
    }
}
