package dev.agora.catalog.quality;

import java.time.Instant;
import java.util.List;

/**
 * What checking one quality rule against a port's data found: whether it passed, what was observed (a count, a
 * rate, the newest timestamp …) and, when it failed or could not run, why in words a producer understands.
 * {@code samples} are a few offending rows (custom checks, accepted values): data of the port, shown only to those
 * who may change the product.
 */
public record RuleResult(String port, String rule, String kind, Outcome outcome, String observed, String detail,
        Instant checkedAt, List<String> samples) {

    public RuleResult {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /** A result without sample rows. */
    public RuleResult(String port, String rule, String kind, Outcome outcome, String observed, String detail,
            Instant checkedAt) {
        this(port, rule, kind, outcome, observed, detail, checkedAt, List.of());
    }

    /** PASSED and FAILED are the data's verdict; ERROR means the check could not be run (no verdict on the data). */
    public enum Outcome { PASSED, FAILED, ERROR }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
