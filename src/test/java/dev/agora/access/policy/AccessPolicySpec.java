package dev.agora.access.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.access.ApproverRole;
import dev.agora.catalog.Classification;
import dev.agora.platform.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a policy may say, and what it may not. */
class AccessPolicySpec {

    @Test
    void the_defaults_get_stricter_with_sensitivity() {
        assertThat(AccessPolicy.defaultFor(Classification.PUBLIC).autoApprove()).isTrue();
        assertThat(AccessPolicy.defaultFor(Classification.INTERNAL).approvers()).containsExactly(ApproverRole.OWNER);
        assertThat(AccessPolicy.defaultFor(Classification.CONFIDENTIAL).approvers())
                .containsExactly(ApproverRole.OWNER, ApproverRole.STEWARD);
        assertThat(AccessPolicy.defaultFor(Classification.RESTRICTED).maxDurationDays()).isEqualTo(30);
    }

    @Test
    void owners_always_decide() {
        assertThatThrownBy(() -> new AccessPolicy(Classification.INTERNAL, List.of(ApproverRole.STEWARD), false, 90)
                .validated()).isInstanceOf(Refusal.class).hasMessageContaining("INTERNAL")
                .satisfies(r -> assertThat(((Refusal) r).fieldProblems()).extracting(Refusal.FieldProblem::field)
                        .containsExactly("approvers"));
    }

    @Test
    void restricted_data_needs_a_steward() {
        assertThatThrownBy(() -> new AccessPolicy(Classification.RESTRICTED, List.of(ApproverRole.OWNER), false, 30)
                .validated()).isInstanceOf(Refusal.class);
    }

    @Test
    void only_public_data_is_approved_automatically() {
        assertThatThrownBy(() -> new AccessPolicy(Classification.INTERNAL, List.of(ApproverRole.OWNER), true, 30)
                .validated()).isInstanceOf(Refusal.class);
    }

    @Test
    void the_maximum_duration_is_bounded() {
        assertThatThrownBy(() -> new AccessPolicy(Classification.PUBLIC, List.of(ApproverRole.OWNER), true, 0)
                .validated()).isInstanceOf(Refusal.class);
        assertThat(new AccessPolicy(Classification.PUBLIC, List.of(ApproverRole.OWNER), true, 3650).validated())
                .isNotNull();
    }
}
