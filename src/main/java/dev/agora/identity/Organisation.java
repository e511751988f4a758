package dev.agora.identity;

import dev.agora.audit.ChangeJournal;
import dev.agora.platform.Refusal;
import dev.agora.platform.Refusal.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The organisation as administrators run it: domains (created, renamed, described, archived, their stewards) and
 * teams (created, edited, archived, their members and roles, their cloud principal). Every command checks here that
 * the actor is an administrator — the API and the console both come through it — and journals what it changed.
 */
@ApplicationScoped
public class Organisation {

    /** A new domain as an administrator asks for it. */
    public record NewDomain(String slug, String name, String description) {}

    /** What to change of a domain: a null field stays as it is; {@code stewards} replaces those set in Agora. */
    public record DomainChange(String name, String description, Boolean archived, List<String> stewards) {}

    /** A new team as an administrator asks for it. */
    public record NewTeam(String slug, String name, String description, String domain, String awsPrincipalArn) {}

    /**
     * What to change of a team: a null field stays as it is; an empty {@code awsPrincipalArn} clears the principal
     * (as the earlier {@code PUT /api/v1/admin/teams/{slug}} with only that field did).
     */
    public record TeamChange(String name, String description, Boolean archived, String awsPrincipalArn) {}

    /** One member of a team as an administrator sets it. */
    public record MemberPlace(String username, TeamRole role) {}

    /** One member as the member list shows it; {@code source} PROVIDER when the provider's groups gave the place. */
    public record Member(String username, String displayName, TeamRole role, MembershipSource source) {}

    /** A person the picker offers. */
    public record Person(String username, String displayName) {

        public String label() {
            return displayName == null || displayName.isBlank() || displayName.equals(username) ? username
                    : displayName + " (" + username + ")";
        }
    }

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4_000;
    /** Far above any real team; bounds one request's work. */
    public static final int MAX_MEMBERS = 500;
    public static final int MAX_STEWARDS = 100;
    public static final int MAX_PEOPLE_PAGE = 100;
    private static final Pattern SINGLE_LINE = Pattern.compile("[^\\p{Cntrl}\\u2028\\u2029]*");
    private static final Pattern DESCRIPTION = Pattern.compile("[^\\p{Cntrl}&&[^\\n\\r\\t]]*");

    private final Directory directory;
    private final ChangeJournal journal;
    private final Clock clock;

    Organisation(Directory directory, ChangeJournal journal, Clock clock) {
        this.directory = directory;
        this.journal = journal;
        this.clock = clock;
    }

    // --- domains ---------------------------------------------------------------------------------------------

    @Transactional
    public Directory.DomainSummary createDomain(NewDomain request, String actor) {
        mayAdminister(actor);
        List<FieldProblem> problems = new ArrayList<>();
        Slug slug = slug(request.slug(), problems);
        String name = name(request.name(), true, problems);
        String description = description(request.description(), problems);
        refuseIfAny(problems);
        if (Domain.findBySlug(slug.value()).isPresent()) {
            throw Refusal.conflict("There is already a domain '" + slug.value() + "'.");
        }
        Domain domain = new Domain(slug, name, description == null ? "" : description, clock.instant());
        persistUnique(domain, "There is already a domain '" + slug.value() + "'.");
        journal.record(actor, "identity.domain.created", "domain", domain.slug(),
                Map.of("slug", domain.slug(), "name", domain.name()));
        return domainSummary(domain.slug());
    }

    /**
     * Renames, describes, archives or restores a domain and sets its stewards. Archiving is allowed while the domain
     * still has products: they stay as they are, only new products are refused (the catalog asks {@link
     * Domain#archived()}). Stewards the provider's groups made are left alone: sign-in would bring them back anyway.
     */
    @Transactional
    public Directory.DomainSummary changeDomain(String slug, DomainChange change, String actor) {
        mayAdminister(actor);
        Domain domain = Domain.findBySlug(slug)
                .orElseThrow(() -> Refusal.notFound("There is no domain '" + slug + "'."));
        List<FieldProblem> problems = new ArrayList<>();
        String name = name(change.name(), false, problems);
        String description = description(change.description(), problems);
        List<User> stewards = change.stewards() == null ? null : people("stewards", change.stewards(),
                MAX_STEWARDS, problems);
        refuseIfAny(problems);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("domain", domain.slug());
        if (name != null && !name.equals(domain.name())) {
            details.put("name", name);
            details.put("nameBefore", domain.name());
            domain.rename(name);
        }
        if (description != null && !description.equals(domain.description())) {
            details.put("description", description);
            domain.describe(description);
        }
        if (change.archived() != null && change.archived() != domain.archived()) {
            details.put("archived", change.archived());
            domain.archive(change.archived(), clock.instant());
        }
        if (stewards != null) {
            replaceStewards(domain, stewards, details);
        }
        if (details.size() > 1) {
            journal.record(actor, "identity.domain.changed", "domain", domain.slug(), details);
        }
        return domainSummary(domain.slug());
    }

    private void replaceStewards(Domain domain, List<User> wanted, Map<String, Object> details) {
        List<DomainStewardship> current = DomainStewardship.<DomainStewardship>find(
                "select s from DomainStewardship s join fetch s.user where s.domain = ?1", domain).list();
        Set<Long> wantedIds = new LinkedHashSet<>();
        wanted.forEach(u -> wantedIds.add(u.id()));
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (DomainStewardship stewardship : current) {
            if (stewardship.source() == MembershipSource.AGORA && !wantedIds.contains(stewardship.user().id())) {
                removed.add(stewardship.user().username());
                stewardship.delete();
            }
        }
        for (User user : wanted) {
            boolean present = current.stream().anyMatch(s -> s.user().id().equals(user.id()));
            if (!present) {
                added.add(user.username());
                new DomainStewardship(domain, user, MembershipSource.AGORA, clock.instant()).persist();
            }
        }
        flushUnique("Someone else changed the stewards of '" + domain.slug() + "' at the same time; try again.");
        if (!added.isEmpty() || !removed.isEmpty()) {
            details.put("stewardsAdded", added);
            details.put("stewardsRemoved", removed);
        }
    }

    /** A steward of the domain itself; {@code source} PROVIDER when the provider's groups made them one. */
    public record Steward(String username, String displayName, MembershipSource source) {}

    /** The domain's own stewards (STEWARD members of its teams are stewards as well, but belong to their team). */
    public List<Steward> domainStewards(String domainSlug, String actor) {
        mayAdminister(actor);
        Domain domain = Domain.findBySlug(domainSlug)
                .orElseThrow(() -> Refusal.notFound("There is no domain '" + domainSlug + "'."));
        return DomainStewardship.<DomainStewardship>find(
                        "select s from DomainStewardship s join fetch s.user where s.domain = ?1", domain).list()
                .stream()
                .map(s -> new Steward(s.user().username(), s.user().displayName(), s.source()))
                .sorted(Comparator.comparing(Steward::username))
                .toList();
    }

    private Directory.DomainSummary domainSummary(String slug) {
        return directory.domains().stream().filter(d -> d.slug().equals(slug)).findFirst().orElseThrow();
    }

    // --- teams -----------------------------------------------------------------------------------------------

    @Transactional
    public Directory.TeamSummary createTeam(NewTeam request, String actor) {
        mayAdminister(actor);
        List<FieldProblem> problems = new ArrayList<>();
        Slug slug = slug(request.slug(), problems);
        String name = name(request.name(), true, problems);
        String description = description(request.description(), problems);
        Optional<Domain> domain = Optional.empty();
        if (request.domain() == null || request.domain().isBlank()) {
            problems.add(new FieldProblem("domain", "choose the domain the team belongs to"));
        } else {
            domain = Domain.findBySlug(request.domain());
            if (domain.isEmpty()) {
                problems.add(new FieldProblem("domain", "there is no domain '" + request.domain() + "'"));
            } else if (domain.get().archived()) {
                problems.add(new FieldProblem("domain", "domain '" + request.domain() + "' is archived"));
            }
        }
        String arn = awsPrincipal(request.awsPrincipalArn(), problems);
        refuseIfAny(problems);
        if (Team.findBySlug(slug.value()).isPresent()) {
            throw Refusal.conflict("There is already a team '" + slug.value() + "'.");
        }
        Team team = new Team(slug, name, description == null ? "" : description, domain.orElseThrow(),
                clock.instant());
        team.useAwsPrincipal(arn);
        persistUnique(team, "There is already a team '" + slug.value() + "'.");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("slug", team.slug());
        details.put("name", team.name());
        details.put("domain", team.domain().slug());
        details.put("awsPrincipalArn", arn == null ? "" : arn);
        journal.record(actor, "identity.team.created", "team", team.slug(), details);
        return directory.teamSummary(team.slug()).orElseThrow();
    }

    /** Renames, describes, archives or restores a team and sets (or, with "", clears) its cloud principal. */
    @Transactional
    public Directory.TeamSummary changeTeam(String slug, TeamChange change, String actor) {
        mayAdminister(actor);
        Team team = Team.findBySlug(slug).orElseThrow(() -> Refusal.notFound("There is no team '" + slug + "'."));
        List<FieldProblem> problems = new ArrayList<>();
        String name = name(change.name(), false, problems);
        String description = description(change.description(), problems);
        String arn = change.awsPrincipalArn() == null ? null : awsPrincipal(change.awsPrincipalArn(), problems);
        refuseIfAny(problems);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("team", team.slug());
        if (name != null && !name.equals(team.name())) {
            details.put("name", name);
            details.put("nameBefore", team.name());
            team.rename(name);
        }
        if (description != null && !description.equals(team.description())) {
            details.put("description", description);
            team.describe(description);
        }
        if (change.archived() != null && change.archived() != team.archived()) {
            details.put("archived", change.archived());
            team.archive(change.archived(), clock.instant());
        }
        if (details.size() > 1) {
            journal.record(actor, "identity.team.changed", "team", team.slug(), details);
        }
        if (change.awsPrincipalArn() != null) {
            // the principal keeps its own journal entry (and event), which the grant engines' readers know
            directory.useAwsPrincipal(team.slug(), arn, actor);
        }
        return directory.teamSummary(team.slug()).orElseThrow();
    }

    /** The team's members, owners first. */
    public List<Member> members(String teamSlug, String actor) {
        mayAdminister(actor);
        Team team = Team.findBySlug(teamSlug)
                .orElseThrow(() -> Refusal.notFound("There is no team '" + teamSlug + "'."));
        return membersOf(team);
    }

    /**
     * Replaces the members an administrator set with this list. Places the provider's groups gave (source
     * PROVIDER) are kept when the list leaves them out — sign-in would restore them at the member's next sign-in, so
     * dropping them here would only mislead; the answer lists them. A provider member the list names is taken over
     * by hand in the role given, and sign-in leaves it alone from then on (as {@link Directory#ensureMembership}).
     * A team that has an owner cannot be left without one (unless archived): nobody could approve access to its
     * products any more.
     */
    @Transactional
    public List<Member> replaceMembers(String teamSlug, List<MemberPlace> places, String actor) {
        mayAdminister(actor);
        Team team = Team.findBySlug(teamSlug)
                .orElseThrow(() -> Refusal.notFound("There is no team '" + teamSlug + "'."));
        List<FieldProblem> problems = new ArrayList<>();
        if (places == null) {
            throw Refusal.invalid("members", "must list the members (an empty list removes every member set here)");
        }
        if (places.size() > MAX_MEMBERS) {
            throw Refusal.invalid("members", "at most " + MAX_MEMBERS + " members");
        }
        Map<String, TeamRole> wanted = new LinkedHashMap<>();
        for (int i = 0; i < places.size(); i++) {
            MemberPlace place = places.get(i);
            String field = "members[" + i + "]";
            if (place == null || place.username() == null || place.username().isBlank()) {
                problems.add(new FieldProblem(field + ".username", "must name an account"));
                continue;
            }
            if (place.role() == null) {
                problems.add(new FieldProblem(field + ".role", "must be one of OWNER, MEMBER, STEWARD"));
                continue;
            }
            String username = place.username().strip();
            if (wanted.containsKey(username)) {
                problems.add(new FieldProblem(field + ".username", "'" + username + "' is listed twice"));
                continue;
            }
            wanted.put(username, place.role());
        }
        Map<String, User> users = new LinkedHashMap<>();
        for (String username : wanted.keySet()) {
            Optional<User> user = username.length() > 63 ? Optional.empty() : User.findByUsername(username);
            if (user.isEmpty()) {
                problems.add(new FieldProblem("members", "there is no account '" + abbreviated(username) + "'"));
            } else {
                users.put(username, user.get());
            }
        }
        refuseIfAny(problems);

        List<TeamMembership> current = TeamMembership.<TeamMembership>find(
                "select m from TeamMembership m join fetch m.user where m.team = ?1", team).list();
        boolean hadOwner = current.stream().anyMatch(m -> m.role() == TeamRole.OWNER);
        boolean keepsOwner = wanted.containsValue(TeamRole.OWNER) || current.stream().anyMatch(m ->
                m.source() == MembershipSource.PROVIDER && m.role() == TeamRole.OWNER
                        && !wanted.containsKey(m.user().username()));
        if (hadOwner && !keepsOwner && !team.archived()) {
            throw Refusal.invalid("members", "team '" + team.slug() + "' must keep an OWNER: nobody could approve "
                    + "access to its products otherwise (archive the team first to leave it without one)");
        }

        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (TeamMembership membership : current) {
            String username = membership.user().username();
            TeamRole role = wanted.get(username);
            if (role == null) {
                if (membership.source() == MembershipSource.AGORA) {
                    removed.add(username);
                    membership.delete();
                }
            } else if (membership.role() != role || membership.source() == MembershipSource.PROVIDER) {
                changed.add(username + ": " + membership.role() + " → " + role);
                membership.keepByHand(role);
            }
        }
        for (Map.Entry<String, TeamRole> entry : wanted.entrySet()) {
            boolean present = current.stream().anyMatch(m -> m.user().username().equals(entry.getKey()));
            if (!present) {
                added.add(entry.getKey() + " (" + entry.getValue() + ")");
                new TeamMembership(team, users.get(entry.getKey()), entry.getValue(), clock.instant()).persist();
            }
        }
        flushUnique("Someone else changed the members of '" + team.slug() + "' at the same time; try again.");
        if (!added.isEmpty() || !removed.isEmpty() || !changed.isEmpty()) {
            journal.record(actor, "identity.team.members-replaced", "team", team.slug(), Map.of("team",
                    team.slug(), "added", added, "removed", removed, "changed", changed));
        }
        return membersOf(team);
    }

    private static List<Member> membersOf(Team team) {
        return TeamMembership.<TeamMembership>find(
                        "select m from TeamMembership m join fetch m.user where m.team = ?1", team).list().stream()
                .map(m -> new Member(m.user().username(), m.user().displayName(), m.role(), m.source()))
                .sorted(Comparator.comparing(Member::role).thenComparing(Member::username))
                .toList();
    }

    // --- the person picker -----------------------------------------------------------------------------------

    /** Accounts whose username or display name contains the text, a page at a time, for the person picker. */
    public List<Person> findPeople(String text, int offset, int limit, String actor) {
        mayAdminister(actor);
        String like = "%" + likeEscaped(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        return User.<User>find("(lower(username) like ?1 escape '\\' or lower(displayName) like ?1 escape '\\') "
                        + "and enabled = true order by username", like)
                .range(Math.max(0, offset), Math.max(0, offset) + Math.max(1, Math.min(limit, MAX_PEOPLE_PAGE)) - 1)
                .list().stream()
                .map(u -> new Person(u.username(), u.displayName()))
                .toList();
    }

    private static String likeEscaped(String text) {
        String bounded = text.length() > 100 ? text.substring(0, 100) : text;
        return bounded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // --- rules shared by the commands ------------------------------------------------------------------------

    /** The one place that says who runs the organisation: administrators, and Agora itself. */
    private static void mayAdminister(String actor) {
        boolean admin = SystemActor.is(actor) || actor != null && User.findByUsername(actor)
                .map(u -> u.enabled() && u.platformRole() == PlatformRole.ADMIN).orElse(false);
        if (!admin) {
            throw Refusal.forbidden("Only administrators run domains and teams.");
        }
    }

    private static Slug slug(String value, List<FieldProblem> problems) {
        try {
            return new Slug(value == null ? null : value.strip());
        } catch (Refusal refusal) {
            problems.addAll(refusal.fieldProblems());
            return null;
        }
    }

    /** The stripped name, or null when not given (a problem if {@code required}). */
    private static String name(String value, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required || value != null) {
                problems.add(new FieldProblem("name", "must not be blank"));
            }
            return null;
        }
        String name = value.strip();
        if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "at most " + MAX_NAME + " characters"));
        } else if (!SINGLE_LINE.matcher(name).matches()) {
            problems.add(new FieldProblem("name", "must be a single line without control characters"));
        }
        return name;
    }

    private static String description(String value, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        String description = value.strip();
        if (description.length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "at most " + MAX_DESCRIPTION + " characters"));
        } else if (!DESCRIPTION.matcher(description).matches()) {
            problems.add(new FieldProblem("description", "must not contain control characters"));
        }
        return description;
    }

    private static String awsPrincipal(String value, List<FieldProblem> problems) {
        try {
            return Directory.checkedAwsPrincipal(value);
        } catch (Refusal refusal) {
            problems.addAll(refusal.fieldProblems());
            return null;
        }
    }

    private static List<User> people(String field, List<String> usernames, int max, List<FieldProblem> problems) {
        if (usernames.size() > max) {
            problems.add(new FieldProblem(field, "at most " + max));
            return List.of();
        }
        List<User> users = new ArrayList<>();
        for (String username : new LinkedHashSet<>(usernames)) {
            Optional<User> user = username == null || username.length() > 63 ? Optional.empty()
                    : User.findByUsername(username.strip());
            if (user.isEmpty()) {
                problems.add(new FieldProblem(field, "there is no account '" + abbreviated(username) + "'"));
            } else {
                users.add(user.get());
            }
        }
        return users;
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }

    private static void refuseIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems.stream().map(p -> p.field() + ": " + p.message())
                    .reduce((a, b) -> a + "; " + b).map(s -> "The request is not valid: " + s + ".").orElseThrow(),
                    problems);
        }
    }

    /** Two administrators creating the same slug at once: the unique constraint decides, the loser reads why. */
    private static void persistUnique(io.quarkus.hibernate.orm.panache.PanacheEntityBase entity, String conflict) {
        entity.persist();
        flushUnique(conflict);
    }

    private static void flushUnique(String conflict) {
        try {
            Team.getEntityManager().flush();
        } catch (PersistenceException duplicate) {
            throw Refusal.conflict(conflict);
        }
    }
}
