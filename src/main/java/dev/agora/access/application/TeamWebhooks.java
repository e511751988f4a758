package dev.agora.access.application;

import dev.agora.audit.ChangeJournal;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ProductSummary;
import dev.agora.events.outbound.DestinationGuard;
import dev.agora.events.outbound.OutboundMessages;
import dev.agora.events.webhooks.WebhookPublisher;
import dev.agora.events.webhooks.WebhookSubscription;
import dev.agora.events.webhooks.WebhookSubscriptions;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.platform.Decision;
import dev.agora.platform.InputText;
import dev.agora.platform.Refusal;
import dev.agora.platform.Refusal.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
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
 * A team's webhooks: subscribing a URL to the events of chosen products and types, listing, deleting, and the
 * delivery history. The one place of the rule "members of the team (any role) and administrators manage its
 * webhooks", used by the API and the views alike; another team's webhook is "not found", so ids cannot be probed.
 */
@ApplicationScoped
public class TeamWebhooks {

    public static final int MAX_LIST = 100;
    public static final int MAX_NAME = 200;
    /** How many products a team page offers to choose from. */
    public static final int MAX_PRODUCT_CHOICES = 1000;

    /** A webhook as its team sees it: never the secret. */
    public record WebhookView(UUID id, String url, String team, List<String> products, List<String> types,
            String createdBy, Instant createdAt) {
        static WebhookView of(WebhookSubscription subscription) {
            return new WebhookView(subscription.id(), subscription.url().toString(), subscription.team(),
                    subscription.products(), subscription.types(), subscription.createdBy(),
                    subscription.createdAt());
        }
    }

    /** A webhook just created, with the signing secret shown this once. */
    public record CreatedWebhook(WebhookView webhook, String secret) {}

    /** What a team asks for; {@code products} and {@code types} empty or null mean all. */
    public record NewWebhook(String url, String team, List<String> products, List<String> types) {}

    /** One delivery of an event to the webhook. */
    public record DeliveryView(long id, String eventId, String status, int attempts, Instant createdAt,
            Instant lastAttemptAt, Integer responseCode, String lastError, Instant deliveredAt) {
        static DeliveryView of(OutboundMessages.Sent sent) {
            return new DeliveryView(sent.id(), sent.dedupeKey(), sent.status(), sent.attempts(), sent.createdAt(),
                    sent.lastAttemptAt(), sent.responseCode(), sent.lastError(), sent.deliveredAt());
        }
    }

    /** A page of deliveries, newest first, and how many there are in all. */
    public record Deliveries(List<DeliveryView> page, long total) {}

    private final WebhookSubscriptions subscriptions;
    private final OutboundMessages outbound;
    private final DestinationGuard guard;
    private final Directory directory;
    private final CatalogService catalog;
    private final ChangeJournal journal;

    TeamWebhooks(WebhookSubscriptions subscriptions, OutboundMessages outbound, DestinationGuard guard,
            Directory directory, CatalogService catalog, ChangeJournal journal) {
        this.subscriptions = subscriptions;
        this.outbound = outbound;
        this.guard = guard;
        this.directory = directory;
        this.catalog = catalog;
        this.journal = journal;
    }

    /** Members of the team, in any role, and administrators. */
    public static Decision mayManage(AccountProfile viewer, String team) {
        return viewer.isAdmin() || viewer.belongsTo(team) ? Decision.allow()
                : Decision.deny("Only members of team '" + team + "' and administrators manage its webhooks.");
    }

    public boolean mayManage(String viewer, String team) {
        return directory.profile(viewer).map(profile -> mayManage(profile, team).allowed()).orElse(false);
    }

    @Transactional
    public CreatedWebhook create(NewWebhook request, String actor) {
        if (request == null) {
            throw Refusal.invalid("body", "must be a webhook: {\"url\", \"team\", \"products\", \"types\"}");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String team = request.team() == null ? null : request.team().strip();
        boolean teamKnown = false;
        if (team == null || team.isEmpty()) {
            problems.add(new FieldProblem("team", "is required"));
        } else if (InputText.singleLineProblem(team, MAX_NAME).isPresent()) {
            problems.add(new FieldProblem("team", InputText.singleLineProblem(team, MAX_NAME).get()));
        } else if (!directory.teamExists(team)) {
            problems.add(new FieldProblem("team", "is not a team: " + team));
        } else {
            teamKnown = true;
            mayManage(profile(actor), team).orRefuse();
        }
        String url = request.url() == null ? null : request.url().strip();
        guard.problem(url).ifPresent(problem -> problems.add(new FieldProblem("url", problem)));
        boolean mayCheckProducts = teamKnown;
        List<String> products = distinct("products", request.products(), problems,
                slug -> !mayCheckProducts || catalog.findForTeam(slug, team).isPresent(),
                "is not a data product team " + team + " may see");
        List<String> known = WebhookPublisher.publicTypes();
        List<String> types = distinct("types", request.types(), problems, known::contains,
                "is not a public event type (one of " + String.join(", ", known) + ")");
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The webhook cannot be created: " + problems.stream()
                    .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")) + ".", problems);
        }
        URI destination = URI.create(url);
        WebhookSubscription added = subscriptions.add(new WebhookSubscriptions.NewSubscription(team, destination,
                        products, types, actor))
                .orElseThrow(() -> Refusal.conflict("Team " + team + " has " + WebhookSubscriptions.MAX_PER_TEAM
                        + " webhooks already, the most a team may have; delete one first."));
        journal.record(actor, "access.webhook.created", "webhook", added.id().toString(), details(added));
        return new CreatedWebhook(WebhookView.of(added), added.secret());
    }

    /** The webhooks of one team, or with no team those of the viewer's teams (administrators: all). */
    @Transactional
    public List<WebhookView> list(String team, String viewer) {
        AccountProfile profile = profile(viewer);
        if (team != null && !team.isBlank()) {
            mayManage(profile, team.strip()).orRefuse();
            return subscriptions.ofTeams(List.of(team.strip())).stream().map(WebhookView::of).toList();
        }
        List<WebhookSubscription> all = profile.isAdmin() ? subscriptions.all() : subscriptions.ofTeams(
                profile.memberships().stream().map(AccountProfile.Membership::team).distinct().toList());
        return all.stream().map(WebhookView::of).toList();
    }

    @Transactional
    public WebhookView find(UUID id, String viewer) {
        return WebhookView.of(managed(id, viewer));
    }

    /** Deletes the webhook; deliveries not yet made are dropped (its history stays until pruned). */
    @Transactional
    public void delete(UUID id, String actor) {
        WebhookSubscription subscription = managed(id, actor);
        if (subscriptions.delete(id)) {
            journal.record(actor, "access.webhook.deleted", "webhook", id.toString(), details(subscription));
        }
    }

    @Transactional
    public Deliveries deliveries(UUID id, String viewer, long offset, int limit) {
        WebhookSubscription subscription = managed(id, viewer);
        int from = (int) Math.min(Integer.MAX_VALUE, offset);
        return new Deliveries(outbound.history(subscription.channel(), from, limit).stream().map(DeliveryView::of)
                .toList(), outbound.count(subscription.channel()));
    }

    /** Puts a failed delivery back in line. */
    @Transactional
    public void retry(UUID id, long deliveryId, String actor) {
        WebhookSubscription subscription = managed(id, actor);
        if (!outbound.retry(subscription.channel(), deliveryId)) {
            throw Refusal.conflict("Webhook " + id + " has no failed delivery " + deliveryId
                    + "; only failed deliveries are retried.");
        }
    }

    /** The products a team may subscribe to, by name. */
    public List<ProductSummary> productChoices(String team) {
        return catalog.visibleToTeam(team, MAX_PRODUCT_CHOICES);
    }

    public List<String> typeChoices() {
        return WebhookPublisher.publicTypes();
    }

    private WebhookSubscription managed(UUID id, String viewer) {
        AccountProfile profile = profile(viewer);
        return subscriptions.find(id).filter(subscription -> mayManage(profile, subscription.team()).allowed())
                .orElseThrow(() -> Refusal.notFound("There is no webhook " + id + "."));
    }

    private AccountProfile profile(String username) {
        return directory.profile(username)
                .orElseThrow(() -> Refusal.forbidden("There is no account '" + username + "'."));
    }

    /** The values without duplicates, each a single line that passes {@code known}; problems named by index. */
    private static List<String> distinct(String field, List<String> values, List<FieldProblem> problems,
            java.util.function.Predicate<String> known, String unknown) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LIST) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_LIST));
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String at = field + "[" + i + "]";
            if (value == null || value.isBlank()) {
                problems.add(new FieldProblem(at, "must not be empty"));
                continue;
            }
            String problem = InputText.singleLineProblem(value.strip(), MAX_NAME).orElse(null);
            if (problem != null) {
                problems.add(new FieldProblem(at, problem));
            } else if (distinct.add(value.strip()) && !known.test(value.strip())) {
                problems.add(new FieldProblem(at, unknown + ": " + value.strip()));
            }
        }
        return List.copyOf(distinct);
    }

    // the URL's host only: a path or query may carry a token of the receiver's
    private static Map<String, Object> details(WebhookSubscription subscription) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("team", subscription.team());
        details.put("host", subscription.url().getHost());
        details.put("products", subscription.products());
        details.put("types", subscription.types());
        return details;
    }
}
