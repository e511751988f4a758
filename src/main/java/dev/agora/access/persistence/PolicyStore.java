package dev.agora.access.persistence;

import dev.agora.access.policy.AccessPolicy;
import dev.agora.catalog.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The access policies as stored; a missing one falls back to the default of its classification. */
@ApplicationScoped
public class PolicyStore {

    public AccessPolicy policyFor(Classification classification) {
        AccessPolicyRow row = AccessPolicyRow.findById(classification);
        return row == null ? AccessPolicy.defaultFor(classification) : row.toPolicy();
    }

    public List<AccessPolicy> all() {
        return Arrays.stream(Classification.values()).map(this::policyFor).toList();
    }

    /** Stores the policy; tells what it was before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AccessPolicy replace(AccessPolicy policy, String actor, Instant now) {
        AccessPolicyRow row = AccessPolicyRow.findById(policy.classification());
        AccessPolicy before = row == null ? AccessPolicy.defaultFor(policy.classification()) : row.toPolicy();
        if (row == null) {
            row = new AccessPolicyRow();
            row.classification = policy.classification();
            row.take(policy, actor, now);
            row.persist();
        } else {
            row.take(policy, actor, now);
        }
        return before;
    }
}
