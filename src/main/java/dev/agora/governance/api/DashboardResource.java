package dev.agora.governance.api;

import dev.agora.governance.Dashboard;
import dev.agora.identity.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The numbers behind the governance dashboard's charts. */
@Path("/api/v1/admin/dashboard")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class DashboardResource {

    private final Dashboard dashboard;
    private final SecurityIdentity identity;

    DashboardResource(Dashboard dashboard, SecurityIdentity identity) {
        this.dashboard = dashboard;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The dashboard's figures: requests per week by outcome, median and p90 time to a decision "
            + "and the most requested products (for requests made from..to); products per domain by status, "
            + "pending requests by age and grants by engine (as they stand now)")
    @APIResponse(responseCode = "200", description = "the figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Dashboard.Figures.class)))
    @APIResponse(responseCode = "400", description = "not an ISO date, from after to, or more than two years")
    @APIResponse(responseCode = "403", description = "not an administrator")
    public Dashboard.Figures figures(
            @Parameter(description = "first day (UTC, yyyy-MM-dd, included); default: twelve weeks before to")
            @QueryParam("from") String from,
            @Parameter(description = "last day (UTC, yyyy-MM-dd, included); default: today")
            @QueryParam("to") String to) {
        String actor = identity.getPrincipal().getName();
        return dashboard.figures(dashboard.period(from, to), actor);
    }
}
