package dev.agora.access.application;

import dev.agora.access.ApproverRole;
import dev.agora.access.persistence.PolicyStore;
import dev.agora.access.policy.AccessPolicy;
import dev.agora.audit.ChangeJournal;
import dev.agora.catalog.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Administrators set, per classification, who approves, what is auto-approved and the longest access. */
@ApplicationScoped
public class AccessPolicies {

    private final PolicyStore store;
    private final ChangeJournal journal;
    private final AccessQueries queries;
    private final Clock clock;

    AccessPolicies(PolicyStore store, ChangeJournal journal, AccessQueries queries, Clock clock) {
        this.store = store;
        this.journal = journal;
        this.queries = queries;
        this.clock = clock;
    }

    /** The policies of every classification, for administrators. */
    public List<AccessPolicy> all(String actor) {
        AccessPermissions.mayAdministerPolicies(queries.profile(actor)).orRefuse();
        return store.all();
    }

    /**
     * Replaces a policy; requests made before keep the routing and maximum they were made with (each request holds
     * its own steps and maximum from its submission on; only a change of the product itself reroutes it).
     */
    @Transactional
    public AccessPolicy replace(Classification classification, List<ApproverRole> approvers, boolean autoApprove,
            int maxDurationDays, String actor) {
        AccessPermissions.mayAdministerPolicies(queries.profile(actor)).orRefuse();
        AccessPolicy policy = new AccessPolicy(classification, approvers, autoApprove, maxDurationDays).validated();
        if (store.policyFor(classification).equals(policy)) {
            // saving the same policy again changes nothing, and so records nothing
            return policy;
        }
        AccessPolicy before = store.replace(policy, actor, clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("classification", classification.name());
        details.put("before", describe(before));
        details.put("after", describe(policy));
        details.put("preview", policy.preview());
        journal.record(actor, "access.policy.updated", "access-policy", classification.name(), details);
        return policy;
    }

    private static Map<String, Object> describe(AccessPolicy policy) {
        return Map.of("approvers", policy.approvers().stream().map(Enum::name).toList(),
                "autoApprove", policy.autoApprove(), "maxDurationDays", policy.maxDurationDays());
    }
}
