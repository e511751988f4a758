package dev.agora.access;

import dev.agora.access.policy.AccessPolicy;
import dev.agora.access.policy.Independence;
import dev.agora.access.policy.Verdict;
import dev.agora.platform.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An access request: who wants which ports of which product, why and for how long, and the approvals it needs.
 * Every method checks that its transition is legal from the current state, records it in the history and
 * returns the events it caused; an illegal one is refused with a reason. Plain Java: no framework in here.
 */
public final class AccessRequest {

    /** The system actor for what policy decides on its own (auto-approval). */
    public static final String POLICY_ACTOR = "system:policy";

    private final UUID id;
    private final UUID submissionId;
    private ProductRef product;
    private final List<RequestedPort> ports;
    private final Principal principal;
    private final String requester;
    private final Permission permission;
    private final String justification;
    private int maxDurationDays;
    private final Instant createdAt;
    private int durationDays;
    private RequestStatus status;
    private final List<ApprovalStep> steps;
    private final List<Transition> history;
    private final List<Extension> extensions;
    private Instant activatedAt;
    private Instant expiresAt;
    private Instant endedAt;
    private String lastGrantError;
    private final long version;

    /** Everything a request is made of, for storing and loading it. */
    public record State(UUID id, UUID submissionId, ProductRef product, List<RequestedPort> ports,
            Principal principal, String requester, Permission permission, String justification, int durationDays,
            int maxDurationDays, RequestStatus status, List<ApprovalStep> steps, List<Transition> history,
            List<Extension> extensions, Instant createdAt, Instant activatedAt, Instant expiresAt, Instant endedAt,
            String lastGrantError, long version) {}

    /** A new request and what its submission caused. */
    public record Submitted(AccessRequest request, List<AccessEvent> events) {}

    private AccessRequest(State state) {
        this.id = state.id();
        this.submissionId = state.submissionId();
        this.product = state.product();
        this.ports = List.copyOf(state.ports());
        this.principal = state.principal();
        this.requester = state.requester();
        this.permission = state.permission();
        this.justification = state.justification();
        this.durationDays = state.durationDays();
        this.maxDurationDays = state.maxDurationDays();
        this.status = state.status();
        this.steps = new ArrayList<>(state.steps());
        this.history = new ArrayList<>(state.history());
        this.extensions = new ArrayList<>(state.extensions());
        this.createdAt = state.createdAt();
        this.activatedAt = state.activatedAt();
        this.expiresAt = state.expiresAt();
        this.endedAt = state.endedAt();
        this.lastGrantError = state.lastGrantError();
        this.version = state.version();
    }

    public static AccessRequest restore(State state) {
        return new AccessRequest(state);
    }

    /**
     * Submits a request, routed by the policy of the product's classification: an owner of the owner team, and
     * a steward of the product's domain where the policy says so. PUBLIC data may be approved on submission,
     * unless a member of the owner team serves themselves ({@link Independence#mayApproveAutomatically}).
     *
     * @param requesterTeams the teams the requester belongs to
     */
    public static Submitted submit(UUID id, UUID submissionId, ProductRef product, List<RequestedPort> ports,
            Principal principal, String requester, Set<String> requesterTeams, Permission permission,
            String justification, int durationDays, AccessPolicy policy, Instant now) {
        List<ApprovalStep> steps = routing(policy, product, principal);
        AccessRequest request = new AccessRequest(new State(id, submissionId, product, ports, principal, requester,
                permission, justification.strip(), durationDays, policy.maxDurationDays(), RequestStatus.PENDING,
                steps, List.of(), List.of(), now, null, null, null, null, 0));
        List<AccessEvent> events = new ArrayList<>();
        events.add(request.moveTo(RequestStatus.PENDING, AccessEvent.Kind.SUBMITTED, requester, justification, now));
        if (policy.autoApprove()
                && Independence.mayApproveAutomatically(requester, requesterTeams, principal, product.ownerTeam())
                        .allowed()) {
            request.steps.replaceAll(step -> step.decided(ApprovalStep.Decision.APPROVED, POLICY_ACTOR,
                    "approved by the policy for " + product.classification() + " data", now));
            events.add(request.moveTo(RequestStatus.APPROVED, AccessEvent.Kind.APPROVED, POLICY_ACTOR,
                    "approved by the policy for " + product.classification() + " data", now));
        }
        return new Submitted(request, events);
    }

    /** The steps of the policy; when the owners are all party to the request, the domain's stewards decide. */
    static List<ApprovalStep> routing(AccessPolicy policy, ProductRef product, Principal principal) {
        boolean ownersAreParty = Independence.ownersArePartyTo(principal, product.ownerTeam());
        return policy.approvers().stream()
                .map(role -> ownersAreParty ? ApproverRole.STEWARD : role)
                .distinct()
                .map(role -> ApprovalStep.pending(role, role == ApproverRole.OWNER ? product.ownerTeam()
                        : product.domain()))
                .toList();
    }

    // --- deciding -------------------------------------------------------------------------------------------

    /**
     * Records an approval by someone who holds a pending step's role. The last approval approves the request.
     *
     * @param shortenTo a shorter duration in days, or null to keep the requested one
     */
    public List<AccessEvent> approve(Decider decider, Integer shortenTo, String comment, Instant now) {
        requireStatus("approve", RequestStatus.PENDING);
        int step = stepFor(decider, steps);
        if (shortenTo != null) {
            if (shortenTo < 1 || shortenTo > durationDays) {
                throw Refusal.invalid("durationDays", "can only shorten the requested " + durationDays
                        + " days, to at least 1");
            }
            durationDays = shortenTo;
        }
        steps.set(step, steps.get(step).decided(ApprovalStep.Decision.APPROVED, decider.username(), blank(comment), now));
        List<AccessEvent> events = new ArrayList<>();
        events.add(new AccessEvent(AccessEvent.Kind.STEP_APPROVED, id, decider.username(), status, status,
                blank(comment), Map.of("role", steps.get(step).role().name(), "scope", steps.get(step).scope())));
        if (steps.stream().noneMatch(ApprovalStep::isPending)) {
            events.add(moveTo(RequestStatus.APPROVED, AccessEvent.Kind.APPROVED, decider.username(), comment, now));
        }
        return events;
    }

    /** A rejection by any approver ends the request; the reason is required. */
    public List<AccessEvent> reject(Decider decider, String reason, Instant now) {
        requireStatus("reject", RequestStatus.PENDING);
        requireReason(reason);
        int step = stepFor(decider, steps);
        steps.set(step, steps.get(step).decided(ApprovalStep.Decision.REJECTED, decider.username(), reason.strip(), now));
        endedAt = now;
        return List.of(moveTo(RequestStatus.REJECTED, AccessEvent.Kind.REJECTED, decider.username(), reason, now));
    }

    /** The requester withdraws a request nobody has decided yet. */
    public List<AccessEvent> cancel(String actor, Instant now) {
        requireStatus("cancel", RequestStatus.PENDING);
        if (!requester.equals(actor)) {
            throw Refusal.forbidden("Only " + requester + ", who made the request, can cancel it.");
        }
        endedAt = now;
        return List.of(moveTo(RequestStatus.CANCELLED, AccessEvent.Kind.CANCELLED, actor, null, now));
    }

    // --- grants ---------------------------------------------------------------------------------------------

    /** The grants are in place: the access is active from now for the approved number of days. */
    public List<AccessEvent> grantApplied(String actor, Instant now) {
        requireStatus("activate", RequestStatus.APPROVED, RequestStatus.FAILED);
        activatedAt = now;
        expiresAt = now.plus(Duration.ofDays(durationDays));
        lastGrantError = null;
        return List.of(moveTo(RequestStatus.ACTIVE, AccessEvent.Kind.ACTIVATED, actor, null, now));
    }

    /** A grant could not be applied: the owners and the requester see why, and may retry. */
    public List<AccessEvent> grantFailed(String actor, String error, Instant now) {
        requireStatus("record a failed grant for", RequestStatus.APPROVED, RequestStatus.FAILED);
        lastGrantError = error;
        if (status == RequestStatus.FAILED) {
            return List.of(new AccessEvent(AccessEvent.Kind.GRANT_FAILED, id, actor, status, status, error, Map.of()));
        }
        return List.of(moveTo(RequestStatus.FAILED, AccessEvent.Kind.GRANT_FAILED, actor, error, now));
    }

    /** Asks for the failed grants to be applied again; the request becomes active when they are. */
    public List<AccessEvent> retryGrant(String actor, Instant now) {
        requireStatus("retry", RequestStatus.FAILED);
        return List.of(new AccessEvent(AccessEvent.Kind.GRANT_RETRIED, id, actor, status, status, null, Map.of()));
    }

    // --- ending ---------------------------------------------------------------------------------------------

    /** Ends active access whose time is up. */
    public List<AccessEvent> expire(String actor, Instant now) {
        requireStatus("expire", RequestStatus.ACTIVE);
        if (expiresAt == null || expiresAt.isAfter(now)) {
            throw Refusal.conflict("This access runs until " + expiresAt + "; it has not expired.");
        }
        endedAt = now;
        return List.of(moveTo(RequestStatus.EXPIRED, AccessEvent.Kind.EXPIRED, actor, null, now));
    }

    /** Takes access back before its time (owners and administrators; checked by the caller). */
    public List<AccessEvent> revoke(String actor, String reason, Instant now) {
        requireStatus("revoke", RequestStatus.ACTIVE, RequestStatus.APPROVED, RequestStatus.FAILED);
        requireReason(reason);
        endedAt = now;
        return List.of(moveTo(RequestStatus.REVOKED, AccessEvent.Kind.REVOKED, actor, reason, now));
    }

    /** The system withdraws a request nobody decided yet (its requester's account was closed, for instance). */
    public List<AccessEvent> withdraw(String actor, String reason, Instant now) {
        requireStatus("withdraw", RequestStatus.PENDING);
        requireReason(reason);
        endedAt = now;
        return List.of(moveTo(RequestStatus.CANCELLED, AccessEvent.Kind.CANCELLED, actor, reason, now));
    }

    // --- following the product ------------------------------------------------------------------------------

    /**
     * The product changed owner team, domain or the classification requests are routed by. A pending request
     * takes the steps of the new policy (approvals given stay where their step still exists); access ends no
     * later than the new maximum allows from now. An ended request only records where the product is now.
     *
     * @param routed the product as it is now, with the classification requests are routed by
     */
    public List<AccessEvent> follow(ProductRef routed, AccessPolicy policy, String actor, Instant now) {
        ProductRef before = product;
        product = routed;
        if (status.isFinal()) {
            return List.of();
        }
        maxDurationDays = policy.maxDurationDays();
        List<AccessEvent> events = new ArrayList<>();
        if (status == RequestStatus.PENDING) {
            List<ApprovalStep> next = rerouted(steps, policy, routed);
            boolean changed = !next.equals(steps);
            if (changed) {
                steps.clear();
                steps.addAll(next);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("classification", routed.classification().name());
                details.put("ownerTeam", routed.ownerTeam());
                details.put("previousClassification", before.classification().name());
                details.put("previousOwnerTeam", before.ownerTeam());
                details.put("awaiting", steps.stream().filter(ApprovalStep::isPending).map(ApprovalStep::describe)
                        .toList());
                events.add(new AccessEvent(AccessEvent.Kind.REROUTED, id, actor, status, status,
                        "the product changed: " + describe(before) + " → " + describe(routed), details));
            }
            if (steps.stream().noneMatch(ApprovalStep::isPending)) {
                events.add(moveTo(RequestStatus.APPROVED, AccessEvent.Kind.APPROVED, actor,
                        "every step of the new policy is approved", now));
            }
        }
        for (int i = 0; i < extensions.size(); i++) {
            Extension extension = extensions.get(i);
            if (extension.isPending()) {
                extensions.set(i, new Extension(extension.durationDays(), extension.reason(), extension.requestedBy(),
                        extension.requestedAt(), rerouted(extension.steps(), policy, routed), extension.outcome(),
                        null));
            }
        }
        if (durationDays > maxDurationDays) {
            durationDays = maxDurationDays;
        }
        Instant latest = now.plus(Duration.ofDays(maxDurationDays));
        if (expiresAt != null && expiresAt.isAfter(latest)) {
            Instant was = expiresAt;
            expiresAt = latest;
            events.add(new AccessEvent(AccessEvent.Kind.SHORTENED, id, actor, status, status,
                    routed.classification() + " data allows at most " + maxDurationDays + " days",
                    Map.of("expiresAt", expiresAt.toString(), "previousExpiresAt", was.toString())));
        }
        return events;
    }

    /** The steps of the policy for the product as it is now, keeping the approvals given for steps that remain. */
    private List<ApprovalStep> rerouted(List<ApprovalStep> before, AccessPolicy policy, ProductRef routed) {
        List<ApprovalStep> next = new ArrayList<>();
        for (ApprovalStep step : routing(policy, routed, principal)) {
            next.add(before.stream().filter(old -> !old.isPending()
                            && old.decision() == ApprovalStep.Decision.APPROVED && old.role() == step.role()
                            && old.scope().equals(step.scope()))
                    .findFirst().orElse(step));
        }
        return next;
    }

    private static String describe(ProductRef product) {
        return product.classification() + " of team " + product.ownerTeam();
    }

    // --- extensions -----------------------------------------------------------------------------------------

    /** The requester asks to keep the access longer; it stays active while the approvers decide. */
    public List<AccessEvent> requestExtension(String actor, int days, String reason, AccessPolicy policy, Instant now) {
        requireStatus("extend", RequestStatus.ACTIVE);
        if (!requester.equals(actor)) {
            throw Refusal.forbidden("Only " + requester + ", who made the request, can ask to extend it.");
        }
        if (pendingExtension().isPresent()) {
            throw Refusal.conflict("An extension of this access is already waiting for a decision.");
        }
        if (days < 1 || days > policy.maxDurationDays()) {
            throw Refusal.invalid("durationDays", "must be between 1 and " + policy.maxDurationDays() + " days for "
                    + product.classification() + " data");
        }
        requireReason(reason);
        extensions.add(new Extension(days, reason.strip(), actor, now, routing(policy, product, principal),
                Extension.Outcome.PENDING, null));
        return List.of(new AccessEvent(AccessEvent.Kind.EXTENSION_REQUESTED, id, actor, status, status, reason,
                Map.of("durationDays", days)));
    }

    public List<AccessEvent> approveExtension(Decider decider, String comment, Instant now) {
        int index = pendingExtensionIndex();
        Extension extension = extensions.get(index);
        List<ApprovalStep> extensionSteps = new ArrayList<>(extension.steps());
        int step = stepFor(decider, extensionSteps);
        extensionSteps.set(step, extensionSteps.get(step).decided(ApprovalStep.Decision.APPROVED, decider.username(),
                blank(comment), now));
        boolean complete = extensionSteps.stream().noneMatch(ApprovalStep::isPending);
        extensions.set(index, new Extension(extension.durationDays(), extension.reason(), extension.requestedBy(),
                extension.requestedAt(), extensionSteps, complete ? Extension.Outcome.GRANTED : Extension.Outcome.PENDING,
                complete ? now : null));
        if (!complete) {
            return List.of(new AccessEvent(AccessEvent.Kind.EXTENSION_STEP_APPROVED, id, decider.username(), status,
                    status, blank(comment), Map.of()));
        }
        expiresAt = expiresAt.plus(Duration.ofDays(extension.durationDays()));
        durationDays += extension.durationDays();
        return List.of(new AccessEvent(AccessEvent.Kind.EXTENDED, id, decider.username(), status, status,
                blank(comment), Map.of("durationDays", extension.durationDays(), "expiresAt", expiresAt.toString())));
    }

    public List<AccessEvent> rejectExtension(Decider decider, String reason, Instant now) {
        int index = pendingExtensionIndex();
        requireReason(reason);
        Extension extension = extensions.get(index);
        List<ApprovalStep> extensionSteps = new ArrayList<>(extension.steps());
        int step = stepFor(decider, extensionSteps);
        extensionSteps.set(step, extensionSteps.get(step).decided(ApprovalStep.Decision.REJECTED, decider.username(),
                reason.strip(), now));
        extensions.set(index, new Extension(extension.durationDays(), extension.reason(), extension.requestedBy(),
                extension.requestedAt(), extensionSteps, Extension.Outcome.REFUSED, now));
        return List.of(new AccessEvent(AccessEvent.Kind.EXTENSION_REJECTED, id, decider.username(), status, status,
                reason, Map.of()));
    }

    public Optional<Extension> pendingExtension() {
        return extensions.stream().filter(Extension::isPending).findFirst();
    }

    private int pendingExtensionIndex() {
        requireStatus("decide on an extension of", RequestStatus.ACTIVE);
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i).isPending()) {
                return i;
            }
        }
        throw Refusal.conflict("No extension of this access is waiting for a decision.");
    }

    // --- questions ------------------------------------------------------------------------------------------

    /** The steps waiting for a decision now: the request's, or those of a pending extension. */
    public List<ApprovalStep> awaiting() {
        if (status == RequestStatus.PENDING) {
            return steps.stream().filter(ApprovalStep::isPending).toList();
        }
        return pendingExtension().map(e -> e.steps().stream().filter(ApprovalStep::isPending).toList())
                .orElse(List.of());
    }

    /** Whether this person may decide something on this request now. */
    public boolean awaits(Decider decider) {
        return independent(decider).allowed()
                && awaiting().stream().anyMatch(step -> decider.holds(step.role(), step.scope()));
    }

    public State state() {
        return new State(id, submissionId, product, ports, principal, requester, permission, justification,
                durationDays, maxDurationDays, status, List.copyOf(steps), List.copyOf(history),
                List.copyOf(extensions), createdAt, activatedAt, expiresAt, endedAt, lastGrantError, version);
    }

    public UUID id() {
        return id;
    }

    public UUID submissionId() {
        return submissionId;
    }

    public ProductRef product() {
        return product;
    }

    public List<RequestedPort> ports() {
        return ports;
    }

    public Principal principal() {
        return principal;
    }

    public String requester() {
        return requester;
    }

    public RequestStatus status() {
        return status;
    }

    public int durationDays() {
        return durationDays;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public List<ApprovalStep> steps() {
        return Collections.unmodifiableList(steps);
    }

    public List<Transition> history() {
        return Collections.unmodifiableList(history);
    }

    public long version() {
        return version;
    }

    // --- internals ------------------------------------------------------------------------------------------

    private AccessEvent moveTo(RequestStatus to, AccessEvent.Kind kind, String actor, String comment, Instant now) {
        RequestStatus from = history.isEmpty() && to == RequestStatus.PENDING ? null : status;
        history.add(new Transition(now, actor, from, to, blank(comment)));
        status = to;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("product", product.slug());
        details.put("principal", principal.toString());
        details.put("requester", requester);
        details.put("from", from == null ? "" : from.name());
        details.put("to", to.name());
        return new AccessEvent(kind, id, actor, from, to, blank(comment), details);
    }

    private int stepFor(Decider decider, List<ApprovalStep> candidates) {
        Verdict independent = independent(decider);
        if (!independent.allowed()) {
            throw Refusal.forbidden(independent.reason());
        }
        for (int i = 0; i < candidates.size(); i++) {
            ApprovalStep step = candidates.get(i);
            if (step.isPending() && decider.holds(step.role(), step.scope())) {
                return i;
            }
        }
        boolean decidedAlready = candidates.stream()
                .anyMatch(step -> !step.isPending() && decider.username().equals(step.decidedBy()));
        throw decidedAlready
                ? Refusal.conflict("You have decided on this request already; it waits for "
                        + candidates.stream().filter(ApprovalStep::isPending).map(ApprovalStep::describe)
                        .reduce((a, b) -> a + " and " + b).orElse("nobody") + ".")
                : Refusal.forbidden("This request is not routed to you: it needs "
                        + candidates.stream().filter(ApprovalStep::isPending).map(ApprovalStep::describe)
                        .reduce((a, b) -> a + " and " + b).orElse("no one") + ".");
    }

    private Verdict independent(Decider decider) {
        return Independence.mayApprove(decider.username(), decider.memberOf(), requester, principal);
    }

    private void requireStatus(String action, RequestStatus... allowed) {
        for (RequestStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw Refusal.conflict("Cannot " + action + " a request that is " + status + ".");
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("reason", "must be given");
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessRequest request && request.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}
