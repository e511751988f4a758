package dev.agora.identity.api;

import dev.agora.identity.Directory;
import dev.agora.identity.Organisation;
import dev.agora.identity.Roles;
import dev.agora.platform.web.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The domains of the organisation as administrators run them; the rules live in {@link Organisation}. */
@Path("/api/v1/admin/domains")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Accounts, domains and teams (administrators only)")
public class DomainAdminResource {

    /** A new domain: {@code {"slug":"sales","name":"Sales","description":"…"}}. */
    public record NewDomainBody(String slug, String name, String description) {}

    /**
     * What to change; an absent field stays as it is. {@code stewards} replaces the stewards set in Agora (those the
     * provider's groups made stay).
     */
    public record DomainChangeBody(String name, String description, Boolean archived, List<String> stewards) {}

    private final Directory directory;
    private final Organisation organisation;
    private final SecurityIdentity identity;

    DomainAdminResource(Directory directory, Organisation organisation, SecurityIdentity identity) {
        this.directory = directory;
        this.organisation = organisation;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "All domains with their teams, stewards and whether they are archived")
    public RestResponse<List<Directory.DomainSummary>> domains(@QueryParam("page") String page,
            @QueryParam("size") String size) {
        return Paging.of(page, size).answer(directory.domains());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a domain")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "a bad slug, a blank or over-long name or description")
    @APIResponse(responseCode = "403", description = "not an administrator")
    @APIResponse(responseCode = "409", description = "a domain with this slug exists")
    public Response create(@NotNull NewDomainBody body) {
        Directory.DomainSummary created = organisation.createDomain(
                new Organisation.NewDomain(body.slug(), body.name(), body.description()), actor());
        return Response.created(URI.create("/api/v1/admin/domains/" + created.slug())).entity(created).build();
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename, describe, archive (no new products) or restore a domain; set its stewards")
    @APIResponse(responseCode = "200", description = "the domain as it is now")
    @APIResponse(responseCode = "400", description = "a blank or over-long name, an unknown steward")
    @APIResponse(responseCode = "403", description = "not an administrator")
    @APIResponse(responseCode = "404", description = "no such domain")
    public Directory.DomainSummary change(@PathParam("slug") String slug, @NotNull DomainChangeBody body) {
        return organisation.changeDomain(slug, new Organisation.DomainChange(body.name(), body.description(),
                body.archived(), body.stewards()), actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
