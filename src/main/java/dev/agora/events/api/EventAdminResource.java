package dev.agora.events.api;

import dev.agora.events.relay.FailedEvents;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import dev.agora.platform.web.QueryParameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Events the relay parked as failed for a publisher, and re-driving them. */
@Path("/api/v1/admin/events")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class EventAdminResource {

    private static final Pattern PUBLISHER = Pattern.compile("[a-z0-9-]{1,40}");

    public record Redriven(String id, List<String> publishers) {}

    private final FailedEvents failed;
    private final SecurityIdentity identity;

    EventAdminResource(FailedEvents failed, SecurityIdentity identity) {
        this.failed = failed;
        this.identity = identity;
    }

    @GET
    @Path("/failed")
    @Operation(summary = "Events parked as failed after too many attempts, oldest first (limit 1-500, default 100; "
            + "optionally of one publisher)")
    public List<FailedEvents.FailedEvent> failed(@QueryParam("publisher") String publisher,
            @QueryParam("limit") String limit) {
        if (publisher != null && !PUBLISHER.matcher(publisher).matches()) {
            throw Refusal.invalid("publisher", "must be a publisher name such as in-process, kinesis or webhooks");
        }
        return failed.list(Optional.ofNullable(publisher),
                QueryParameters.integer("limit", limit, 100, 1, FailedEvents.MAX_LIMIT));
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(summary = "Put a parked event back in line for every publisher it failed for, attempts afresh")
    public Redriven redrive(@PathParam("id") String id) {
        UUID eventId;
        try {
            eventId = id.length() == 36 ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException notUuid) {
            eventId = null;
        }
        if (eventId == null) {
            throw Refusal.invalid("id", "must be an event id (a UUID)");
        }
        return new Redriven(eventId.toString(), failed.redrive(identity.getPrincipal().getName(), eventId));
    }
}
