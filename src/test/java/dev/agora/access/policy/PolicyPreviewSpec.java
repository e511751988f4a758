package dev.agora.access.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.access.ApproverRole;
import dev.agora.catalog.Classification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview line says, in words, what a request of a classification goes through under its policy. */
class PolicyPreviewSpec {

    @Test
    void a_restricted_request_needs_the_owners_and_a_steward_and_says_its_maximum() {
        assertThat(AccessPolicy.defaultFor(Classification.RESTRICTED).preview()).isEqualTo(
                "A RESTRICTED request needs an owner of the product's team and a steward of its domain (in either "
                        + "order); access lasts at most 30 days.");
    }

    @Test
    void an_owners_only_policy_says_that_a_request_for_the_owner_team_goes_to_a_steward() {
        assertThat(new AccessPolicy(Classification.INTERNAL, List.of(ApproverRole.OWNER), false, 1).preview())
                .isEqualTo("An INTERNAL request needs an owner of the product's team; a request for the owner team "
                        + "itself goes to a steward of the domain instead; access lasts at most 1 day.");
    }

    @Test
    void an_auto_approved_class_says_when_the_owners_still_decide() {
        assertThat(AccessPolicy.defaultFor(Classification.PUBLIC).preview())
                .startsWith("A PUBLIC request is approved at once by the policy; when a member of the owner team asks "
                        + "for themselves or their team, it needs an owner of the product's team")
                .endsWith("access lasts at most 365 days.");
    }

    @Test
    void the_preview_follows_the_policy_not_the_classification() {
        String before = AccessPolicy.defaultFor(Classification.CONFIDENTIAL).preview();
        String after = new AccessPolicy(Classification.CONFIDENTIAL, List.of(ApproverRole.OWNER), false, 45).preview();
        assertThat(before).contains("a steward of its domain (in either order)").contains("90 days");
        assertThat(after).doesNotContain("(in either order)").contains("45 days");
    }
}
