package dev.agora.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.Classification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests go to the owners of the product's team, and by classification also to the domain's stewards. */
class RoutingSpec {

    private static List<String> routing(Classification classification) {
        return Requests.pending(classification).steps().stream().map(ApprovalStep::describe).toList();
    }

    @Test
    void public_data_needs_the_owner_but_the_default_policy_approves_it_at_once() {
        AccessRequest request = Requests.submitted(Classification.PUBLIC).request();
        assertThat(request.steps()).extracting(ApprovalStep::describe).containsExactly("an owner of team sales-analytics");
        assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void internal_data_goes_to_the_owners() {
        assertThat(routing(Classification.INTERNAL)).containsExactly("an owner of team sales-analytics");
    }

    @Test
    void confidential_data_goes_to_the_owners_and_a_steward_of_the_domain() {
        assertThat(routing(Classification.CONFIDENTIAL))
                .containsExactly("an owner of team sales-analytics", "a steward of domain sales");
    }

    @Test
    void restricted_data_goes_to_the_owners_and_a_steward_of_the_domain() {
        assertThat(routing(Classification.RESTRICTED))
                .containsExactly("an owner of team sales-analytics", "a steward of domain sales");
    }

    @Test
    void an_approver_sees_a_request_only_while_it_waits_for_them() {
        AccessRequest request = Requests.pending(Classification.CONFIDENTIAL);
        assertThat(request.awaits(Requests.OLIVIA)).isTrue();
        assertThat(request.awaits(Requests.STELLA)).isTrue();
        assertThat(request.awaits(Requests.MARCO)).isFalse();

        request.approve(Requests.OLIVIA, null, null, Requests.NOW);

        assertThat(request.awaits(Requests.OLIVIA)).isFalse();
        assertThat(request.awaits(Requests.STELLA)).isTrue();
    }
}
