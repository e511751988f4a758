package dev.agora.access;

import static dev.agora.access.Requests.ADMIN;
import static dev.agora.access.Requests.MARCO;
import static dev.agora.access.Requests.NOW;
import static dev.agora.access.Requests.OLIVIA;
import static dev.agora.access.Requests.OSCAR;
import static dev.agora.access.Requests.STELLA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.access.policy.AccessPolicy;
import dev.agora.catalog.Classification;
import dev.agora.platform.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The states of an access request and the only ways between them. */
class AccessRequestLifecycleSpec {

    private static final Instant LATER = NOW.plus(Duration.ofDays(31));

    @Nested
    class Legal_transitions {

        @Test
        void a_request_is_pending_on_submission_with_its_history_started() {
            AccessRequest.Submitted submitted = Requests.submitted(Classification.INTERNAL);

            assertThat(submitted.request().status()).isEqualTo(RequestStatus.PENDING);
            assertThat(submitted.events()).extracting(AccessEvent::kind).containsExactly(AccessEvent.Kind.SUBMITTED);
            assertThat(submitted.request().history()).containsExactly(
                    new Transition(NOW, "marco", null, RequestStatus.PENDING, "Campaign attribution for Q3"));
        }

        @Test
        void pending_to_approved_when_the_owner_approves() {
            AccessRequest request = Requests.pending(Classification.INTERNAL);

            List<AccessEvent> events = request.approve(OLIVIA, null, "fine", NOW);

            assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
            assertThat(events).extracting(AccessEvent::kind)
                    .containsExactly(AccessEvent.Kind.STEP_APPROVED, AccessEvent.Kind.APPROVED);
            assertThat(request.history()).last().isEqualTo(
                    new Transition(NOW, "olivia", RequestStatus.PENDING, RequestStatus.APPROVED, "fine"));
        }

        @Test
        void approved_to_active_when_the_grant_is_applied_and_the_clock_starts() {
            AccessRequest request = Requests.approved();

            request.grantApplied("system:grants", NOW);

            assertThat(request.status()).isEqualTo(RequestStatus.ACTIVE);
            assertThat(request.expiresAt()).contains(NOW.plus(Duration.ofDays(30)));
        }

        @Test
        void approved_to_failed_and_failed_to_active_after_a_retry() {
            AccessRequest request = Requests.failed();
            assertThat(request.status()).isEqualTo(RequestStatus.FAILED);
            assertThat(request.state().lastGrantError()).isEqualTo("role missing");

            assertThat(request.retryGrant("olivia", NOW)).extracting(AccessEvent::kind)
                    .containsExactly(AccessEvent.Kind.GRANT_RETRIED);
            request.grantApplied("system:grants", NOW);

            assertThat(request.status()).isEqualTo(RequestStatus.ACTIVE);
            assertThat(request.state().lastGrantError()).isNull();
        }

        @Test
        void active_to_expired_once_its_time_is_up() {
            AccessRequest request = Requests.active();

            request.expire("system:expiry", LATER);

            assertThat(request.status()).isEqualTo(RequestStatus.EXPIRED);
        }

        @Test
        void active_to_revoked_with_a_reason() {
            AccessRequest request = Requests.active();

            request.revoke("olivia", "Project ended", NOW);

            assertThat(request.status()).isEqualTo(RequestStatus.REVOKED);
            assertThat(request.history()).last().extracting(Transition::comment).isEqualTo("Project ended");
        }

        @Test
        void pending_to_rejected_with_a_reason() {
            AccessRequest request = Requests.pending(Classification.INTERNAL);

            request.reject(OLIVIA, "Use the aggregated product instead", NOW);

            assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
        }

        @Test
        void pending_to_cancelled_by_the_requester() {
            AccessRequest request = Requests.pending(Classification.INTERNAL);

            request.cancel("marco", NOW);

            assertThat(request.status()).isEqualTo(RequestStatus.CANCELLED);
        }
    }

    /** Every (state, action) pair that is not a legal transition. */
    static Stream<Arguments> illegalTransitions() {
        Function<AccessRequest, Object> approve = r -> r.approve(OLIVIA, null, null, NOW);
        Function<AccessRequest, Object> reject = r -> r.reject(OLIVIA, "no", NOW);
        Function<AccessRequest, Object> cancel = r -> r.cancel("marco", NOW);
        Function<AccessRequest, Object> activate = r -> r.grantApplied("system:grants", NOW);
        Function<AccessRequest, Object> fail = r -> r.grantFailed("system:grants", "boom", NOW);
        Function<AccessRequest, Object> retry = r -> r.retryGrant("olivia", NOW);
        Function<AccessRequest, Object> expire = r -> r.expire("system:expiry", LATER);
        Function<AccessRequest, Object> revoke = r -> r.revoke("olivia", "stop", NOW);
        record Action(String name, Function<AccessRequest, Object> run) {}
        List<Action> actions = List.of(new Action("approve", approve), new Action("reject", reject),
                new Action("cancel", cancel), new Action("activate", activate), new Action("fail", fail),
                new Action("retry", retry), new Action("expire", expire), new Action("revoke", revoke));
        record Start(RequestStatus status, java.util.function.Supplier<AccessRequest> make, List<String> legal) {}
        List<Start> starts = List.of(
                new Start(RequestStatus.PENDING, () -> Requests.pending(Classification.INTERNAL),
                        List.of("approve", "reject", "cancel")),
                new Start(RequestStatus.APPROVED, Requests::approved, List.of("activate", "fail", "revoke")),
                new Start(RequestStatus.ACTIVE, Requests::active, List.of("expire", "revoke")),
                new Start(RequestStatus.FAILED, Requests::failed, List.of("activate", "fail", "retry", "revoke")),
                new Start(RequestStatus.REJECTED, () -> {
                    AccessRequest r = Requests.pending(Classification.INTERNAL);
                    r.reject(OLIVIA, "no", NOW);
                    return r;
                }, List.of()),
                new Start(RequestStatus.CANCELLED, () -> {
                    AccessRequest r = Requests.pending(Classification.INTERNAL);
                    r.cancel("marco", NOW);
                    return r;
                }, List.of()),
                new Start(RequestStatus.EXPIRED, () -> {
                    AccessRequest r = Requests.active();
                    r.expire("system:expiry", LATER);
                    return r;
                }, List.of()),
                new Start(RequestStatus.REVOKED, () -> {
                    AccessRequest r = Requests.active();
                    r.revoke("olivia", "stop", NOW);
                    return r;
                }, List.of()));
        return starts.stream().flatMap(start -> actions.stream()
                .filter(action -> !start.legal().contains(action.name()))
                .map(action -> Arguments.of(start.status(), action.name(), start.make(), action.run())));
    }

    @ParameterizedTest(name = "{1} is refused from {0}")
    @MethodSource("illegalTransitions")
    void an_illegal_transition_is_refused_and_changes_nothing(RequestStatus from, String action,
            java.util.function.Supplier<AccessRequest> make, Function<AccessRequest, Object> run) {
        AccessRequest request = make.get();
        int historyBefore = request.history().size();

        assertThatThrownBy(() -> run.apply(request)).isInstanceOf(Refusal.class)
                .satisfies(refusal -> assertThat(((Refusal) refusal).kind()).isEqualTo(Refusal.Kind.CONFLICT))
                .hasMessageContaining("is " + from);
        assertThat(request.status()).isEqualTo(from);
        assertThat(request.history()).hasSize(historyBefore);
    }

    @Nested
    class Deciding {

        @Test
        void nobody_approves_their_own_request_even_as_an_owner() {
            AccessRequest request = Requests.submitted(Classification.INTERNAL, "olivia").request();

            assertThatThrownBy(() -> request.approve(OLIVIA, null, null, NOW))
                    .isInstanceOf(Refusal.class).hasMessageContaining("Nobody approves their own request");
            assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
        }

        @Test
        void someone_the_request_is_not_routed_to_cannot_decide() {
            AccessRequest request = Requests.pending(Classification.INTERNAL);

            assertThatThrownBy(() -> request.approve(STELLA, null, null, NOW)).isInstanceOf(Refusal.class)
                    .satisfies(r -> assertThat(((Refusal) r).kind()).isEqualTo(Refusal.Kind.FORBIDDEN))
                    .hasMessageContaining("an owner of team sales-analytics");
            assertThatThrownBy(() -> request.approve(ADMIN, null, null, NOW)).isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> request.reject(MARCO, "no", NOW)).isInstanceOf(Refusal.class);
        }

        @Test
        void owner_approval_alone_leaves_a_confidential_request_pending() {
            AccessRequest request = Requests.pending(Classification.CONFIDENTIAL);

            request.approve(OLIVIA, null, null, NOW);

            assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
            assertThat(request.awaiting()).extracting(ApprovalStep::role).containsExactly(ApproverRole.STEWARD);
        }

        @Test
        void both_approvals_in_any_order_approve_a_confidential_request() {
            AccessRequest request = Requests.pending(Classification.CONFIDENTIAL);

            request.approve(STELLA, null, null, NOW);
            request.approve(OLIVIA, null, null, NOW);

            assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
        }

        @Test
        void a_second_owner_cannot_approve_a_step_already_approved() {
            AccessRequest request = Requests.pending(Classification.CONFIDENTIAL);
            request.approve(OLIVIA, null, null, NOW);

            assertThatThrownBy(() -> request.approve(OSCAR, null, null, NOW)).isInstanceOf(Refusal.class)
                    .hasMessageContaining("a steward of domain sales");
            assertThatThrownBy(() -> request.approve(OLIVIA, null, null, NOW)).isInstanceOf(Refusal.class)
                    .hasMessageContaining("decided on this request already");
        }

        @Test
        void any_rejection_ends_a_request_that_needs_two_approvals() {
            AccessRequest request = Requests.pending(Classification.RESTRICTED);
            request.approve(OLIVIA, null, null, NOW);

            request.reject(STELLA, "Not for this purpose", NOW);

            assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
        }

        @Test
        void a_rejection_needs_a_reason() {
            AccessRequest request = Requests.pending(Classification.INTERNAL);

            assertThatThrownBy(() -> request.reject(OLIVIA, " ", NOW)).isInstanceOf(Refusal.class)
                    .satisfies(r -> assertThat(((Refusal) r).fieldProblems()).extracting(Refusal.FieldProblem::field)
                            .containsExactly("reason"));
        }

        @Test
        void an_approver_may_shorten_the_duration_but_not_lengthen_it() {
            AccessRequest request = Requests.pending(Classification.INTERNAL);

            assertThatThrownBy(() -> request.approve(OLIVIA, 60, null, NOW)).isInstanceOf(Refusal.class);
            request.approve(OLIVIA, 7, null, NOW);
            request.grantApplied("system:grants", NOW);

            assertThat(request.expiresAt()).contains(NOW.plus(Duration.ofDays(7)));
        }

        @Test
        void only_the_requester_cancels() {
            AccessRequest request = Requests.pending(Classification.INTERNAL);

            assertThatThrownBy(() -> request.cancel("olivia", NOW)).isInstanceOf(Refusal.class)
                    .hasMessageContaining("Only marco");
        }

        @Test
        void public_data_is_approved_on_submission_when_the_policy_says_so() {
            AccessRequest.Submitted submitted = Requests.submitted(Classification.PUBLIC);

            assertThat(submitted.request().status()).isEqualTo(RequestStatus.APPROVED);
            assertThat(submitted.events()).extracting(AccessEvent::kind)
                    .containsExactly(AccessEvent.Kind.SUBMITTED, AccessEvent.Kind.APPROVED);
            assertThat(submitted.request().steps()).allSatisfy(step ->
                    assertThat(step.decidedBy()).isEqualTo(AccessRequest.POLICY_ACTOR));
        }
    }

    @Nested
    class Extensions {

        @Test
        void an_approved_extension_moves_the_end_while_the_access_stays_active() {
            AccessRequest request = Requests.active();
            AccessPolicy policy = AccessPolicy.defaultFor(Classification.INTERNAL);

            request.requestExtension("marco", 14, "Q4 too", policy, NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.ACTIVE);
            assertThat(request.awaits(OLIVIA)).isTrue();
            List<AccessEvent> events = request.approveExtension(OLIVIA, null, NOW);

            assertThat(events).extracting(AccessEvent::kind).containsExactly(AccessEvent.Kind.EXTENDED);
            assertThat(request.expiresAt()).contains(NOW.plus(Duration.ofDays(44)));
            assertThat(request.pendingExtension()).isEmpty();
        }

        @Test
        void an_extension_beyond_the_policy_maximum_is_refused() {
            AccessRequest request = Requests.active();

            assertThatThrownBy(() -> request.requestExtension("marco", 181, "longer", AccessPolicy.defaultFor(
                    Classification.INTERNAL), NOW)).isInstanceOf(Refusal.class).hasMessageContaining("180");
        }

        @Test
        void only_one_extension_waits_at_a_time_and_only_the_requester_asks() {
            AccessRequest request = Requests.active();
            AccessPolicy policy = AccessPolicy.defaultFor(Classification.INTERNAL);
            request.requestExtension("marco", 14, "Q4 too", policy, NOW);

            assertThatThrownBy(() -> request.requestExtension("marco", 7, "again", policy, NOW))
                    .isInstanceOf(Refusal.class).hasMessageContaining("already waiting");
            assertThatThrownBy(() -> Requests.active().requestExtension("olivia", 7, "mine", policy, NOW))
                    .isInstanceOf(Refusal.class).hasMessageContaining("Only marco");
        }

        @Test
        void a_refused_extension_leaves_the_end_as_it_was() {
            AccessRequest request = Requests.active();
            request.requestExtension("marco", 14, "Q4 too", AccessPolicy.defaultFor(Classification.INTERNAL), NOW);

            request.rejectExtension(OLIVIA, "Not needed", NOW);

            assertThat(request.expiresAt()).contains(NOW.plus(Duration.ofDays(30)));
            assertThat(request.state().extensions()).singleElement()
                    .extracting(Extension::outcome).isEqualTo(Extension.Outcome.REFUSED);
        }
    }
}
