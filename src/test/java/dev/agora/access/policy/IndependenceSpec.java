package dev.agora.access.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.access.Principal;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Nobody is judge in their own cause: the independence rules, one by one. */
class IndependenceSpec {

    @Nested
    class Approving {

        @Test
        void nobody_approves_a_request_they_made() {
            assertThat(Independence.mayApprove("olivia", Set.of("sales-analytics"), "olivia",
                    Principal.team("marketing-insights")).allowed()).isFalse();
        }

        @Test
        void nobody_approves_access_for_themselves_even_when_someone_else_asked_for_it() {
            Verdict verdict = Independence.mayApprove("olivia", Set.of("sales-analytics"), "marco",
                    Principal.user("olivia"));
            assertThat(verdict.allowed()).isFalse();
            assertThat(verdict.reason()).contains("for themselves");
        }

        @Test
        void nobody_approves_access_for_a_team_they_belong_to() {
            Verdict verdict = Independence.mayApprove("olivia", Set.of("sales-analytics", "marketing-insights"),
                    "marco", Principal.team("marketing-insights"));
            assertThat(verdict.allowed()).isFalse();
            assertThat(verdict.reason()).contains("a team they belong to").contains("marketing-insights");
        }

        @Test
        void an_owner_outside_the_requesting_team_approves() {
            assertThat(Independence.mayApprove("olivia", Set.of("sales-analytics"), "marco",
                    Principal.team("marketing-insights")).allowed()).isTrue();
        }
    }

    @Nested
    class ApprovingAutomatically {

        @Test
        void a_member_of_the_owner_team_asking_for_themselves_waits_for_another_owner() {
            assertThat(Independence.mayApproveAutomatically("oscar", Set.of("sales-analytics"),
                    Principal.user("oscar"), "sales-analytics").allowed()).isFalse();
        }

        @Test
        void a_member_of_the_owner_team_asking_for_the_owner_team_waits_for_another_owner() {
            assertThat(Independence.mayApproveAutomatically("oscar", Set.of("sales-analytics"),
                    Principal.team("sales-analytics"), "sales-analytics").allowed()).isFalse();
        }

        @Test
        void a_consumer_outside_the_owner_team_is_approved_by_the_policy() {
            assertThat(Independence.mayApproveAutomatically("marco", Set.of("marketing-insights"),
                    Principal.team("marketing-insights"), "sales-analytics").allowed()).isTrue();
        }
    }

    @Test
    void the_owners_are_party_to_a_request_for_the_owner_team_only() {
        assertThat(Independence.ownersArePartyTo(Principal.team("sales-analytics"), "sales-analytics")).isTrue();
        assertThat(Independence.ownersArePartyTo(Principal.team("marketing-insights"), "sales-analytics")).isFalse();
        assertThat(Independence.ownersArePartyTo(Principal.user("sales-analytics"), "sales-analytics")).isFalse();
    }
}
