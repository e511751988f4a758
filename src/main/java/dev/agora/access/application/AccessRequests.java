package dev.agora.access.application;

import dev.agora.access.AccessEvent;
import dev.agora.access.AccessRequest;
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
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.Classification;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.ProductDetails;
import dev.agora.identity.AccountProfile;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The commands on access requests: consumers request (alone or in a basket), approvers decide, requesters
 * cancel and extend, owners revoke, the clock expires. Each loads the aggregate, lets it decide, stores it and
 * hands the events to {@link AccessReactions} in the same transaction. Reading is {@link AccessQueries}.
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

    private final AccessRequestStore store;
    private final PolicyStore policies;
    private final CatalogService catalog;
    private final AccessQueries queries;
    private final AccessReactions reactions;
    private final Clock clock;

    AccessRequests(AccessRequestStore store, PolicyStore policies, CatalogService catalog, AccessQueries queries,
            AccessReactions reactions, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.catalog = catalog;
        this.queries = queries;
        this.reactions = reactions;
        this.clock = clock;
    }

    // --- requesting -----------------------------------------------------------------------------------------

    @Transactional
    public AccessRequestView submit(NewRequest request, String actor) {
        AccessRequest submitted = submitOne(UUID.randomUUID(), request, actor, "");
        return queries.view(submitted);
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
        return new Submission(submissionId, submitted.stream().map(queries::view).toList());
    }

    private AccessRequest submitOne(UUID submissionId, NewRequest request, String actor, String fieldPrefix) {
        AccountProfile requester = queries.profile(actor);
        if (request.product() == null || request.product().isBlank()) {
            throw Refusal.invalid(fieldPrefix + "product", "must name a data product (id or slug)");
        }
        ProductDetails product = catalog.find(request.product(), actor)
                .orElseThrow(() -> Refusal.invalid(fieldPrefix + "product", "there is no data product '"
                        + request.product() + "'"));
        Classification routedBy = catalog.routingClassification(product.id());
        AccessPolicy policy = policies.policyFor(routedBy);
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
        ProductRef ref = new ProductRef(product.id(), product.slug(), product.name(), routedBy, product.domain(),
                product.ownerTeam());
        AccessRequest.Submitted submitted = AccessRequest.submit(UUID.randomUUID(), submissionId, ref, ports,
                principal, actor, facts.requesterTeams(), permission, request.justification(), days, policy,
                clock.instant());
        store.add(submitted.request());
        reactions.apply(submitted.request(), submitted.events());
        return submitted.request();
    }

    // --- deciding -------------------------------------------------------------------------------------------

    /** Approves the request (or its pending extension) for the step the approver holds. */
    @Transactional
    public AccessRequestView approve(UUID id, String actor, Integer shortenTo, String comment) {
        AccessRequest request = queries.load(id, actor);
        Decider decider = queries.decider(actor);
        List<AccessEvent> events = request.status() == RequestStatus.ACTIVE && request.pendingExtension().isPresent()
                ? request.approveExtension(decider, comment, clock.instant())
                : request.approve(decider, shortenTo, comment, clock.instant());
        return save(request, events);
    }

    @Transactional
    public AccessRequestView reject(UUID id, String actor, String reason) {
        AccessRequest request = queries.load(id, actor);
        Decider decider = queries.decider(actor);
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
        AccessRequest request = queries.load(id, actor);
        return save(request, request.cancel(actor, clock.instant()));
    }

    /** Takes access back before its time: owners of the product's team and administrators. */
    @Transactional
    public AccessRequestView revoke(UUID id, String actor, String reason) {
        AccessRequest request = queries.load(id, actor);
        AccessPermissions.mayRevoke(queries.profile(actor), request.product().ownerTeam()).orRefuse();
        return save(request, request.revoke(actor, reason, clock.instant()));
    }

    @Transactional
    public AccessRequestView extend(UUID id, String actor, int days, String reason) {
        AccessRequest request = queries.load(id, actor);
        AccessPolicy policy = policies.policyFor(catalog.routingClassification(request.product().id()));
        return save(request, request.requestExtension(actor, days, reason, policy, clock.instant()));
    }

    /** Applies failed grants again: owners of the product's team and administrators. */
    @Transactional
    public AccessRequestView retryGrants(UUID id, String actor) {
        AccessRequest request = queries.load(id, actor);
        AccessPermissions.mayRetryGrants(queries.profile(actor), request.product().ownerTeam()).orRefuse();
        return save(request, request.retryGrant(actor, clock.instant()));
    }

    // --- the clock ------------------------------------------------------------------------------------------

    /** Ends access whose time is up; safe on several instances at once (each request is locked by one). */
    @Transactional
    public int expireDue(Instant now, int limit) {
        int expired = 0;
        for (UUID id : store.dueForExpiry(now, limit)) {
            AccessRequest request = store.find(id).orElseThrow();
            List<AccessEvent> events = request.expire("system:expiry", now);
            store.update(request);
            reactions.apply(request, events);
            expired++;
        }
        return expired;
    }

    private AccessRequestView save(AccessRequest request, List<AccessEvent> events) {
        store.update(request);
        reactions.apply(request, events);
        return queries.view(request);
    }
}
