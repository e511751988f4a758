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

    /**
     * What a requester reads instead of the engine's message: those carry JDBC URLs, SQL and AWS error texts that
     * are for the product's owners, the administrators and the log.
     */
    public static final String GRANT_ERROR_FOR_REQUESTERS = "Agora could not apply the grant. The product's owners "
            + "and the administrators see the details and can retry it.";

    /** The request with the grant engines' error texts replaced by {@link #GRANT_ERROR_FOR_REQUESTERS}. */
    public AccessRequestView withoutEngineDetails() {
        List<Transition> plainHistory = history.stream()
                .map(t -> t.to() == RequestStatus.FAILED && t.comment() != null
                        ? new Transition(t.at(), t.actor(), t.from(), t.to(), GRANT_ERROR_FOR_REQUESTERS) : t)
                .toList();
        List<GrantView> plainGrants = grants.stream()
                .map(g -> g.lastError() == null ? g : new GrantView(g.engine(), g.grantee(), g.resource(), g.columns(),
                        g.permissions(), g.status(), GRANT_ERROR_FOR_REQUESTERS, g.appliedAt()))
                .toList();
        return new AccessRequestView(id, submissionId, status, product, ports, principal, requester, permission,
                justification, durationDays, maxDurationDays, createdAt, activatedAt, expiresAt, steps, plainHistory,
                extensions, plainGrants, lastGrantError == null ? null : GRANT_ERROR_FOR_REQUESTERS, version);
    }

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
