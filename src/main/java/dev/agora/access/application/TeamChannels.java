package dev.agora.access.application;

import dev.agora.platform.SqlTimes;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.audit.ChangeJournal;
import dev.agora.events.outbound.DestinationGuard;
import dev.agora.events.outbound.OutboundMessage;
import dev.agora.events.outbound.OutboundMessages;
import dev.agora.events.outbound.OutboundSettings;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.identity.TeamRole;
import dev.agora.platform.Decision;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A team's notification channel: the Slack or Microsoft Teams incoming-webhook URL where Agora posts what the team
 * should hear of. The rules live here, for the API and the team page alike: the team's members and administrators
 * see whether one is set (kind, host, a masked tail — the URL is a secret: whoever has it can post to the channel);
 * the team's owners and administrators set, replace, remove and test it. Replacing or removing a channel drops the
 * messages still waiting for the old one.
 */
@ApplicationScoped
public class TeamChannels {

    private static final Logger LOG = Logger.getLogger(TeamChannels.class);

    /** The channel as people see it: never the whole URL. */
    public record ChannelView(String team, ChannelKind kind, String host, String maskedUrl, String setBy,
            Instant setAt) {}

    /** The URL as stored: for the announcer only, never for a view or an answer. */
    record StoredChannel(String team, ChannelKind kind, URI url) {}

    /** One message sent (or being sent) to the team's channel. */
    public record Delivery(long id, ChannelKind kind, String status, int attempts, Instant createdAt,
            Instant lastAttemptAt, Integer responseCode, String lastError, Instant deliveredAt) {}

    /** A page of deliveries, newest first, and how many there are. */
    public record Deliveries(List<Delivery> items, long total) {}

    /** The largest page of deliveries and the deepest offset one may ask for. */
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_OFFSET = 10_000;

    private final EntityManager entities;
    private final Directory directory;
    private final DestinationGuard guard;
    private final OutboundSettings outbound;
    private final OutboundMessages messages;
    private final ChangeJournal journal;
    private final ObjectMapper json;
    private final TeamChannelSettings settings;
    private final Clock clock;
    private final String baseUrl;

    TeamChannels(EntityManager entities, Directory directory, DestinationGuard guard, OutboundSettings outbound,
            OutboundMessages messages, ChangeJournal journal, ObjectMapper json, TeamChannelSettings settings,
            Clock clock, @ConfigProperty(name = "agora.base-url", defaultValue = "http://localhost:8080") String baseUrl) {
        this.entities = entities;
        this.directory = directory;
        this.guard = guard;
        this.outbound = outbound;
        this.messages = messages;
        this.journal = journal;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    // --- who may ------------------------------------------------------------------------------------------------

    /** The team's members (any role) and administrators see whether and where the team is told. */
    public static Decision maySee(AccountProfile viewer, String team) {
        return viewer.isAdmin() || viewer.belongsTo(team) ? Decision.allow()
                : Decision.deny("Only members of team " + team + " and administrators can see its notification channel.");
    }

    /** The team's owners and administrators set, replace, remove and test it. */
    public static Decision mayChange(AccountProfile viewer, String team) {
        return viewer.isAdmin() || viewer.hasRoleIn(team, TeamRole.OWNER) ? Decision.allow()
                : Decision.deny("Only owners of team " + team + " and administrators can change its notification "
                        + "channel.");
    }

    // --- queries ------------------------------------------------------------------------------------------------

    /** The team's channel, if it has one; refused to those who may not see it. */
    @Transactional
    public Optional<ChannelView> channel(String team, String viewer) {
        requireTeam(team);
        maySee(profile(viewer), team).orRefuse();
        return stored(team).map(this::view);
    }

    /** The messages sent to the team's channel (Slack and Teams alike), newest first. */
    @Transactional
    public Deliveries deliveries(String team, String viewer, int offset, int limit) {
        requireTeam(team);
        maySee(profile(viewer), team).orRefuse();
        if (limit < 1 || limit > MAX_PAGE_SIZE || offset < 0 || offset > MAX_OFFSET) {
            throw Refusal.invalid("size", "must be 1 to " + MAX_PAGE_SIZE + ", and page * size at most " + MAX_OFFSET);
        }
        List<Delivery> all = new ArrayList<>();
        long total = 0;
        for (ChannelKind kind : ChannelKind.values()) {
            String channel = kind.channel(team);
            total += messages.count(channel);
            messages.history(channel, 0, offset + limit).forEach(sent -> all.add(new Delivery(sent.id(), kind,
                    sent.status(), sent.attempts(), sent.createdAt(), sent.lastAttemptAt(), sent.responseCode(),
                    sent.lastError(), sent.deliveredAt())));
        }
        List<Delivery> page = all.stream()
                .sorted(Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::id).reversed())
                .skip(offset).limit(limit).toList();
        return new Deliveries(page, total);
    }

    /**
     * What is wrong with a channel to set, field by field: the kind must be slack or teams; the URL must pass the
     * destination guard (well formed, https unless http is allowed, no internal address) and, unless the tool's form
     * is waived (internal destinations allowed, as in demo mode, so that a local stub can stand in), be one of the
     * tool's webhook URLs.
     */
    public static List<Refusal.FieldProblem> problems(String kindName, String url, DestinationGuard guard,
            boolean toolFormRequired) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Optional<ChannelKind> kind = ChannelKind.of(kindName);
        if (kind.isEmpty()) {
            problems.add(new Refusal.FieldProblem("kind", kindName == null || kindName.isBlank() ? "is required"
                    : "must be slack or teams"));
        }
        Optional<String> urlProblem = DestinationGuard.formProblem(url);
        if (urlProblem.isEmpty() && kind.isPresent() && toolFormRequired) {
            urlProblem = kind.get().formProblem(URI.create(url.strip()));
        }
        if (urlProblem.isEmpty()) {
            urlProblem = guard.problem(url); // resolves the host: last, and only for a URL of the right form
        }
        urlProblem.ifPresent(problem -> problems.add(new Refusal.FieldProblem("url", problem)));
        return problems;
    }

    /** The stored channel of a team, URL included: for sending only. */
    Optional<StoredChannel> stored(String team) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("SELECT kind, url FROM team_channels WHERE team_slug = :team")
                .setParameter("team", team).getResultList();
        return rows.stream().findFirst().map(row -> new StoredChannel(team, ChannelKind.valueOf((String) row[0]),
                URI.create((String) row[1])));
    }

    // --- commands -----------------------------------------------------------------------------------------------

    /** Sets or replaces the team's channel. */
    @Transactional
    public ChannelView set(String team, String kindName, String url, String actor) {
        requireTeam(team);
        mayChange(profile(actor), team).orRefuse();
        List<Refusal.FieldProblem> problems = problems(kindName, url, guard, !outbound.allowPrivateDestinations());
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The notification channel is not valid.", problems);
        }
        Optional<ChannelKind> kind = ChannelKind.of(kindName);
        URI destination = URI.create(url.strip());
        Optional<StoredChannel> before = lockedChannel(team);
        Instant now = clock.instant();
        entities.createNativeQuery("""
                INSERT INTO team_channels (team_slug, kind, url, set_by, set_at) VALUES (:team, :kind, :url, :actor, :now)
                ON CONFLICT (team_slug) DO UPDATE SET kind = EXCLUDED.kind, url = EXCLUDED.url,
                                                      set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at""")
                .setParameter("team", team).setParameter("kind", kind.get().name())
                .setParameter("url", destination.toString()).setParameter("actor", actor).setParameter("now", now)
                .executeUpdate();
        boolean replaced = before.isPresent() && !(before.get().kind() == kind.get()
                && before.get().url().equals(destination));
        if (replaced) {
            messages.cancelPending(before.get().kind().channel(team), "the team replaced its notification channel");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("team", team);
        details.put("kind", kind.get().wireName());
        details.put("host", destination.getHost()); // never the URL: it is the channel's secret
        details.put("replaced", before.isPresent());
        journal.record(actor, "access.team-channel.set", "team", team, details);
        return view(new StoredChannel(team, kind.get(), destination), actor, now);
    }

    /** Removes the team's channel, if it has one; tells whether it had. */
    @Transactional
    public boolean remove(String team, String actor) {
        requireTeam(team);
        mayChange(profile(actor), team).orRefuse();
        Optional<StoredChannel> before = lockedChannel(team);
        if (before.isEmpty()) {
            return false;
        }
        entities.createNativeQuery("DELETE FROM team_channels WHERE team_slug = :team").setParameter("team", team)
                .executeUpdate();
        messages.cancelPending(before.get().kind().channel(team), "the team removed its notification channel");
        journal.record(actor, "access.team-channel.removed", "team", team,
                Map.of("team", team, "kind", before.get().kind().wireName()));
        return true;
    }

    /** Queues a test message to the team's channel; at most one per test interval. */
    @Transactional
    public Delivery sendTest(String team, String actor) {
        requireTeam(team);
        mayChange(profile(actor), team).orRefuse();
        StoredChannel channel = stored(team).orElseThrow(() -> Refusal.conflict("Team " + team
                + " has no notification channel; set one first."));
        String teamName = directory.teamSummary(team).map(Directory.TeamSummary::name).orElse(team);
        ChatMessage message = new ChatMessage("Test message from Agora",
                actor + " sent this from the page of team " + teamName + " to check that Agora can post here. "
                        + "Agora posts the team's new access requests, failed grants and expiring access here.",
                "Open the team", link("/teams/" + team));
        long interval = Math.max(1, settings.testInterval().toMillis());
        // one dedupe key per interval: a second test within it (even a concurrent one) is not queued
        String dedupe = "test:" + (clock.millis() / interval);
        String outboundChannel = channel.kind().channel(team);
        boolean queued = messages.enqueue(new OutboundMessage(outboundChannel, "test", dedupe, channel.url(),
                "application/json", channel.kind().body(json, message), Map.of()));
        if (!queued) {
            throw Refusal.conflict("A test message was sent a moment ago; wait a few seconds before sending another.");
        }
        journal.record(actor, "access.team-channel.tested", "team", team,
                Map.of("team", team, "kind", channel.kind().wireName()));
        OutboundMessages.Sent sent = messages.history(outboundChannel, 0, 20).stream()
                .filter(s -> s.dedupeKey().equals(dedupe)).findFirst().orElseThrow();
        return new Delivery(sent.id(), channel.kind(), sent.status(), sent.attempts(), sent.createdAt(),
                sent.lastAttemptAt(), sent.responseCode(), sent.lastError(), sent.deliveredAt());
    }

    /**
     * An announcement, in the transaction that made it: queued for the team's channel when it has one, so that the
     * message exists exactly when the decision was committed. A message that cannot be built is logged and
     * skipped: the team's chat never undoes the business change.
     */
    void onAnnouncement(@Observes TeamAnnouncement announcement) {
        try {
            announce(announcement);
        } catch (IllegalArgumentException unsendable) {
            LOG.warnf("Not announced to team %s (%s): %s", announcement.team(), announcement.dedupeKey(),
                    unsendable.getMessage());
        }
    }

    /** Queues the announcement in the team's channel, if the team has one; tells whether a message was queued. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean announce(TeamAnnouncement announcement) {
        Optional<StoredChannel> channel = stored(announcement.team());
        if (channel.isEmpty()) {
            return false;
        }
        ChatMessage message = new ChatMessage(announcement.headline(), announcement.details(),
                announcement.linkPath() == null ? null : announcement.linkLabel(),
                announcement.linkPath() == null ? null : link(announcement.linkPath()));
        return messages.enqueue(new OutboundMessage(channel.get().kind().channel(announcement.team()),
                announcement.orderingKey(), announcement.dedupeKey(), channel.get().url(), "application/json",
                channel.get().kind().body(json, message), Map.of()));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Optional<StoredChannel> lockedChannel(String team) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery(
                        "SELECT kind, url FROM team_channels WHERE team_slug = :team FOR UPDATE")
                .setParameter("team", team).getResultList();
        return rows.stream().findFirst().map(row -> new StoredChannel(team, ChannelKind.valueOf((String) row[0]),
                URI.create((String) row[1])));
    }

    private ChannelView view(StoredChannel channel) {
        Object[] row = (Object[]) entities.createNativeQuery(
                        "SELECT set_by, set_at FROM team_channels WHERE team_slug = :team")
                .setParameter("team", channel.team()).getSingleResult();
        return view(channel, (String) row[0], SqlTimes.instant(row[1]));
    }

    private static ChannelView view(StoredChannel channel, String setBy, Instant setAt) {
        return new ChannelView(channel.team(), channel.kind(), channel.url().getHost(), masked(channel.url()), setBy,
                setAt);
    }

    /** https://hooks.slack.com/…Xy3k: the scheme and host, and the last four characters of a long enough URL. */
    static String masked(URI url) {
        String whole = url.toString();
        String start = url.getScheme() + "://" + url.getRawAuthority();
        String tail = whole.length() - start.length() >= 16 ? whole.substring(whole.length() - 4) : "";
        return start + "/…" + tail;
    }

    private URI link(String path) {
        return URI.create(baseUrl + path);
    }

    private void requireTeam(String team) {
        if (team == null || !directory.teamExists(team)) {
            throw Refusal.notFound("There is no team '" + team + "'.");
        }
    }

    private AccountProfile profile(String username) {
        return directory.profile(username).orElseThrow(() -> Refusal.forbidden("There is no account " + username + "."));
    }

}
