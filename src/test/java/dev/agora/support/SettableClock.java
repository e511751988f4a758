package dev.agora.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still at {@link #now} until a spec sets it: for rules that depend on time passing. */
public final class SettableClock extends Clock {

    public volatile Instant now;

    public SettableClock() {
        this(Instant.parse("2026-01-01T08:00:00Z"));
    }

    public SettableClock(Instant now) {
        this.now = now;
    }

    /** Moves the clock on. */
    public void pass(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
