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

    /** A lake table of sales-analytics, the team of {@link Products#named(String)}. */
    public static DataLocations.Registration salesTable(String location) {
        return register("sales-analytics", "postgres-table", location);
    }
}
