package dev.agora.access.application;

import dev.agora.access.AccessEvent;
import dev.agora.access.AccessRequest;
import dev.agora.access.ApprovalStep;
import dev.agora.access.ApproverRole;
import dev.agora.access.Principal;
import dev.agora.access.RequestStatus;
import dev.agora.access.RequestedPort;
import dev.agora.access.ProductRef;
import dev.agora.access.persistence.AccessRequestStore;
import dev.agora.access.persistence.PolicyStore;
import dev.agora.access.policy.AccessPolicy;
import dev.agora.audit.ChangeJournal;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.ProductRoutingChanged;
import dev.agora.grants.GrantJobs;
import dev.agora.grants.GrantOrderSettled;
import dev.agora.grants.GrantTarget;
import dev.agora.grants.Grantee;
import dev.agora.identity.AccountDeactivated;
import dev.agora.identity.Directory;
import dev.agora.identity.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What follows from what happens to requests: each event is audited and reacted to (grants ordered or withdrawn,
 * people told); the grants' answer moves the request on; the clock reminds approvers and warns requesters.
 */
@ApplicationScoped
public class AccessReactions {

    /** The actor of what follows a change of the product. */
    static final String CATALOG_ACTOR = "system:catalog";

    /** The actor of what follows the closing of an account. */
    static final String DEPROVISIONING_ACTOR = "system:deprovisioning";

    private static final String OPEN_THE_REQUEST = "Open the request";

    private static final Set<RequestStatus> OPEN = EnumSet.of(RequestStatus.PENDING, RequestStatus.APPROVED,
            RequestStatus.ACTIVE, RequestStatus.FAILED);

    private final AccessRequestStore store;
    private final PolicyStore policies;
    private final CatalogService catalog;
    private final Directory directory;
    private final GrantJobs grants;
    private final ChangeJournal journal;
    private final Notifications notifications;
    private final Event<TeamAnnouncement> announcements;
    private final Clock clock;

    AccessReactions(AccessRequestStore store, PolicyStore policies, CatalogService catalog, Directory directory,
            GrantJobs grants, ChangeJournal journal, Notifications notifications,
            Event<TeamAnnouncement> announcements, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.catalog = catalog;
        this.directory = directory;
        this.grants = grants;
        this.journal = journal;
        this.notifications = notifications;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** Records each event, orders or withdraws grants, and tells the people concerned. */
    void apply(AccessRequest request, List<AccessEvent> events) {
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

    /**
     * The product changed team or is classified stricter: in the same transaction, its open requests follow
     * (pending ones wait for the new approvers, access ends no later than the new policy allows).
     */
    void onProductRoutingChanged(@Observes ProductRoutingChanged changed) {
        ProductRef routed = new ProductRef(changed.productId(), changed.slug(), changed.name(), changed.routedBy(),
                changed.domain(), changed.ownerTeam());
        AccessPolicy policy = policies.policyFor(changed.routedBy());
        for (AccessRequest request : store.ofProduct(changed.productId(), OPEN)) {
            List<AccessEvent> events = request.follow(routed, policy, CATALOG_ACTOR, clock.instant());
            store.update(request);
            apply(request, events);
        }
    }

    /**
     * An account was disabled: in the same transaction, every access for that person is revoked and every request
     * they made (or that was made for them) and nobody decided yet is withdrawn.
     */
    void onAccountDeactivated(@Observes AccountDeactivated deactivated) {
        String reason = "the account of " + deactivated.username() + " was disabled by " + deactivated.actor();
        for (AccessRequest request : store.ofPerson(deactivated.username(), OPEN)) {
            boolean forThePerson = request.principal().type() == Principal.Type.USER
                    && request.principal().name().equals(deactivated.username());
            List<AccessEvent> events;
            if (request.status() == RequestStatus.PENDING) {
                events = request.withdraw(DEPROVISIONING_ACTOR, reason, clock.instant());
            } else if (forThePerson) {
                events = request.revoke(DEPROVISIONING_ACTOR, reason, clock.instant());
            } else {
                continue; // access they asked for a team stays the team's
            }
            store.update(request);
            apply(request, events);
        }
    }

    /** Reminds approvers of requests pending for longer than the given time; once a day per request. */
    @Transactional
    public int remind(Instant now, Duration pendingFor) {
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
    public int warnOfExpiry(Instant now, Duration within) {
        int warned = 0;
        for (AccessRequest request : store.activeEndingBefore(now.plus(within))) {
            Instant end = request.expiresAt().orElseThrow();
            if (end.isAfter(now) && notifications.tellOnce("expiring:" + request.id() + ":" + end,
                    List.of(request.requester()), Notifications.Kind.EXPIRING, request.id(),
                    "Your access to " + request.product().name() + " ends on " + end.toString().substring(0, 10)
                            + "; ask for an extension if you still need it")) {
                warned++;
                requestingTeam(request).ifPresent(team -> announce(team, "expiring:" + request.id() + ":" + end,
                        request, TeamAnnouncement.Occasion.ACCESS_EXPIRING, "The access of team " + team + " to "
                                + request.product().name() + " ends on " + end.toString().substring(0, 10),
                        "Ask for an extension in Agora if the team still needs it.", OPEN_THE_REQUEST));
            }
        }
        return warned;
    }

    private void react(AccessRequest request, AccessEvent event) {
        String product = request.product().name();
        switch (event.kind()) {
            case SUBMITTED -> {
                notifications.tell(approversOf(request), event.actor(), Notifications.Kind.NEW_REQUEST,
                        request.id(), who(request) + " asks for access to " + product);
                announceNewRequest(request, "new-request:" + request.id(), "");
            }
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
                // a chat channel is read by more people than the owners: never the engine's message there
                String failed = "grant-failed:" + request.id() + ":" + request.version();
                String headline = "Access to " + product + " for " + request.principal() + " could not be granted";
                String ownerTeam = request.product().ownerTeam();
                announce(ownerTeam, failed, request, TeamAnnouncement.Occasion.GRANT_FAILED, headline,
                        "Owners see what the grant engine said in the request, and can retry it there.",
                        OPEN_THE_REQUEST);
                requestingTeam(request).filter(team -> !team.equals(ownerTeam)).ifPresent(team -> announce(team,
                        failed, request, TeamAnnouncement.Occasion.GRANT_FAILED, headline,
                        AccessRequestView.GRANT_ERROR_FOR_REQUESTERS, OPEN_THE_REQUEST));
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
            case REROUTED -> {
                notifications.tell(approversOf(request), event.actor(), Notifications.Kind.NEW_REQUEST,
                        request.id(), who(request) + " asks for access to " + product + ", now waiting for you: "
                                + event.comment());
                announceNewRequest(request, "rerouted:" + request.id() + ":" + request.version(),
                        "Now waiting for the team: " + event.comment());
            }
            case SHORTENED -> {
                String ends = request.expiresAt().map(e -> e.toString().substring(0, 10)).orElse("?");
                notifications.tell(List.of(request.requester()), event.actor(),
                        Notifications.Kind.EXPIRING, request.id(), "Your access to " + product + " now ends on "
                                + ends + ": " + event.comment());
                requestingTeam(request).ifPresent(team -> announce(team, "shortened:" + request.id() + ":"
                                + request.version(), request, TeamAnnouncement.Occasion.ACCESS_EXPIRING,
                        "The access of team " + team + " to " + product + " now ends on " + ends,
                        event.comment(), OPEN_THE_REQUEST));
            }
            default -> {
                // STEP_APPROVED, CANCELLED, EXTENSION_STEP_APPROVED: the audit trail says it all
            }
        }
    }

    /**
     * The owner team hears of a request that waits for one of its owners: who asks for what, for how long, why,
     * and a button to review it. Requests that wait for nobody (approved on submission) are not announced.
     */
    private void announceNewRequest(AccessRequest request, String dedupeKey, String note) {
        String ownerTeam = request.product().ownerTeam();
        boolean awaitsTheOwners = request.status() == RequestStatus.PENDING && request.awaiting().stream()
                .anyMatch(step -> step.role() == ApproverRole.OWNER && step.scope().equals(ownerTeam));
        if (!awaitsTheOwners) {
            return;
        }
        String who = request.principal().type() == Principal.Type.TEAM
                ? request.requester() + " for team " + request.principal().name() : request.requester();
        String justification = request.state().justification() == null ? "" : request.state().justification();
        announce(ownerTeam, dedupeKey, request, TeamAnnouncement.Occasion.NEW_REQUEST, who + " requests access to "
                        + request.product().name() + " for " + request.durationDays() + " days",
                note.isEmpty() ? justification : note + "\n\n" + justification, "Review the request");
    }

    /** Tells a team, in its chat channel if it has one, of something about the request (in this transaction). */
    private void announce(String team, String dedupeKey, AccessRequest request, TeamAnnouncement.Occasion occasion,
            String headline, String details, String linkLabel) {
        announcements.fire(new TeamAnnouncement(team, dedupeKey, "access-request:" + request.id(), occasion, headline,
                details, linkLabel, "/requests/" + request.id()));
    }

    /** The team the access is for, if it is for a team. */
    private static java.util.Optional<String> requestingTeam(AccessRequest request) {
        return request.principal().type() == Principal.Type.TEAM ? java.util.Optional.of(request.principal().name())
                : java.util.Optional.empty();
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
                            Set.of(request.state().permission().name()), product.ownerTeam(), product.slug())));
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
}
