package dev.agora.identity.api;

import dev.agora.identity.DataLocations;
import dev.agora.identity.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Physical data registered to its owner team. Signed-in users reach it; the service decides (administrators
 * for any team, stewards of a domain for its teams), so that stewards need not be administrators.
 */
@Path("/api/v1/admin/locations")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Data locations registered to their owner teams")
public class DataLocationResource {

    /** A location to register: {@code {"team": "sales-analytics", "portType": "postgres-table", "location": "lake"}}. */
    public record NewLocation(String team, String portType, String location) {}

    private final DataLocations locations;
    private final SecurityIdentity identity;

    DataLocationResource(DataLocations locations, SecurityIdentity identity) {
        this.locations = locations;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Registered data locations (administrators: all; stewards: their domains'), paged")
    public DataLocations.Page list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return locations.list(actor(), page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a PostgreSQL schema or table, Glue database or table, S3 prefix or Kinesis stream "
            + "to a team")
    public Response register(@NotNull NewLocation body) {
        DataLocations.Registration registration = locations.register(body.team(), body.portType(), body.location(),
                actor());
        return Response.created(URI.create("/api/v1/admin/locations/" + registration.id())).entity(registration)
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unregister a data location: ports on it can no longer be published or granted")
    public void unregister(@PathParam("id") long id) {
        locations.unregister(id, actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
