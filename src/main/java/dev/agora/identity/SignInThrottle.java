package dev.agora.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed sign-ins per account and per client address, in the memory of this instance: a password guesser
 * meets the limit of each instance it reaches (documented), and no shared table is written on every wrong
 * password. Memory is bounded by {@link SignInSettings#maxTracked()}: the entry used longest ago is dropped first.
 */
@ApplicationScoped
public class SignInThrottle {

    /** What the next attempt gets: refused for a while, or checked after a delay (zero for most). */
    public record Verdict(Optional<Duration> retryAfter, Duration delay) {

        public boolean refused() {
            return retryAfter.isPresent();
        }
    }

    private static final class Failures {
        Instant first;
        Instant last;
        int count;
    }

    private final SignInSettings settings;
    private final Clock clock;
    private final Map<String, Failures> tracked;

    SignInThrottle(SignInSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        int max = settings.maxTracked();
        this.tracked = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > max;
            }
        };
    }

    /** @param account a well-formed username, or null when the name given was not one */
    public synchronized Verdict before(String account, String address) {
        Instant now = clock.instant();
        Failures byAccount = account == null ? null : current(accountKey(account), now);
        Failures byAddress = current(addressKey(address), now);
        Optional<Duration> retryAfter = max(lockedFor(byAccount, settings.account(), now),
                lockedFor(byAddress, settings.address(), now));
        if (retryAfter.isPresent()) {
            return new Verdict(retryAfter, Duration.ZERO);
        }
        Duration delay = maxOf(delayFor(byAccount, settings.account()), delayFor(byAddress, settings.address()));
        return new Verdict(Optional.empty(), delay);
    }

    public synchronized void failed(String account, String address) {
        Instant now = clock.instant();
        if (account != null) {
            count(accountKey(account), now);
        }
        count(addressKey(address), now);
    }

    /** A right password clears the account's failures, not the address's (a guesser could sign in to reset). */
    public synchronized void succeeded(String account) {
        tracked.remove(accountKey(account));
    }

    synchronized int trackedEntries() {
        return tracked.size();
    }

    private void count(String key, Instant now) {
        Failures failures = current(key, now);
        if (failures == null) {
            failures = new Failures();
            failures.first = now;
            tracked.put(key, failures);
        }
        failures.count++;
        failures.last = now;
    }

    private Failures current(String key, Instant now) {
        Failures failures = tracked.get(key);
        if (failures != null && now.isAfter(failures.first.plus(settings.window()))
                && now.isAfter(failures.last.plus(settings.lockout()))) {
            tracked.remove(key);
            return null;
        }
        return failures;
    }

    private Optional<Duration> lockedFor(Failures failures, SignInSettings.Limits limits, Instant now) {
        if (failures == null || failures.count < limits.lockAfter()) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, failures.last.plus(settings.lockout()));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private Duration delayFor(Failures failures, SignInSettings.Limits limits) {
        if (failures == null || failures.count < limits.slowAfter()) {
            return Duration.ZERO;
        }
        Duration delay = settings.delayStep().multipliedBy(failures.count - limits.slowAfter() + 1L);
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private static Optional<Duration> max(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : Optional.of(maxOf(a.get(), b.get()));
    }

    private static Duration maxOf(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String accountKey(String account) {
        return "account:" + account;
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
