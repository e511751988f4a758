package dev.agora.catalog.quality;

import java.time.Instant;

/**
 * What checking one quality rule against a port's data found: whether it passed, what was observed (a count, a
 * rate, the newest timestamp …) and, when it failed or could not run, why in words a producer understands.
 */
public record RuleResult(String port, String rule, String kind, Outcome outcome, String observed, String detail,
        Instant checkedAt) {

    /** PASSED and FAILED are the data's verdict; ERROR means the check could not be run (no verdict on the data). */
    public enum Outcome { PASSED, FAILED, ERROR }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
