package dev.agora.access;

import static dev.agora.access.Requests.NOW;
import static dev.agora.access.Requests.OLIVIA;
import static dev.agora.access.Requests.OSCAR;
import static dev.agora.access.Requests.STELLA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.access.policy.AccessPolicy;
import dev.agora.catalog.Classification;
import dev.agora.platform.Refusal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The access model applies the independence rules: no approval by a party to the request, no self-service. */
class NoShortcutAroundApprovalSpec {

    private static AccessRequest.Submitted submit(Classification classification, Principal principal,
            String requester, Set<String> requesterTeams) {
        return AccessRequest.submit(UUID.randomUUID(), UUID.randomUUID(), Requests.product(classification),
                List.of(new RequestedPort(10, "orders", List.of())), principal, requester, requesterTeams,
                Permission.READ, "Reconciliation of refunds", 30, AccessPolicy.defaultFor(classification), NOW);
    }

    @Nested
    class Deciding {

        @Test
        void an_owner_who_belongs_to_the_requesting_team_cannot_approve() {
            Decider oliviaInBothTeams = new Decider("olivia", Set.of("sales-analytics"), Set.of(), false,
                    Set.of("sales-analytics", "marketing-insights"));
            AccessRequest request = Requests.pending(Classification.INTERNAL);

            assertThat(request.awaits(oliviaInBothTeams)).isFalse();
            assertThatThrownBy(() -> request.approve(oliviaInBothTeams, null, null, NOW)).isInstanceOf(Refusal.class)
                    .satisfies(r -> assertThat(((Refusal) r).kind()).isEqualTo(Refusal.Kind.FORBIDDEN))
                    .hasMessageContaining("a team they belong to");
            assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
        }

        @Test
        void an_owner_cannot_approve_access_someone_else_asked_for_them() {
            AccessRequest request = submit(Classification.INTERNAL, Principal.user("olivia"), "marco",
                    Set.of("marketing-insights")).request();

            assertThatThrownBy(() -> request.approve(OLIVIA, null, null, NOW)).isInstanceOf(Refusal.class)
                    .hasMessageContaining("for themselves");
            request.approve(OSCAR, null, null, NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
        }
    }

    @Nested
    class PublicDataAskedForByTheOwnerTeam {

        @Test
        void a_member_of_the_owner_team_asking_for_themselves_waits_for_another_owner() {
            AccessRequest request = submit(Classification.PUBLIC, Principal.user("oscar"), "oscar",
                    Set.of("sales-analytics")).request();

            assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
            assertThat(request.awaits(OSCAR)).isFalse();
            assertThat(request.awaits(OLIVIA)).isTrue();
        }

        @Test
        void a_request_for_the_owner_team_goes_to_the_stewards_of_the_domain() {
            AccessRequest request = submit(Classification.PUBLIC, Principal.team("sales-analytics"), "oscar",
                    Set.of("sales-analytics")).request();

            assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
            assertThat(request.steps()).extracting(ApprovalStep::describe).containsExactly("a steward of domain sales");
            assertThat(request.awaits(OLIVIA)).isFalse();
            request.approve(STELLA, null, null, NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
        }

        @Test
        void a_consumer_outside_the_owner_team_is_still_approved_at_once() {
            assertThat(submit(Classification.PUBLIC, Principal.team("marketing-insights"), "marco",
                    Set.of("marketing-insights")).request().status()).isEqualTo(RequestStatus.APPROVED);
        }
    }
}
