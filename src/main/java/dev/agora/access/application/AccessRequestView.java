package dev.agora.access.application;

import dev.agora.access.AccessRequest;
import dev.agora.access.ApprovalStep;
import dev.agora.access.Extension;
import dev.agora.access.Permission;
import dev.agora.access.RequestStatus;
import dev.agora.access.RequestedPort;
import dev.agora.access.Transition;
import dev.agora.catalog.Classification;
import dev.agora.grants.GrantView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An access request as its readers see it: the API's body and what the screens show. */
public record AccessRequestView(UUID id, UUID submissionId, RequestStatus status, Product product,
        List<RequestedPort> ports, Principal principal, String requester, Permission permission, String justification,
        int durationDays, int maxDurationDays, Instant createdAt, Instant activatedAt, Instant expiresAt,
        List<Step> steps, List<Transition> history, List<Extension> extensions, List<GrantView> grants,
        String lastGrantError, long version) {

    /** The product the request is about. */
    public record Product(long id, String slug, String name, Classification classification, String domain,
            String ownerTeam) {}

    /** Who the access is for. */
    public record Principal(String type, String name) {}

    /** An approval step with the people who may decide it now. */
    public record Step(String role, String scope, List<String> approvers, ApprovalStep.Decision decision,
            String decidedBy, String comment, Instant decidedAt) {}

    static AccessRequestView of(AccessRequest request, List<Step> steps, List<GrantView> grants) {
        AccessRequest.State state = request.state();
        return new AccessRequestView(state.id(), state.submissionId(), state.status(),
                new Product(state.product().id(), state.product().slug(), state.product().name(),
                        state.product().classification(), state.product().domain(), state.product().ownerTeam()),
                state.ports(), new Principal(state.principal().type().name(), state.principal().name()),
                state.requester(), state.permission(), state.justification(), state.durationDays(),
                state.maxDurationDays(), state.createdAt(), state.activatedAt(), state.expiresAt(), steps,
                state.history(), state.extensions(), grants, state.lastGrantError(), state.version());
    }

    public boolean isPending() {
        return status == RequestStatus.PENDING;
    }
}
