package dev.agora.platform.web;

import dev.agora.platform.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Paths under /api that no resource serves would otherwise fall through to the web UI and answer with an HTML
 * page; the API answers 404 problem+json instead.
 */
@Path("/api/{unknown: .*}")
@PermitAll
public class UnknownApiPathResource {

    @GET
    @Operation(hidden = true)
    public void get(@PathParam("unknown") String unknown) {
        throw nothingAt(unknown);
    }

    @POST
    @Operation(hidden = true)
    public void post(@PathParam("unknown") String unknown) {
        throw nothingAt(unknown);
    }

    @PUT
    @Operation(hidden = true)
    public void put(@PathParam("unknown") String unknown) {
        throw nothingAt(unknown);
    }

    @PATCH
    @Operation(hidden = true)
    public void patch(@PathParam("unknown") String unknown) {
        throw nothingAt(unknown);
    }

    @DELETE
    @Operation(hidden = true)
    public void delete(@PathParam("unknown") String unknown) {
        throw nothingAt(unknown);
    }

    private static Refusal nothingAt(String unknown) {
        return Refusal.notFound("There is nothing at /api/" + unknown + ".");
    }
}
