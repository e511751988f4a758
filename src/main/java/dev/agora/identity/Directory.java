package dev.agora.identity;

import dev.agora.audit.ChangeJournal;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The organisation as Agora knows it: accounts, domains, teams and who belongs where in which role. */
@ApplicationScoped
public class Directory {

    /** A row of the account list. */
    public record UserSummary(String username, String displayName, String email, PlatformRole platformRole,
            boolean enabled, boolean localPassword, List<String> teams, AccountKind kind, List<String> signsInWith,
            String ssoIssuer, String ssoSubject) {}

    /** How an account signs in, as {@link UserSummary#signsInWith()} lists it. */
    public static final String WITH_PASSWORD = "password";
    public static final String WITH_SINGLE_SIGN_ON = "single sign-on";

    /** A row of the domain list. */
    public record DomainSummary(String slug, String name, String description, List<String> teams,
            List<String> stewards, boolean archived) {}

    /** A row of the team list; {@code providerMembers} are those whose place the provider's groups gave. */
    public record TeamSummary(String slug, String name, String description, String domain,
            Map<TeamRole, List<String>> members, String awsPrincipalArn, List<String> providerMembers,
            boolean archived) {}

    private static final java.util.regex.Pattern AWS_PRINCIPAL = java.util.regex.Pattern.compile(
            "^arn:aws[a-z-]*:(iam::\\d{12}:(role|user)/[\\w+=,.@/-]{1,512}|identitystore::\\d{0,12}:group/[\\w-]{1,64})$");

    private final ChangeJournal journal;
    private final Clock clock;

    Directory(ChangeJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    public Optional<AccountProfile> profile(String username) {
        return User.findByUsername(username).map(this::profileOf);
    }

    private AccountProfile profileOf(User user) {
        List<AccountProfile.Membership> memberships = TeamMembership.<TeamMembership>find(
                        "select m from TeamMembership m join fetch m.team t join fetch t.domain "
                                + "where m.user = ?1 order by t.slug", user).list()
                .stream()
                .map(m -> new AccountProfile.Membership(m.team().slug(), m.team().name(), m.team().domain().slug(),
                        m.role(), m.source()))
                .toList();
        // a steward through a STEWARD place in one of the domain's teams, or of the domain itself
        List<String> stewardOf = java.util.stream.Stream.concat(
                        memberships.stream().filter(m -> m.role() == TeamRole.STEWARD)
                                .map(AccountProfile.Membership::domain),
                        DomainStewardship.<DomainStewardship>find(
                                "select s from DomainStewardship s join fetch s.domain where s.user = ?1", user)
                                .list().stream().map(s -> s.domain().slug()))
                .distinct()
                .sorted()
                .toList();
        return new AccountProfile(user.username(), user.displayName(), user.email(), user.platformRole(),
                user.platformRole().securityRoles(), memberships, stewardOf);
    }

    public List<UserSummary> users() {
        Map<Long, List<String>> teamsByUser = TeamMembership.<TeamMembership>find(
                        "select m from TeamMembership m join fetch m.team order by m.team.slug").list()
                .stream()
                .collect(Collectors.groupingBy(m -> m.user().id(), LinkedHashMap::new,
                        Collectors.mapping(m -> m.team().slug() + " (" + m.role()
                                        + (m.source() == MembershipSource.PROVIDER ? ", from provider" : "") + ")",
                                Collectors.toList())));
        return User.<User>list("order by username").stream()
                .map(u -> new UserSummary(u.username(), u.displayName(), u.email(), u.platformRole(), u.enabled(),
                        u.hasLocalPassword(), teamsByUser.getOrDefault(u.id(), List.of()), u.kind(),
                        signsInWith(u), u.ssoIssuer().orElse(null), u.ssoSubject().orElse(null)))
                .toList();
    }

    static List<String> signsInWith(User user) {
        List<String> ways = new java.util.ArrayList<>();
        if (user.hasLocalPassword()) {
            ways.add(WITH_PASSWORD);
        }
        if (user.ssoSubject().isPresent()) {
            ways.add(WITH_SINGLE_SIGN_ON);
        }
        return List.copyOf(ways);
    }

    public List<DomainSummary> domains() {
        List<Team> teams = Team.list("order by slug");
        List<TeamMembership> stewards = TeamMembership.find(
                "select m from TeamMembership m join fetch m.user join fetch m.team where m.role = ?1",
                TeamRole.STEWARD).list();
        List<DomainStewardship> domainStewards = DomainStewardship.find(
                "select s from DomainStewardship s join fetch s.user join fetch s.domain").list();
        return Domain.<Domain>list("order by slug").stream()
                .map(d -> new DomainSummary(d.slug(), d.name(), d.description(),
                        teams.stream().filter(t -> t.domain().id().equals(d.id())).map(Team::slug).toList(),
                        java.util.stream.Stream.concat(
                                        stewards.stream().filter(m -> m.team().domain().id().equals(d.id()))
                                                .map(m -> m.user().username()),
                                        domainStewards.stream().filter(s -> s.domain().id().equals(d.id()))
                                                .map(s -> s.user().username()))
                                .distinct().sorted().toList(), d.archived()))
                .toList();
    }

    public List<TeamSummary> teams() {
        List<TeamMembership> memberships = TeamMembership.find(
                "select m from TeamMembership m join fetch m.user join fetch m.team").list();
        return Team.<Team>find("select t from Team t join fetch t.domain order by t.slug").list().stream()
                .map(t -> {
                    List<TeamMembership> ofTeam = memberships.stream().filter(m -> m.team().id().equals(t.id()))
                            .toList();
                    return new TeamSummary(t.slug(), t.name(), t.description(), t.domain().slug(),
                            membersByRole(ofTeam), t.awsPrincipalArn().orElse(null), ofTeam.stream()
                                    .filter(m -> m.source() == MembershipSource.PROVIDER)
                                    .map(m -> m.user().username()).sorted().toList(), t.archived());
                })
                .toList();
    }

    /** One team as the team list shows it. */
    public Optional<TeamSummary> teamSummary(String slug) {
        return Team.<Team>find("select t from Team t join fetch t.domain where t.slug = ?1", slug).firstResultOptional()
                .map(t -> {
                    List<TeamMembership> ofTeam = TeamMembership.<TeamMembership>find(
                            "select m from TeamMembership m join fetch m.user where m.team = ?1", t).list();
                    return new TeamSummary(t.slug(), t.name(), t.description(), t.domain().slug(),
                            membersByRole(ofTeam), t.awsPrincipalArn().orElse(null), ofTeam.stream()
                                    .filter(m -> m.source() == MembershipSource.PROVIDER)
                                    .map(m -> m.user().username()).sorted().toList(), t.archived());
                });
    }

    private static Map<TeamRole, List<String>> membersByRole(List<TeamMembership> memberships) {
        Map<TeamRole, List<String>> byRole = new LinkedHashMap<>();
        for (TeamRole role : TeamRole.values()) {
            List<String> names = memberships.stream().filter(m -> m.role() == role)
                    .map(m -> m.user().username()).sorted(Comparator.naturalOrder()).toList();
            if (!names.isEmpty()) {
                byRole.put(role, names);
            }
        }
        return byRole;
    }

    /** The domain entity, for features that relate their own entities to it. */
    public Optional<Domain> domain(String slug) {
        return slug == null ? Optional.empty() : Domain.findBySlug(slug);
    }

    /** The team entity, for features that relate their own entities to it. */
    public Optional<Team> team(String slug) {
        return slug == null ? Optional.empty() : Team.findBySlug(slug);
    }

    /** The AWS principal standing for the team in Lake Formation, if the team has one. */
    public Optional<String> awsPrincipalOf(String teamSlug) {
        return Team.findBySlug(teamSlug).flatMap(Team::awsPrincipalArn);
    }

    /**
     * Sets (or clears, with null or blank) the IAM role ARN or IAM Identity Center group ARN that stands for the
     * team in AWS Lake Formation.
     */
    @Transactional
    public TeamSummary useAwsPrincipal(String teamSlug, String arn, String actor) {
        Team team = Team.findBySlug(teamSlug)
                .orElseThrow(() -> Refusal.notFound("There is no team '" + teamSlug + "'."));
        String value = checkedAwsPrincipal(arn);
        String before = team.awsPrincipalArn().orElse("");
        team.useAwsPrincipal(value);
        journal.record(actor, "identity.team.aws-principal-set", "team", team.slug(),
                Map.of("team", team.slug(), "before", before, "after", value == null ? "" : value));
        return teams().stream().filter(t -> t.slug().equals(teamSlug)).findFirst().orElseThrow();
    }

    /** The ARN as a team's principal, stripped, or null to clear it (null or blank); refused unless of the form. */
    static String checkedAwsPrincipal(String arn) {
        String value = arn == null || arn.isBlank() ? null : arn.strip();
        if (value != null && !AWS_PRINCIPAL.matcher(value).matches()) {
            throw Refusal.invalid("awsPrincipalArn", "must be an IAM role or user ARN "
                    + "(arn:aws:iam::123456789012:role/name) or an IAM Identity Center group ARN "
                    + "(arn:aws:identitystore::123456789012:group/id)");
        }
        return value;
    }

    /** Usernames of the members of a team who hold the given role. */
    public List<String> membersWithRole(String teamSlug, TeamRole role) {
        return TeamMembership.<TeamMembership>find(
                        "select m from TeamMembership m join fetch m.user where m.team.slug = ?1 and m.role = ?2 "
                                + "order by m.user.username", teamSlug, role).list()
                .stream().map(m -> m.user().username()).toList();
    }

    /** Usernames of the stewards of a domain: STEWARD members of any of its teams, and its domain stewards. */
    public List<String> stewardsOf(String domainSlug) {
        return java.util.stream.Stream.concat(
                        TeamMembership.<TeamMembership>find("select m from TeamMembership m join fetch m.user "
                                + "where m.team.domain.slug = ?1 and m.role = ?2", domainSlug, TeamRole.STEWARD)
                                .list().stream().map(m -> m.user().username()),
                        DomainStewardship.<DomainStewardship>find("select s from DomainStewardship s join fetch s.user "
                                + "where s.domain.slug = ?1", domainSlug).list().stream()
                                .map(s -> s.user().username()))
                .distinct().sorted().toList();
    }

    public boolean domainExists(String slug) {
        return Domain.findBySlug(slug).isPresent();
    }

    public boolean teamExists(String slug) {
        return Team.findBySlug(slug).isPresent();
    }

    /** Creates the domain unless one with this slug exists; tells whether it did. */
    @Transactional
    public boolean ensureDomain(String slug, String name, String description, String actor) {
        if (Domain.findBySlug(slug).isPresent()) {
            return false;
        }
        Domain domain = new Domain(new Slug(slug), name, description == null ? "" : description, clock.instant());
        domain.persist();
        journal.record(actor, "identity.domain.created", "domain", domain.slug(),
                Map.of("slug", domain.slug(), "name", domain.name()));
        return true;
    }

    /** Creates the team in an existing domain unless one with this slug exists; tells whether it did. */
    @Transactional
    public boolean ensureTeam(String slug, String name, String description, String domainSlug, String actor) {
        if (Team.findBySlug(slug).isPresent()) {
            return false;
        }
        Domain domain = Domain.findBySlug(domainSlug)
                .orElseThrow(() -> Refusal.invalid("domain", "there is no domain '" + domainSlug + "'"));
        Team team = new Team(new Slug(slug), name, description == null ? "" : description, domain, clock.instant());
        team.persist();
        journal.record(actor, "identity.team.created", "team", team.slug(),
                Map.of("slug", team.slug(), "name", team.name(), "domain", domain.slug()));
        return true;
    }

    /**
     * Adds the user to the team in this role unless they already belong to it; tells whether it did. A membership
     * the provider's groups gave becomes one set by hand, in this role, which sign-in then leaves alone.
     */
    @Transactional
    public boolean ensureMembership(String teamSlug, String username, TeamRole role, String actor) {
        Team team = Team.findBySlug(teamSlug)
                .orElseThrow(() -> Refusal.invalid("team", "there is no team '" + teamSlug + "'"));
        User user = User.findByUsername(username)
                .orElseThrow(() -> Refusal.invalid("username", "there is no account '" + username + "'"));
        Optional<TeamMembership> existing = TeamMembership.<TeamMembership>find("team = ?1 and user = ?2", team, user)
                .firstResultOptional();
        if (existing.isPresent()) {
            TeamMembership membership = existing.get();
            if (membership.source() != MembershipSource.PROVIDER) {
                return false;
            }
            TeamRole before = membership.role();
            membership.keepByHand(role);
            journal.record(actor, "identity.membership.kept-by-hand", "team", team.slug(), Map.of("team",
                    team.slug(), "username", user.username(), "before", before.name(), "role", role.name()));
            return true;
        }
        new TeamMembership(team, user, role, clock.instant()).persist();
        journal.record(actor, "identity.membership.added", "team", team.slug(),
                Map.of("team", team.slug(), "username", user.username(), "role", role.name()));
        return true;
    }
}
