package dev.agora.identity.api;

import dev.agora.identity.Directory;
import dev.agora.identity.Roles;
import dev.agora.platform.web.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The organisation as administrators manage it: domains and teams (accounts: {@link AccountAdminResource}). */
@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Accounts, domains and teams (administrators only)")
public class DirectoryAdminResource {

    /** Names and addresses end up in mail headers and logs: one line, no control characters. */
    static final String SINGLE_LINE = "[^\\p{Cntrl}\\u2028\\u2029]*";
    static final String SINGLE_LINE_MESSAGE = "must be a single line without control characters";
    /** Hashing is deliberately slow: an unbounded password would make it a lever for denial of service. */
    static final int MAX_PASSWORD = 1024;

    private final Directory directory;
    private final SecurityIdentity identity;

    DirectoryAdminResource(Directory directory, SecurityIdentity identity) {
        this.directory = directory;
        this.identity = identity;
    }

    @GET
    @Path("/domains")
    @Operation(summary = "All domains with their teams and stewards")
    public RestResponse<List<Directory.DomainSummary>> domains(@QueryParam("page") String page,
            @QueryParam("size") String size) {
        return Paging.of(page, size).answer(directory.domains());
    }

    @GET
    @Path("/teams")
    @Operation(summary = "All teams with their members by role")
    public RestResponse<List<Directory.TeamSummary>> teams(@QueryParam("page") String page,
            @QueryParam("size") String size) {
        return Paging.of(page, size).answer(directory.teams());
    }

    /** A team's settings. */
    public record TeamSettings(
            @Size(max = 2048) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String awsPrincipalArn) {}

    @jakarta.ws.rs.PUT
    @Path("/teams/{slug}")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a team's AWS principal (IAM role or Identity Center group ARN) for Lake Formation grants")
    public Directory.TeamSummary updateTeam(@PathParam("slug") String slug, @Valid @NotNull TeamSettings settings) {
        return directory.useAwsPrincipal(slug, settings.awsPrincipalArn(), actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
