package dev.agora.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How hard guessing passwords is made: failed sign-ins are counted per account and per client address over a
 * window; past a few the answer comes later and later, past a limit not at all until the lockout ends.
 */
@ConfigMapping(prefix = "agora.sign-in")
public interface SignInSettings {

    /** Failures are forgotten this long after the first of a series ({@code AGORA_SIGN_IN_WINDOW}). */
    @WithDefault("PT15M")
    Duration window();

    /** Once locked, sign-in is refused with 429 this long after the last failure ({@code AGORA_SIGN_IN_LOCKOUT}). */
    @WithDefault("PT5M")
    Duration lockout();

    /** Each failure past {@code slowAfter} delays the answer by this much more, up to {@link #maxDelay()}. */
    @WithDefault("PT0.25S")
    Duration delayStep();

    @WithDefault("PT2S")
    Duration maxDelay();

    Limits account();

    Limits address();

    /** At most this many accounts and addresses are tracked at once (oldest forgotten first): bounded memory. */
    @WithDefault("10000")
    int maxTracked();

    /** Failed sign-ins are written to the audit trail as one row per account, address and this window. */
    @WithDefault("PT1M")
    Duration auditWindow();

    interface Limits {

        /** Failures answered at once; the next ones are slowed down. */
        int slowAfter();

        /** Failures after which sign-in is refused (429) until the lockout has passed. */
        int lockAfter();
    }
}
