package dev.agora.identity;

import dev.agora.audit.ChangeJournal;
import dev.agora.platform.LakeDatabase;
import dev.agora.platform.PostgresName;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which team owns which physical data. Administrators register locations for any team, stewards of a domain for
 * the teams of their domain; a location belongs to one team only, and a table's registration wins over its
 * schema's. Ports, harvesting and the grant engines ask here before they touch data.
 */
@ApplicationScoped
public class DataLocations {

    public static final int MAX_PAGE_SIZE = 200;

    /** A registered location as the API and the Admin screen show it. */
    public record Registration(long id, String portType, String location, String team, String domain,
            String registeredBy, Instant registeredAt) {

        static Registration of(DataLocation row) {
            return new Registration(row.id(), row.portType(), row.locationKey(), row.team().slug(),
                    row.team().domain().slug(), row.registeredBy(), row.registeredAt());
        }
    }

    /** A page of registrations. */
    public record Page(List<Registration> items, int page, int size, long total) {}

    private final Directory directory;
    private final LakeDatabase lake;
    private final ChangeJournal journal;
    private final Clock clock;

    DataLocations(Directory directory, LakeDatabase lake, ChangeJournal journal, Clock clock) {
        this.directory = directory;
        this.lake = lake;
        this.journal = journal;
        this.clock = clock;
    }

    /** The one rule of who registers data to a team: administrators, and stewards of the team's domain. */
    public boolean mayRegisterFor(AccountProfile actor, String teamSlug) {
        if (actor.isAdmin()) {
            return true;
        }
        return Team.findBySlug(teamSlug).map(team -> actor.stewardOf().contains(team.domain().slug())).orElse(false);
    }

    /** Whether the actor may see and manage registrations at all: administrators and stewards. */
    public boolean mayManage(String actor) {
        AccountProfile profile = profile(actor);
        return profile.isAdmin() || !profile.stewardOf().isEmpty();
    }

    /** Registers the location to the team; refused when it is registered already (to whichever team). */
    @Transactional
    public Registration register(String teamSlug, String portType, String location, String actor) {
        Checked checked = check(teamSlug, portType, location, actor);
        Optional<DataLocation> existing = find(checked.type(), checked.key());
        if (existing.isPresent()) {
            throw Refusal.conflict(checked.key() + " (" + checked.type() + ") is registered to team '"
                    + existing.get().team().slug() + "' already; a location belongs to one team only.");
        }
        DataLocation row = new DataLocation(checked.type(), location.strip(), checked.key(), checked.team(), actor,
                clock.instant());
        try {
            row.persistAndFlush();
        } catch (PersistenceException raced) {
            throw Refusal.conflict(checked.key() + " (" + checked.type() + ") was registered by someone else "
                    + "meanwhile; a location belongs to one team only.");
        }
        journal.record(actor, "identity.data-location.registered", "data-location", row.id().toString(),
                details(row));
        return Registration.of(row);
    }

    /** Registers the location to the team unless it already is (the demo seed); another owner is refused. */
    @Transactional
    public Registration ensureRegistered(String teamSlug, String portType, String location, String actor) {
        Checked checked = check(teamSlug, portType, location, actor);
        Optional<DataLocation> existing = find(checked.type(), checked.key());
        if (existing.isPresent() && existing.get().team().slug().equals(teamSlug)) {
            return Registration.of(existing.get());
        }
        return register(teamSlug, portType, location, actor);
    }

    /** Takes a registration back: ports on it can no longer be published, and its grants are no longer applied. */
    @Transactional
    public void unregister(long id, String actor) {
        DataLocation row = DataLocation.<DataLocation>findByIdOptional(id)
                .orElseThrow(() -> Refusal.notFound("There is no registered data location " + id + "."));
        if (!mayRegisterFor(profile(actor), row.team().slug())) {
            throw Refusal.forbidden(refusalFor(row.team()));
        }
        Map<String, Object> details = details(row);
        row.delete();
        journal.record(actor, "identity.data-location.unregistered", "data-location", Long.toString(id), details);
    }

    /** The registrations the actor may manage (administrators: all; stewards: their domains'), by location. */
    @Transactional
    public Page list(String actor, int page, int size) {
        if (page < 0 || page > 1_000_000) {
            throw Refusal.invalid("page", "must be between 0 and 1000000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Refusal.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        AccountProfile profile = profile(actor);
        String query = "select l from DataLocation l join fetch l.team t join fetch t.domain d";
        io.quarkus.hibernate.orm.panache.PanacheQuery<DataLocation> rows;
        if (profile.isAdmin()) {
            rows = DataLocation.find(query + " order by l.portType, l.locationKey");
        } else if (!profile.stewardOf().isEmpty()) {
            rows = DataLocation.find(query + " where d.slug in ?1 order by l.portType, l.locationKey",
                    profile.stewardOf());
        } else {
            throw Refusal.forbidden("Only administrators and stewards manage data locations.");
        }
        long total = profile.isAdmin() ? DataLocation.count()
                : DataLocation.count("team.domain.slug in ?1", profile.stewardOf());
        return new Page(rows.page(page, size).list().stream().map(Registration::of).toList(), page, size, total);
    }

    /** The registration that owns a port's location: the most specific one containing it (a table before its schema). */
    @Transactional
    public Optional<Registration> ownerOf(String portType, String portLocation) {
        Optional<LocationType> type = LocationType.of(portType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        for (String key : type.get().enclosingKeys(portLocation)) {
            Optional<DataLocation> row = find(type.get(), key);
            if (row.isPresent()) {
                return row.map(Registration::of);
            }
        }
        return Optional.empty();
    }

    /**
     * Why a port of the team may not name this location, if it may not: data Agora never grants, data not
     * registered, or registered to another team (named by its slug, nothing more).
     */
    @Transactional
    public Optional<String> portProblem(String portType, String portLocation, String teamSlug) {
        Optional<String> never = neverGrantable(portType, portLocation);
        if (never.isPresent()) {
            return never;
        }
        Optional<Registration> owner = ownerOf(portType, portLocation);
        if (owner.isPresent() && owner.get().team().equals(teamSlug)) {
            return Optional.empty();
        }
        String who = Team.findBySlug(teamSlug)
                .map(team -> "; an administrator or a steward of domain " + team.domain().slug()
                        + " can register it in Admin → Data locations")
                .orElse("");
        String where = portLocation == null ? "" : portLocation.strip();
        if (owner.isPresent()) {
            return Optional.of(where + " is registered to team " + owner.get().team() + ", not to team " + teamSlug
                    + who);
        }
        return Optional.of(where + " is not registered to team " + teamSlug + who);
    }

    /** Why Agora never grants on a port's location, whatever is registered: PostgreSQL's and Agora's own schemas. */
    public Optional<String> neverGrantable(String portType, String portLocation) {
        return neverGrantable(portType, portLocation, true);
    }

    private Optional<String> neverGrantable(String portType, String location, boolean port) {
        if (!LocationType.POSTGRES_TABLE.wireName().equals(portType) || location == null) {
            return Optional.empty();
        }
        // a port's lone name is a table in public; a registration's lone name is a schema
        return PostgresName.parse(location, 2).value()
                .map(name -> port && name.isSchema() ? "public" : name.schema())
                .flatMap(lake::neverGrantable);
    }

    // --- internals ------------------------------------------------------------------------------------------

    private record Checked(LocationType type, String key, Team team) {}

    private Checked check(String teamSlug, String portType, String location, String actor) {
        List<Refusal.FieldProblem> problems = new java.util.ArrayList<>();
        Optional<Team> team = teamSlug == null || teamSlug.isBlank() ? Optional.empty() : Team.findBySlug(teamSlug);
        if (team.isEmpty()) {
            problems.add(new Refusal.FieldProblem("team", teamSlug == null || teamSlug.isBlank() ? "is required"
                    : "there is no team '" + teamSlug + "'"));
        }
        Optional<LocationType> type = portType == null ? Optional.empty() : LocationType.of(portType);
        Optional<String> key = Optional.empty();
        if (type.isEmpty()) {
            problems.add(new Refusal.FieldProblem("portType", "must be one of " + LocationType.names()));
        } else {
            key = type.get().key(location);
            if (key.isEmpty()) {
                problems.add(new Refusal.FieldProblem("location", type.get().form()));
            } else {
                neverGrantable(type.get().wireName(), key.get(), false)
                        .ifPresent(reason -> problems.add(new Refusal.FieldProblem("location", reason)));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The data location is not valid: " + problems.stream()
                    .map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse("") + ".",
                    problems);
        }
        if (!mayRegisterFor(profile(actor), teamSlug)) {
            throw Refusal.forbidden(refusalFor(team.get()));
        }
        return new Checked(type.get(), key.get(), team.get());
    }

    private static String refusalFor(Team team) {
        return "Only administrators and stewards of domain " + team.domain().slug()
                + " register data locations for team " + team.slug() + ".";
    }

    private static Optional<DataLocation> find(LocationType type, String key) {
        return DataLocation.find("portType = ?1 and locationKey = ?2", type.wireName(), key).firstResultOptional();
    }

    private AccountProfile profile(String actor) {
        if (SystemActor.is(actor)) {
            return SystemActor.profile(actor);
        }
        return directory.profile(actor).orElseThrow(() -> Refusal.forbidden("There is no account '" + actor + "'."));
    }

    private static Map<String, Object> details(DataLocation row) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("portType", row.portType());
        details.put("location", row.locationKey());
        details.put("team", row.team().slug());
        return details;
    }
}
