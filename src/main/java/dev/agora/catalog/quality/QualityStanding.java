package dev.agora.catalog.quality;

import java.time.Instant;

/**
 * A product's quality as of its last run: the score (0–100, the share of its rules that passed; null before any
 * run or when it has no rules), how many rules fail, and when it was last checked. Cards and search read this.
 */
public record QualityStanding(long productId, Double score, int failingRules, Instant lastRunAt) {

    public static QualityStanding none(long productId) {
        return new QualityStanding(productId, null, 0, null);
    }

    /** Whether the product's card shows "quality issue". */
    public boolean hasIssue() {
        return failingRules > 0;
    }
}
