package dev.agora.support;

import dev.agora.identity.DataLocations;
import dev.agora.identity.LocationType;
import io.quarkus.arc.Arc;

/**
 * Registers physical data to a team before a spec publishes a port on it, as an administrator would in Admin →
 * Data locations. Idempotent for the same team, so specs may call it in every setup.
 */
public final class Locations {

    public static final String ACTOR = "system:spec";

    private Locations() {
    }

    /** Registers the location (a schema, a table, a prefix, a stream) to the team unless it already is. */
    public static DataLocations.Registration register(String team, String portType, String location) {
        return Arc.container().instance(DataLocations.class).get()
                .ensureRegistered(team, portType, location, ACTOR);
    }

    /** Registers the location to the team, taking it from the team it was registered to (a spec's own setup). */
    public static DataLocations.Registration transfer(String team, String portType, String location) {
        DataLocations locations = Arc.container().instance(DataLocations.class).get();
        String key = LocationType.of(portType).flatMap(type -> type.key(location)).orElseThrow();
        locations.ownerOf(portType, location)
                .filter(owner -> !owner.team().equals(team) && owner.location().equals(key))
                .ifPresent(owner -> locations.unregister(owner.id(), ACTOR));
        return locations.ensureRegistered(team, portType, location, ACTOR);
    }

    /** Takes a registration back, as an administrator would. */
    public static void unregister(DataLocations.Registration registration) {
        Arc.container().instance(DataLocations.class).get().unregister(registration.id(), ACTOR);
    }

    /**
     * A lake table of the spec's own (one described column), registered to the team: for specs that move or
     * unregister data, so that no other spec's product on a shared demo table is affected.
     */
    public static String ownTable(String team, String prefix) {
        String table = "lake." + prefix + "_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (var connection = Arc.container().instance(io.agroal.api.AgroalDataSource.class).get().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id int)");
            statement.execute("COMMENT ON COLUMN " + table + ".id IS 'Key'");
        } catch (java.sql.SQLException failed) {
            throw new IllegalStateException(failed);
        }
        register(team, "postgres-table", table);
        return table;
    }

    /** A lake table of sales-analytics, the team of {@link Products#named(String)}. */
    public static DataLocations.Registration salesTable(String location) {
        return register("sales-analytics", "postgres-table", location);
    }
}
