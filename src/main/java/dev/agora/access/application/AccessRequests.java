package dev.agora.access.application;

import dev.agora.access.AccessEvent;
import dev.agora.access.AccessRequest;
import dev.agora.access.ApprovalStep;
import dev.agora.access.ApproverRole;
import dev.agora.access.Decider;
import dev.agora.access.Permission;
import dev.agora.access.Principal;
import dev.agora.access.ProductRef;
import dev.agora.access.RequestStatus;
import dev.agora.access.RequestedPort;
import dev.agora.access.persistence.AccessRequestStore;
import dev.agora.access.persistence.PolicyStore;
import dev.agora.access.policy.AccessPolicy;
import dev.agora.access.policy.SubmissionFacts;
import dev.agora.access.policy.SubmissionRule;
import dev.agora.audit.ChangeJournal;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.ProductDetails;
import dev.agora.grants.GrantJobs;
import dev.agora.grants.GrantOrderSettled;
import dev.agora.grants.GrantTarget;
import dev.agora.grants.Grantee;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.identity.SystemActor;
import dev.agora.identity.TeamRole;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The use cases of access requests: consumers request (alone or in a basket), approvers decide, requesters
 * cancel and extend, owners revoke; grants are ordered when a request is approved and taken back when it ends.
 * Every transition is audited and published in the same transaction as the change.
 */
@ApplicationScoped
public class AccessRequests {

    /** A request as a consumer makes it; null ports mean all ports, a null principal the requester. */
    public record NewRequest(String product, List<PortChoice> ports, Principal principal, Permission permission,
            String justification, Integer durationDays) {}

    /** A port asked for, optionally narrowed to named columns. */
    public record PortChoice(String name, List<String> columns) {}

    /** One product of a basket. */
    public record BasketItem(String product, List<PortChoice> ports) {}

    /** Several products requested together: one request per product, shown as one submission. */
    public record Submission(UUID submissionId, List<AccessRequestView> requests) {}

    /** What a bulk decision did with each request. */
    public record BulkOutcome(UUID id, boolean done, String problem) {}

    private static final Set<RequestStatus> ALL = EnumSet.allOf(RequestStatus.class);

    private final AccessRequestStore store;
    private final PolicyStore policies;
    private final CatalogService catalog;
    private final Directory directory;
    private final GrantJobs grants;
    private final ChangeJournal journal;
    private final Notifications notifications;
    private final Clock clock;

    AccessRequests(AccessRequestStore store, PolicyStore policies, CatalogService catalog, Directory directory,
            GrantJobs grants, ChangeJournal journal, Notifications notifications, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.catalog = catalog;
        this.directory = directory;
        this.grants = grants;
        this.journal = journal;
        this.notifications = notifications;
        this.clock = clock;
    }

    // --- requesting -----------------------------------------------------------------------------------------

    @Transactional
    public AccessRequestView submit(NewRequest request, String actor) {
        AccessRequest submitted = submitOne(UUID.randomUUID(), request, actor, "");
        return view(submitted);
    }

    /** Submits a basket: every product must pass, or nothing is submitted and every problem is named. */
    @Transactional
    public Submission submitBasket(List<BasketItem> items, Principal principal, Permission permission,
            String justification, Integer durationDays, String actor) {
        if (items == null || items.isEmpty()) {
            throw Refusal.invalid("items", "must name at least one product");
        }
        UUID submissionId = UUID.randomUUID();
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        List<AccessRequest> submitted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BasketItem item = items.get(i);
            try {
                submitted.add(submitOne(submissionId, new NewRequest(item == null ? null : item.product(),
                        item == null ? null : item.ports(), principal, permission, justification, durationDays),
                        actor, "items[" + i + "]."));
            } catch (Refusal refusal) {
                if (refusal.kind() != Refusal.Kind.INVALID) {
                    throw refusal;
                }
                problems.addAll(refusal.fieldProblems());
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The basket cannot be submitted: " + problems.stream()
                    .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")) + ".", problems);
        }
        return new Submission(submissionId, submitted.stream().map(this::view).toList());
    }

    private AccessRequest submitOne(UUID submissionId, NewRequest request, String actor, String fieldPrefix) {
        AccountProfile requester = profile(actor);
        if (request.product() == null || request.product().isBlank()) {
            throw Refusal.invalid(fieldPrefix + "product", "must name a data product (id or slug)");
        }
        ProductDetails product = catalog.find(request.product(), actor)
                .orElseThrow(() -> Refusal.invalid(fieldPrefix + "product", "there is no data product '"
                        + request.product() + "'"));
        AccessPolicy policy = policies.policyFor(product.classification());
        Principal principal = request.principal() == null ? Principal.user(actor) : request.principal();
        Permission permission = request.permission() == null ? Permission.READ : request.permission();
        int days = request.durationDays() == null ? Math.min(30, policy.maxDurationDays()) : request.durationDays();
        Map<String, Set<String>> requested = new LinkedHashMap<>();
        if (request.ports() == null || request.ports().isEmpty()) {
            product.outputPorts().forEach(port -> requested.put(port.name(), Set.of()));
        } else {
            for (PortChoice choice : request.ports()) {
                if (choice == null || choice.name() == null) {
                    throw Refusal.invalid(fieldPrefix + "ports", "each port must be named");
                }
                requested.put(choice.name(), choice.columns() == null ? Set.of() : new LinkedHashSet<>(choice.columns()));
            }
        }
        SubmissionFacts facts = new SubmissionFacts(principal, actor,
                requester.memberships().stream().map(AccountProfile.Membership::team).collect(Collectors.toSet()),
                request.justification(), days, policy, product.status(),
                product.outputPorts().stream().map(ProductDetails.Port::name).collect(Collectors.toCollection(LinkedHashSet::new)),
                requested,
                product.outputPorts().stream().collect(Collectors.toMap(ProductDetails.Port::name,
                        port -> port.columns().stream().map(ColumnSchema::name).collect(Collectors.toSet()))));
        List<Refusal.FieldProblem> problems = SubmissionRule.all().stream()
                .map(rule -> rule.check(facts))
                .filter(verdict -> !verdict.allowed())
                .map(verdict -> new Refusal.FieldProblem(fieldPrefix + verdict.field(), verdict.reason()))
                .toList();
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The request cannot be submitted: " + problems.stream()
                    .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")) + ".", problems);
        }
        List<RequestedPort> ports = product.outputPorts().stream()
                .filter(port -> requested.containsKey(port.name()))
                .map(port -> new RequestedPort(port.id(), port.name(), List.copyOf(requested.get(port.name()))))
                .toList();
        ProductRef ref = new ProductRef(product.id(), product.slug(), product.name(), product.classification(),
                product.domain(), product.ownerTeam());
        AccessRequest.Submitted submitted = AccessRequest.submit(UUID.randomUUID(), submissionId, ref, ports,
                principal, actor, permission, request.justification(), days, policy, clock.instant());
        store.add(submitted.request());
        apply(submitted.request(), submitted.events());
        return submitted.request();
    }

    // --- deciding -------------------------------------------------------------------------------------------

    /** Approves the request (or its pending extension) for the step the approver holds. */
    @Transactional
    public AccessRequestView approve(UUID id, String actor, Integer shortenTo, String comment) {
        AccessRequest request = load(id, actor);
        Decider decider = decider(actor);
        List<AccessEvent> events = request.status() == RequestStatus.ACTIVE && request.pendingExtension().isPresent()
                ? request.approveExtension(decider, comment, clock.instant())
                : request.approve(decider, shortenTo, comment, clock.instant());
        return save(request, events);
    }

    @Transactional
    public AccessRequestView reject(UUID id, String actor, String reason) {
        AccessRequest request = load(id, actor);
        Decider decider = decider(actor);
        List<AccessEvent> events = request.status() == RequestStatus.ACTIVE && request.pendingExtension().isPresent()
                ? request.rejectExtension(decider, reason, clock.instant())
                : request.reject(decider, reason, clock.instant());
        return save(request, events);
    }

    /** Approves several requests; each is decided on its own, and what could not be done says why. */
    public List<BulkOutcome> approveAll(List<UUID> ids, String actor, String comment) {
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (UUID id : ids) {
            try {
                approve(id, actor, null, comment);
                outcomes.add(new BulkOutcome(id, true, null));
            } catch (Refusal refusal) {
                outcomes.add(new BulkOutcome(id, false, refusal.reason()));
            }
        }
        return outcomes;
    }

    @Transactional
    public AccessRequestView cancel(UUID id, String actor) {
        AccessRequest request = load(id, actor);
        return save(request, request.cancel(actor, clock.instant()));
    }

    /** Takes access back before its time: owners of the product's team and administrators. */
    @Transactional
    public AccessRequestView revoke(UUID id, String actor, String reason) {
        AccessRequest request = load(id, actor);
        AccountProfile profile = profile(actor);
        if (!profile.isAdmin() && !profile.hasRoleIn(request.product().ownerTeam(), TeamRole.OWNER)) {
            throw Refusal.forbidden("Only owners of team " + request.product().ownerTeam()
                    + " and administrators can revoke this access.");
        }
        return save(request, request.revoke(actor, reason, clock.instant()));
    }

    @Transactional
    public AccessRequestView extend(UUID id, String actor, int days, String reason) {
        AccessRequest request = load(id, actor);
        AccessPolicy policy = policies.policyFor(request.product().classification());
        return save(request, request.requestExtension(actor, days, reason, policy, clock.instant()));
    }

    /** Applies failed grants again: owners of the product's team and administrators. */
    @Transactional
    public AccessRequestView retryGrants(UUID id, String actor) {
        AccessRequest request = load(id, actor);
        AccountProfile profile = profile(actor);
        if (!profile.isAdmin() && !profile.hasRoleIn(request.product().ownerTeam(), TeamRole.OWNER)) {
            throw Refusal.forbidden("Only owners of team " + request.product().ownerTeam()
                    + " and administrators can retry its grants.");
        }
        return save(request, request.retryGrant(actor, clock.instant()));
    }

    // --- the grants' answer and the clock ---------------------------------------------------------------------

    /** The grants of an approved request are settled: in the same transaction, the request follows. */
    void onGrantsSettled(@Observes GrantOrderSettled settled) {
        store.find(settled.orderId())
                .filter(request -> request.status() == RequestStatus.APPROVED || request.status() == RequestStatus.FAILED)
                .ifPresent(request -> {
                    List<AccessEvent> events = settled.applied()
                            ? request.grantApplied("system:grants", clock.instant())
                            : request.grantFailed("system:grants", String.join("; ", settled.errors()), clock.instant());
                    store.update(request);
                    apply(request, events);
                });
    }

    /** Ends access whose time is up; safe on several instances at once (each request is locked by one). */
    @Transactional
    public int expireDue(Instant now, int limit) {
        int expired = 0;
        for (UUID id : store.dueForExpiry(now, limit)) {
            AccessRequest request = store.find(id).orElseThrow();
            List<AccessEvent> events = request.expire("system:expiry", now);
            store.update(request);
            apply(request, events);
            expired++;
        }
        return expired;
    }

    /** Reminds approvers of requests pending for longer than the given time; once a day per request. */
    @Transactional
    public int remind(Instant now, java.time.Duration pendingFor) {
        int reminded = 0;
        String day = now.toString().substring(0, 10);
        for (AccessRequest request : store.pendingSince(now.minus(pendingFor))) {
            if (notifications.tellOnce("reminder:" + request.id() + ":" + day, approversOf(request),
                    Notifications.Kind.REMINDER, request.id(), "Still waiting for your decision: " + who(request)
                            + " asked for access to " + request.product().name() + " on "
                            + request.state().createdAt().toString().substring(0, 10))) {
                reminded++;
            }
        }
        return reminded;
    }

    /** Warns requesters of access that ends within the given time; once per end date. */
    @Transactional
    public int warnOfExpiry(Instant now, java.time.Duration within) {
        int warned = 0;
        for (AccessRequest request : store.activeEndingBefore(now.plus(within))) {
            Instant end = request.expiresAt().orElseThrow();
            if (end.isAfter(now) && notifications.tellOnce("expiring:" + request.id() + ":" + end,
                    List.of(request.requester()), Notifications.Kind.EXPIRING, request.id(),
                    "Your access to " + request.product().name() + " ends on " + end.toString().substring(0, 10)
                            + "; ask for an extension if you still need it")) {
                warned++;
            }
        }
        return warned;
    }

    // --- reading --------------------------------------------------------------------------------------------

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
        return store.bySubmission(submissionId).stream().filter(request -> mayRead(request, profile(viewer)))
                .map(this::view).toList();
    }

    public boolean awaitsDecisionBy(AccessRequestView request, String viewer) {
        return store.find(request.id()).map(r -> r.awaits(decider(viewer))).orElse(false);
    }

    public boolean mayRevoke(AccessRequestView request, String viewer) {
        AccountProfile profile = profile(viewer);
        return profile.isAdmin() || profile.hasRoleIn(request.product().ownerTeam(), TeamRole.OWNER);
    }

    /** The products most often requested: for the storefront. */
    public List<Object[]> mostRequested(int limit) {
        return store.mostRequested(limit);
    }

    public AccessPolicy policyFor(dev.agora.catalog.Classification classification) {
        return policies.policyFor(classification);
    }

    // --- internals ------------------------------------------------------------------------------------------

    private AccessRequest load(UUID id, String viewer) {
        AccessRequest request = store.find(id)
                .orElseThrow(() -> Refusal.notFound("There is no access request " + id + "."));
        if (!mayRead(request, profile(viewer))) {
            throw Refusal.notFound("There is no access request " + id + ".");
        }
        return request;
    }

    /** The requester, members of the team it is for, its approvers, and administrators. */
    private boolean mayRead(AccessRequest request, AccountProfile viewer) {
        return viewer.isAdmin() || viewer.username().equals(request.requester())
                || request.principal().type() == Principal.Type.TEAM && viewer.belongsTo(request.principal().name())
                || viewer.hasRoleIn(request.product().ownerTeam(), TeamRole.OWNER)
                || viewer.stewardOf().contains(request.product().domain());
    }

    private AccessRequestView save(AccessRequest request, List<AccessEvent> events) {
        store.update(request);
        apply(request, events);
        return view(request);
    }

    /** Records each event, orders or withdraws grants, and tells the people concerned. */
    private void apply(AccessRequest request, List<AccessEvent> events) {
        for (AccessEvent event : events) {
            Map<String, Object> details = new LinkedHashMap<>(event.details());
            details.put("product", request.product().slug());
            details.put("status", request.status().name());
            if (event.comment() != null) {
                details.put("comment", event.comment());
            }
            if (event.from() != event.to()) {
                details.put("from", event.from() == null ? "" : event.from().name());
                details.put("to", event.to() == null ? "" : event.to().name());
            }
            journal.record(event.actor(), "access.request." + event.kind().eventName(), "access-request",
                    request.id().toString(), details);
            react(request, event);
        }
    }

    private void react(AccessRequest request, AccessEvent event) {
        String product = request.product().name();
        switch (event.kind()) {
            case SUBMITTED -> notifications.tell(approversOf(request), event.actor(), Notifications.Kind.NEW_REQUEST,
                    request.id(), who(request) + " asks for access to " + product);
            case APPROVED -> {
                grants.grant(request.id(), targets(request), event.actor());
                notifications.tell(List.of(request.requester()), event.actor(), Notifications.Kind.DECISION,
                        request.id(), "Your request for " + product + " is approved; the access is being set up");
            }
            case REJECTED -> notifications.tell(List.of(request.requester()), event.actor(),
                    Notifications.Kind.DECISION, request.id(), "Your request for " + product + " is rejected: "
                            + event.comment());
            case ACTIVATED -> notifications.tell(List.of(request.requester()), event.actor(),
                    Notifications.Kind.ACCESS_ACTIVE, request.id(), "Your access to " + product + " is active until "
                            + request.expiresAt().map(e -> e.toString().substring(0, 10)).orElse("?"));
            case GRANT_FAILED -> {
                List<String> owners = directory.membersWithRole(request.product().ownerTeam(), TeamRole.OWNER);
                notifications.tell(owners, event.actor(), Notifications.Kind.GRANT_FAILED, request.id(),
                        "Access to " + product + " for " + request.principal() + " could not be granted: "
                                + event.comment());
                if (!owners.contains(request.requester())) {
                    // the engine's message (JDBC URLs, SQL, AWS errors) is for owners and administrators only
                    notifications.tell(List.of(request.requester()), event.actor(), Notifications.Kind.GRANT_FAILED,
                            request.id(), "Access to " + product + " for " + request.principal()
                                    + " could not be granted. " + AccessRequestView.GRANT_ERROR_FOR_REQUESTERS);
                }
            }
            case GRANT_RETRIED -> grants.retry(request.id(), event.actor());
            case EXPIRED, REVOKED -> {
                grants.revoke(request.id(), event.actor());
                notifications.tell(List.of(request.requester()), event.actor(), Notifications.Kind.ENDED,
                        request.id(), "Your access to " + product + (event.kind() == AccessEvent.Kind.EXPIRED
                                ? " has expired" : " was revoked: " + event.comment()));
            }
            case EXTENSION_REQUESTED -> notifications.tell(approversOf(request), event.actor(),
                    Notifications.Kind.EXTENSION, request.id(), who(request) + " asks to extend access to " + product
                            + " by " + event.details().get("durationDays") + " days");
            case EXTENDED, EXTENSION_REJECTED -> notifications.tell(List.of(request.requester()), event.actor(),
                    Notifications.Kind.DECISION, request.id(), "Your extension of " + product
                            + (event.kind() == AccessEvent.Kind.EXTENDED ? " is approved" : " is rejected: "
                            + event.comment()));
            default -> {
                // STEP_APPROVED, CANCELLED, EXTENSION_STEP_APPROVED: the audit trail says it all
            }
        }
    }

    /** One grant per requested port, for the request's principal. */
    private List<GrantTarget> targets(AccessRequest request) {
        ProductDetails product = catalog.find(Long.toString(request.product().id()), "system:access")
                .orElseThrow(() -> new IllegalStateException("product " + request.product().slug() + " is gone"));
        Grantee grantee = request.principal().type() == Principal.Type.TEAM
                ? Grantee.team(request.principal().name()) : Grantee.user(request.principal().name());
        List<GrantTarget> targets = new ArrayList<>();
        for (RequestedPort port : request.ports()) {
            product.outputPorts().stream().filter(p -> p.id() == port.portId()).findFirst().ifPresent(p ->
                    targets.add(new GrantTarget(p.type().wireName(), p.location(), port.columns(), grantee,
                            Set.of(request.state().permission().name()))));
        }
        return targets;
    }

    /** The people who may decide what the request waits for now. */
    private List<String> approversOf(AccessRequest request) {
        Set<String> approvers = new LinkedHashSet<>();
        for (ApprovalStep step : request.awaiting()) {
            approvers.addAll(step.role() == ApproverRole.OWNER
                    ? directory.membersWithRole(step.scope(), TeamRole.OWNER)
                    : directory.stewardsOf(step.scope()));
        }
        approvers.remove(request.requester());
        return List.copyOf(approvers);
    }

    private static String who(AccessRequest request) {
        return request.principal().type() == Principal.Type.TEAM
                ? request.requester() + " (for team " + request.principal().name() + ")" : request.requester();
    }

    private AccessRequestView view(AccessRequest request) {
        List<AccessRequestView.Step> steps = request.steps().stream()
                .map(step -> new AccessRequestView.Step(step.role().name(), step.scope(),
                        step.isPending() ? eligible(step, request) : List.of(), step.decision(), step.decidedBy(),
                        step.comment(), step.decidedAt()))
                .toList();
        return AccessRequestView.of(request, steps, grants.of(request.id()));
    }

    private List<String> eligible(ApprovalStep step, AccessRequest request) {
        List<String> people = step.role() == ApproverRole.OWNER
                ? directory.membersWithRole(step.scope(), TeamRole.OWNER) : directory.stewardsOf(step.scope());
        return people.stream().filter(person -> !person.equals(request.requester())).toList();
    }

    private Decider decider(String username) {
        AccountProfile profile = profile(username);
        return new Decider(username, profile.memberships().stream()
                .filter(m -> m.role() == TeamRole.OWNER).map(AccountProfile.Membership::team)
                .collect(Collectors.toSet()), Set.copyOf(profile.stewardOf()), profile.isAdmin());
    }

    private AccountProfile profile(String username) {
        if (SystemActor.is(username)) {
            return SystemActor.profile(username);
        }
        return directory.profile(username)
                .orElseThrow(() -> Refusal.forbidden("There is no account '" + username + "'."));
    }
}
