package dev.agora.access;

import static dev.agora.access.Requests.NOW;
import static dev.agora.access.Requests.OLIVIA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.access.policy.AccessPolicy;
import dev.agora.catalog.Classification;
import dev.agora.platform.Refusal;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** When a product is classified stricter or changes team, its open requests follow it. */
class RequestsFollowTheProductSpec {

    private static final Decider NORA = new Decider("nora", Set.of("finance-ops"), Set.of(), false);

    private static ProductRef now(Classification classification, String team) {
        return new ProductRef(1, "orders", "Orders", classification, "sales", team);
    }

    private static AccessPolicy policy(Classification classification) {
        return AccessPolicy.defaultFor(classification);
    }

    @Nested
    class RaisingTheClassification {

        @Test
        void a_pending_request_takes_the_steps_of_the_stricter_policy_and_keeps_the_owner_approval() {
            AccessRequest request = Requests.pending(Classification.CONFIDENTIAL);
            request.approve(OLIVIA, null, null, NOW);

            var events = request.follow(now(Classification.RESTRICTED, "sales-analytics"),
                    policy(Classification.RESTRICTED), "system:catalog", NOW);

            assertThat(events).extracting(AccessEvent::kind).doesNotContain(AccessEvent.Kind.APPROVED);
            assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
            assertThat(request.steps()).extracting(ApprovalStep::decidedBy).containsExactly("olivia", null);
            assertThat(request.awaiting()).extracting(ApprovalStep::describe)
                    .containsExactly("a steward of domain sales");
        }

        @Test
        void an_internal_request_approved_by_the_owner_only_is_not_active_before_a_steward_agrees() {
            AccessRequest request = Requests.pending(Classification.INTERNAL);

            var events = request.follow(now(Classification.CONFIDENTIAL, "sales-analytics"),
                    policy(Classification.CONFIDENTIAL), "system:catalog", NOW);

            assertThat(events).extracting(AccessEvent::kind).containsExactly(AccessEvent.Kind.REROUTED);
            assertThat(request.awaits(Requests.STELLA)).isTrue();
        }

        @Test
        void active_access_ends_no_later_than_the_new_maximum_allows() {
            AccessRequest request = Requests.active();
            assertThat(request.expiresAt()).contains(NOW.plus(Duration.ofDays(30)));
            var later = NOW.plus(Duration.ofDays(2));

            var events = request.follow(now(Classification.RESTRICTED, "sales-analytics"),
                    new AccessPolicy(Classification.RESTRICTED, policy(Classification.RESTRICTED).approvers(), false,
                            7), "system:catalog", later);

            assertThat(events).extracting(AccessEvent::kind).containsExactly(AccessEvent.Kind.SHORTENED);
            assertThat(request.expiresAt()).contains(later.plus(Duration.ofDays(7)));
        }

        @Test
        void access_that_ends_sooner_anyway_is_left_as_it_is() {
            AccessRequest request = Requests.active();

            assertThat(request.follow(now(Classification.RESTRICTED, "sales-analytics"),
                    policy(Classification.RESTRICTED), "system:catalog", NOW)).isEmpty();
            assertThat(request.expiresAt()).contains(NOW.plus(Duration.ofDays(30)));
        }
    }

    @Nested
    class ChangingTeam {

        @Test
        void the_old_owners_no_longer_decide_and_the_new_ones_do() {
            AccessRequest request = Requests.pending(Classification.INTERNAL);

            request.follow(now(Classification.INTERNAL, "finance-ops"), policy(Classification.INTERNAL),
                    "system:catalog", NOW);

            assertThat(request.awaits(OLIVIA)).isFalse();
            assertThatThrownBy(() -> request.approve(OLIVIA, null, null, NOW)).isInstanceOf(Refusal.class);
            assertThat(request.awaits(NORA)).isTrue();
            request.approve(NORA, null, null, NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
        }

        @Test
        void a_pending_extension_waits_for_the_new_owners() {
            AccessRequest request = Requests.active();
            request.requestExtension("marco", 10, "The campaign runs longer", policy(Classification.INTERNAL), NOW);

            request.follow(now(Classification.INTERNAL, "finance-ops"), policy(Classification.INTERNAL),
                    "system:catalog", NOW);

            assertThat(request.awaits(OLIVIA)).isFalse();
            assertThat(request.awaits(NORA)).isTrue();
        }

        @Test
        void an_approval_by_an_old_owner_does_not_count_for_the_new_team() {
            AccessRequest request = Requests.pending(Classification.CONFIDENTIAL);
            request.approve(OLIVIA, null, null, NOW);

            request.follow(now(Classification.CONFIDENTIAL, "finance-ops"), policy(Classification.CONFIDENTIAL),
                    "system:catalog", NOW);

            assertThat(request.awaiting()).extracting(ApprovalStep::describe)
                    .containsExactly("an owner of team finance-ops", "a steward of domain sales");
            assertThat(request.product().ownerTeam()).isEqualTo("finance-ops");
        }
    }
}
