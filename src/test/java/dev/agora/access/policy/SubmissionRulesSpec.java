package dev.agora.access.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.access.Principal;
import dev.agora.catalog.Classification;
import dev.agora.catalog.ProductStatus;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule a request must pass to be submitted, one by one. */
class SubmissionRulesSpec {

    private static SubmissionFacts facts(Principal principal, String justification, int days, ProductStatus status,
            Map<String, Set<String>> requested) {
        return new SubmissionFacts(principal, "marco", Set.of("marketing-insights"), justification, days,
                AccessPolicy.defaultFor(Classification.CONFIDENTIAL), status, Set.of("orders", "refunds"), requested,
                Map.of("orders", Set.of("order_id", "amount"), "refunds", Set.of("refund_id")));
    }

    private static SubmissionFacts good() {
        return facts(Principal.team("marketing-insights"), "Campaign attribution for Q3", 30, ProductStatus.PUBLISHED,
                Map.of("orders", Set.of("order_id")));
    }

    @Test
    void a_sound_request_passes_every_rule() {
        assertThat(SubmissionRule.all()).allSatisfy(rule -> assertThat(rule.check(good()).allowed()).isTrue());
    }

    @Test
    void the_requester_must_belong_to_the_team() {
        Verdict verdict = new SubmissionRule.RequesterBelongsToTeam().check(facts(Principal.team("sales-analytics"),
                "Campaign attribution", 30, ProductStatus.PUBLISHED, Map.of("orders", Set.of())));

        assertThat(verdict).isEqualTo(Verdict.refuse("principal", "you are not a member of team sales-analytics"));
    }

    @Test
    void a_person_requests_for_themself_only() {
        assertThat(new SubmissionRule.RequesterBelongsToTeam().check(facts(Principal.user("olivia"),
                "Campaign attribution", 30, ProductStatus.PUBLISHED, Map.of("orders", Set.of()))).allowed()).isFalse();
        assertThat(new SubmissionRule.RequesterBelongsToTeam().check(facts(Principal.user("marco"),
                "Campaign attribution", 30, ProductStatus.PUBLISHED, Map.of("orders", Set.of()))).allowed()).isTrue();
    }

    @Test
    void the_duration_must_be_within_the_classifications_maximum() {
        SubmissionRule rule = new SubmissionRule.DurationWithinPolicy();
        assertThat(rule.check(facts(Principal.user("marco"), "Campaign attribution", 91, ProductStatus.PUBLISHED,
                Map.of("orders", Set.of())))).isEqualTo(Verdict.refuse("durationDays",
                "must be between 1 and 90 days for CONFIDENTIAL data"));
        assertThat(rule.check(facts(Principal.user("marco"), "Campaign attribution", 0, ProductStatus.PUBLISHED,
                Map.of("orders", Set.of()))).allowed()).isFalse();
        assertThat(rule.check(facts(Principal.user("marco"), "Campaign attribution", 90, ProductStatus.PUBLISHED,
                Map.of("orders", Set.of()))).allowed()).isTrue();
    }

    @Test
    void a_justification_is_required() {
        assertThat(new SubmissionRule.JustificationIsGiven().check(facts(Principal.user("marco"), "  because ", 30,
                ProductStatus.PUBLISHED, Map.of("orders", Set.of()))).field()).isEqualTo("justification");
    }

    @Test
    void only_published_products_take_requests() {
        assertThat(new SubmissionRule.ProductIsOpenForRequests().check(facts(Principal.user("marco"),
                "Campaign attribution", 30, ProductStatus.DEPRECATED, Map.of("orders", Set.of()))).reason())
                .contains("deprecated");
    }

    @Test
    void ports_and_columns_must_exist() {
        assertThat(new SubmissionRule.PortsBelongToProduct().check(facts(Principal.user("marco"),
                "Campaign attribution", 30, ProductStatus.PUBLISHED, Map.of("payments", Set.of()))).reason())
                .contains("no output port 'payments'");
        assertThat(new SubmissionRule.ColumnsExistOnPort().check(facts(Principal.user("marco"),
                "Campaign attribution", 30, ProductStatus.PUBLISHED, Map.of("orders", Set.of("secret"))))
                .reason()).contains("no column 'secret'");
    }
}
