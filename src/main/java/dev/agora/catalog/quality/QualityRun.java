package dev.agora.catalog.quality;

import java.time.Instant;
import java.util.List;

/**
 * One run of a product's quality rules: who or what started it, when, its score (the share of rules with a verdict
 * that passed, 0–100; null when no rule had a verdict) and each rule's result.
 */
public record QualityRun(long id, long productId, Trigger trigger, String actor, Instant startedAt,
        Instant finishedAt, Double score, int passed, int failed, int errors, List<RuleResult> results) {

    /** Why the run happened. */
    public enum Trigger { ON_DEMAND, SCHEDULE }

    public QualityRun {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** The score of these results: passed among passed and failed, in percent; null without any verdict. */
    public static Double scoreOf(List<RuleResult> results) {
        long passed = results.stream().filter(r -> r.outcome() == RuleResult.Outcome.PASSED).count();
        long failed = results.stream().filter(r -> r.outcome() == RuleResult.Outcome.FAILED).count();
        if (passed + failed == 0) {
            return null;
        }
        return Math.round(passed * 10_000.0 / (passed + failed)) / 100.0;
    }

    /** The same run without sample rows: for those who may see the product but not its data. */
    public QualityRun withoutSamples() {
        return new QualityRun(id, productId, trigger, actor, startedAt, finishedAt, score, passed, failed, errors,
                results.stream().map(QualityRun::withoutSamples).toList());
    }

    static RuleResult withoutSamples(RuleResult result) {
        return new RuleResult(result.port(), result.rule(), result.kind(), result.outcome(), result.observed(),
                result.detail(), result.checkedAt());
    }
}
