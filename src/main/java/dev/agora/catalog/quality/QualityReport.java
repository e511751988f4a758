package dev.agora.catalog.quality;

import java.time.Instant;
import java.util.List;

/**
 * What the product page and {@code GET /api/v1/products/{id}/quality} show: the standing, the last result of each
 * rule, and the recent runs oldest first (for a trend). {@code mayRun}: whether the viewer may start a run.
 */
public record QualityReport(long productId, String product, Double score, int failingRules, Instant lastRunAt,
        List<RuleResult> lastResults, List<RunPoint> recentRuns, int rules, boolean mayRun) {

    /** One run on the trend: when, its score, how many rules failed and how many could not run. */
    public record RunPoint(long runId, Instant at, QualityRun.Trigger trigger, Double score, int failed, int errors) {}
}
