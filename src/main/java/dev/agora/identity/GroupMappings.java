package dev.agora.identity;

import dev.agora.audit.ChangeJournal;
import dev.agora.platform.Refusal;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The group mappings admins edit: what a provider group makes of its members in Agora. {@link #resolve} turns
 * the groups of one token into the platform role, team places and stewardships that sign-in then follows; the
 * other methods are the administrators' list, put and delete. A change takes effect at each person's next sign-in.
 */
@ApplicationScoped
public class GroupMappings {

    /** What the provider's groups make of someone: ADMIN or not, a role per team, the domains they steward. */
    public record ProviderRoles(boolean admin, Map<String, TeamRole> teams, Set<String> stewardDomains) {

        public ProviderRoles {
            teams = Map.copyOf(teams);
            stewardDomains = Set.copyOf(stewardDomains);
        }
    }

    /** A mapping as administrators see it: {@code team} only for OWNER and MEMBER, {@code domain} only for STEWARD. */
    public record Mapping(long id, String group, GroupMapping.MappedRole role, String team, String domain) {

        static Mapping of(GroupMapping mapping) {
            return new Mapping(mapping.id(), mapping.groupName(), mapping.role(),
                    mapping.team().map(Team::slug).orElse(null), mapping.domain().map(Domain::slug).orElse(null));
        }
    }

    /** A mapping an administrator asks for, as sent: validated by {@link #put}. */
    public record NewMapping(String group, String role, String team, String domain) {}

    /** What {@link #put} did: created the mapping, or found the same one already there. */
    public record Put(Mapping mapping, boolean created) {}

    /** Far more than an organisation maps; bounds what every sign-in has to read. */
    public static final int MAX_MAPPINGS = 2_000;
    public static final int MAX_GROUP_LENGTH = 255;
    private static final Pattern SINGLE_LINE = Pattern.compile("[^\\p{Cntrl}\\u2028\\u2029]*");

    private final OidcSettings oidc;
    private final ChangeJournal journal;
    private final Clock clock;

    GroupMappings(OidcSettings oidc, ChangeJournal journal, Clock clock) {
        this.oidc = oidc;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * The roles the groups give. A client-credentials client's id counts as one of its groups, and a client
     * configured in {@code AGORA_OIDC_CLIENT_TEAMS} is a MEMBER of its team. Where several mappings name one team,
     * OWNER wins over MEMBER.
     */
    public ProviderRoles resolve(Collection<String> groups, Optional<String> clientId) {
        Set<String> names = new TreeSet<>(groups);
        clientId.ifPresent(names::add);
        boolean admin = false;
        Map<String, TeamRole> teams = new LinkedHashMap<>();
        Set<String> stewardDomains = new TreeSet<>();
        List<GroupMapping> mappings = names.isEmpty() ? List.of()
                : GroupMapping.<GroupMapping>find("select g from GroupMapping g left join fetch g.team "
                        + "left join fetch g.domain where g.groupName in ?1", names).list();
        for (GroupMapping mapping : mappings) {
            switch (mapping.role()) {
                case ADMIN -> admin = true;
                case OWNER -> teams.put(mapping.team().orElseThrow().slug(), TeamRole.OWNER);
                case MEMBER -> teams.putIfAbsent(mapping.team().orElseThrow().slug(), TeamRole.MEMBER);
                case STEWARD -> stewardDomains.add(mapping.domain().orElseThrow().slug());
            }
        }
        clientId.map(id -> oidc.clientTeamMap().get(id))
                .filter(team -> Team.findBySlug(team).isPresent())
                .ifPresent(team -> teams.putIfAbsent(team, TeamRole.MEMBER));
        return new ProviderRoles(admin, teams, stewardDomains);
    }

    /** Every mapping, or those of one group, ordered by group, then role. */
    @Transactional
    public List<Mapping> list(Optional<String> group) {
        String query = "select g from GroupMapping g left join fetch g.team left join fetch g.domain ";
        List<GroupMapping> found = group.isPresent()
                ? GroupMapping.<GroupMapping>find(query + "where g.groupName = ?1 order by g.groupName, g.role, g.id",
                        group.get()).list()
                : GroupMapping.<GroupMapping>find(query + "order by g.groupName, g.role, g.id").list();
        return found.stream().map(Mapping::of).toList();
    }

    /** Adds the mapping unless the same one exists, which is then returned as it is (a PUT may be repeated). */
    @Transactional
    public Put put(NewMapping wanted, String actor) {
        Valid valid = validate(wanted);
        lockMappings();
        Optional<GroupMapping> same = GroupMapping.<GroupMapping>find(
                "select g from GroupMapping g left join fetch g.team left join fetch g.domain where g.groupName = ?1 "
                        + "and g.role = ?2", valid.group(), valid.role()).stream()
                .filter(g -> g.team().orElse(null) == valid.team() && g.domain().orElse(null) == valid.domain())
                .findFirst();
        if (same.isPresent()) {
            return new Put(Mapping.of(same.get()), false);
        }
        if (GroupMapping.count() >= MAX_MAPPINGS) {
            throw Refusal.conflict("Agora keeps at most " + MAX_MAPPINGS + " group mappings; delete some first.");
        }
        GroupMapping mapping = new GroupMapping(valid.group(), valid.role(), valid.team(), valid.domain(), actor,
                clock.instant());
        mapping.persist();
        Mapping created = Mapping.of(mapping);
        journal.record(actor, "identity.group-mapping.added", "group-mapping", String.valueOf(created.id()),
                details(created));
        return new Put(created, true);
    }

    /** Deletes one mapping. */
    @Transactional
    public void delete(long id, String actor) {
        lockMappings();
        GroupMapping mapping = GroupMapping.<GroupMapping>find("select g from GroupMapping g left join fetch g.team "
                + "left join fetch g.domain where g.id = ?1", id).firstResultOptional()
                .orElseThrow(() -> Refusal.notFound("There is no group mapping " + id + "."));
        remove(mapping, actor);
    }

    /** Deletes every mapping of the group; tells how many there were. */
    @Transactional
    public int deleteGroup(String group, String actor) {
        String name = checkedGroup(group, new ArrayList<>()).orElseThrow(() -> Refusal.invalid("group",
                "must be 1 to " + MAX_GROUP_LENGTH + " characters on one line"));
        lockMappings();
        List<GroupMapping> mappings = GroupMapping.<GroupMapping>find("select g from GroupMapping g left join fetch "
                + "g.team left join fetch g.domain where g.groupName = ?1", name).list();
        mappings.forEach(mapping -> remove(mapping, actor));
        return mappings.size();
    }

    private void remove(GroupMapping mapping, String actor) {
        Mapping removed = Mapping.of(mapping);
        mapping.delete();
        journal.record(actor, "identity.group-mapping.removed", "group-mapping", String.valueOf(removed.id()),
                details(removed));
    }

    private static Map<String, Object> details(Mapping mapping) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("group", mapping.group());
        details.put("role", mapping.role().name());
        Optional.ofNullable(mapping.team()).ifPresent(team -> details.put("team", team));
        Optional.ofNullable(mapping.domain()).ifPresent(domain -> details.put("domain", domain));
        return details;
    }

    /** Mapping changes one at a time: two equal PUTs at once make one mapping, and the bound holds. */
    private static void lockMappings() {
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('group-mappings'))")
                .getSingleResult();
    }

    private record Valid(String group, GroupMapping.MappedRole role, Team team, Domain domain) {}

    private static Valid validate(NewMapping wanted) {
        if (wanted == null) {
            throw Refusal.invalid("body", "a group mapping needs a group and a role");
        }
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Optional<String> group = checkedGroup(wanted.group(), problems);
        GroupMapping.MappedRole role = null;
        if (wanted.role() == null || wanted.role().isBlank()) {
            problems.add(new Refusal.FieldProblem("role", "must be one of ADMIN, OWNER, MEMBER, STEWARD"));
        } else {
            try {
                role = GroupMapping.MappedRole.valueOf(wanted.role().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                problems.add(new Refusal.FieldProblem("role", "must be one of ADMIN, OWNER, MEMBER, STEWARD, not '"
                        + shortened(wanted.role()) + "'"));
            }
        }
        boolean teamGiven = wanted.team() != null && !wanted.team().isBlank();
        boolean domainGiven = wanted.domain() != null && !wanted.domain().isBlank();
        Team team = null;
        Domain domain = null;
        if (role != null) {
            boolean needsTeam = role == GroupMapping.MappedRole.OWNER || role == GroupMapping.MappedRole.MEMBER;
            boolean needsDomain = role == GroupMapping.MappedRole.STEWARD;
            if (needsTeam && !teamGiven) {
                problems.add(new Refusal.FieldProblem("team", "is needed for the role " + role));
            } else if (needsTeam) {
                team = Team.findBySlug(wanted.team().strip()).orElse(null);
                if (team == null) {
                    problems.add(new Refusal.FieldProblem("team", "there is no team '" + shortened(wanted.team())
                            + "'"));
                }
            } else if (teamGiven) {
                problems.add(new Refusal.FieldProblem("team", "must be empty for the role " + role));
            }
            if (needsDomain && !domainGiven) {
                problems.add(new Refusal.FieldProblem("domain", "is needed for the role " + role));
            } else if (needsDomain) {
                domain = Domain.findBySlug(wanted.domain().strip()).orElse(null);
                if (domain == null) {
                    problems.add(new Refusal.FieldProblem("domain", "there is no domain '"
                            + shortened(wanted.domain()) + "'"));
                }
            } else if (domainGiven) {
                problems.add(new Refusal.FieldProblem("domain", "must be empty for the role " + role));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The group mapping is not valid: " + problems.stream()
                    .map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""), problems);
        }
        return new Valid(group.orElseThrow(), role, team, domain);
    }

    /** Group names are kept exactly as the provider sends them (case and all): only bounded and on one line. */
    private static Optional<String> checkedGroup(String group, List<Refusal.FieldProblem> problems) {
        if (group == null || group.isEmpty() || group.isBlank()) {
            problems.add(new Refusal.FieldProblem("group", "must not be empty"));
            return Optional.empty();
        }
        if (group.length() > MAX_GROUP_LENGTH) {
            problems.add(new Refusal.FieldProblem("group", "must be at most " + MAX_GROUP_LENGTH + " characters"));
            return Optional.empty();
        }
        if (!SINGLE_LINE.matcher(group).matches()) {
            problems.add(new Refusal.FieldProblem("group", "must be a single line without control characters"));
            return Optional.empty();
        }
        return Optional.of(group.strip());
    }

    private static String shortened(String text) {
        String value = text.strip();
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
