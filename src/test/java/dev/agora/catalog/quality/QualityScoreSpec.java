package dev.agora.catalog.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.quality.RuleResult.Outcome;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score is the share of rules with a verdict that passed; a rule that could not run is no verdict. */
class QualityScoreSpec {

    private static List<RuleResult> results(Outcome... outcomes) {
        return Arrays.stream(outcomes).map(outcome -> new RuleResult("main", "rule", "row-count", outcome, null, null,
                Instant.EPOCH)).toList();
    }

    @Test
    void is_the_percentage_of_passed_among_passed_and_failed() {
        assertThat(QualityRun.scoreOf(results(Outcome.PASSED, Outcome.PASSED, Outcome.FAILED))).isEqualTo(66.67);
        assertThat(QualityRun.scoreOf(results(Outcome.PASSED))).isEqualTo(100.0);
        assertThat(QualityRun.scoreOf(results(Outcome.FAILED))).isEqualTo(0.0);
    }

    @Test
    void leaves_rules_that_could_not_run_out() {
        assertThat(QualityRun.scoreOf(results(Outcome.PASSED, Outcome.ERROR, Outcome.ERROR))).isEqualTo(100.0);
    }

    @Test
    void is_none_without_any_verdict() {
        assertThat(QualityRun.scoreOf(results(Outcome.ERROR))).isNull();
        assertThat(QualityRun.scoreOf(List.of())).isNull();
    }

    @Test
    void samples_can_be_left_out_for_people_who_may_not_see_the_data() {
        RuleResult withSamples = new RuleResult("main", "r", "custom-sql", Outcome.FAILED, "1 offending rows", "d",
                Instant.EPOCH, List.of("{\"secret\":1}"));
        assertThat(QualityRun.withoutSamples(withSamples).samples()).isEmpty();
        assertThat(QualityRun.withoutSamples(withSamples).observed()).isEqualTo("1 offending rows");
    }
}
