package dev.agora.access.application;

import dev.agora.access.AccessRequest;
import dev.agora.access.ApprovalStep;
import dev.agora.access.ApproverRole;
import dev.agora.access.Decider;
import dev.agora.access.ProductDemand;
import dev.agora.access.RequestStatus;
import dev.agora.access.persistence.AccessRequestStore;
import dev.agora.access.persistence.PolicyStore;
import dev.agora.access.policy.AccessPolicy;
import dev.agora.catalog.Classification;
import dev.agora.grants.GrantJobs;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.identity.SystemActor;
import dev.agora.identity.TeamRole;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What readers ask of access requests: one request, mine, my inbox, a submission, the storefront's figures. */
@ApplicationScoped
public class AccessQueries {

    private static final Set<RequestStatus> ALL = EnumSet.allOf(RequestStatus.class);

    private final AccessRequestStore store;
    private final PolicyStore policies;
    private final Directory directory;
    private final GrantJobs grants;

    AccessQueries(AccessRequestStore store, PolicyStore policies, Directory directory, GrantJobs grants) {
        this.store = store;
        this.policies = policies;
        this.directory = directory;
        this.grants = grants;
    }

    public AccessRequestView find(UUID id, String viewer) {
        return view(load(id, viewer));
    }

    /** The requests the viewer made, or made for their teams. */
    public List<AccessRequestView> mine(String viewer, Set<RequestStatus> statuses) {
        AccountProfile profile = profile(viewer);
        return store.mine(viewer, profile.memberships().stream().map(AccountProfile.Membership::team).toList(),
                statuses == null || statuses.isEmpty() ? ALL : statuses).stream().map(this::view).toList();
    }

    /** The requests waiting for the viewer's decision. */
    public List<AccessRequestView> inbox(String viewer, Set<RequestStatus> statuses) {
        Decider decider = decider(viewer);
        return store.awaiting(decider.ownerOf(), decider.stewardOf(), viewer).stream()
                .filter(request -> request.awaits(decider))
                .filter(request -> statuses == null || statuses.isEmpty() || statuses.contains(request.status()))
                .map(this::view).toList();
    }

    public List<AccessRequestView> submission(UUID submissionId, String viewer) {
        return store.bySubmission(submissionId).stream().filter(request -> AccessPermissions.mayRead(profile(viewer), request).allowed())
                .map(this::view).toList();
    }

    public boolean awaitsDecisionBy(AccessRequestView request, String viewer) {
        return store.find(request.id()).map(r -> r.awaits(decider(viewer))).orElse(false);
    }

    public boolean mayRevoke(AccessRequestView request, String viewer) {
        return AccessPermissions.mayRevoke(profile(viewer), request.product().ownerTeam()).allowed();
    }

    public boolean mayRetryGrants(AccessRequestView request, String viewer) {
        return AccessPermissions.mayRetryGrants(profile(viewer), request.product().ownerTeam()).allowed();
    }

    /** The products most often requested: for the storefront. */
    public List<ProductDemand> mostRequested(int limit) {
        return store.mostRequested(limit);
    }

    public AccessPolicy policyFor(Classification classification) {
        return policies.policyFor(classification);
    }

    // --- for the commands -----------------------------------------------------------------------------------

    /** The request, if the viewer may read it; a request they may not read does not exist for them. */
    AccessRequest load(UUID id, String viewer) {
        AccessRequest request = store.find(id)
                .orElseThrow(() -> Refusal.notFound("There is no access request " + id + "."));
        if (!AccessPermissions.mayRead(profile(viewer), request).allowed()) {
            throw Refusal.notFound("There is no access request " + id + ".");
        }
        return request;
    }

    AccessRequestView view(AccessRequest request) {
        List<AccessRequestView.Step> steps = request.steps().stream()
                .map(step -> new AccessRequestView.Step(step.role().name(), step.scope(),
                        step.isPending() ? eligible(step, request) : List.of(), step.decision(), step.decidedBy(),
                        step.comment(), step.decidedAt()))
                .toList();
        return AccessRequestView.of(request, steps, grants.of(request.id()));
    }

    Decider decider(String username) {
        AccountProfile profile = profile(username);
        return new Decider(username, profile.memberships().stream()
                .filter(m -> m.role() == TeamRole.OWNER).map(AccountProfile.Membership::team)
                .collect(Collectors.toSet()), Set.copyOf(profile.stewardOf()), profile.isAdmin(),
                profile.memberships().stream().map(AccountProfile.Membership::team).collect(Collectors.toSet()));
    }

    AccountProfile profile(String username) {
        if (SystemActor.is(username)) {
            return SystemActor.profile(username);
        }
        return directory.profile(username)
                .orElseThrow(() -> Refusal.forbidden("There is no account '" + username + "'."));
    }

    private List<String> eligible(ApprovalStep step, AccessRequest request) {
        List<String> people = step.role() == ApproverRole.OWNER
                ? directory.membersWithRole(step.scope(), TeamRole.OWNER) : directory.stewardsOf(step.scope());
        return people.stream().filter(person -> !person.equals(request.requester())).toList();
    }
}
