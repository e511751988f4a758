package dev.agora.identity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agora.identity.GroupMappings;
import dev.agora.identity.Roles;
import dev.agora.platform.web.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * What the identity provider's groups make of people in Agora: {@code agora-admins → ADMIN},
 * {@code sales-owners → OWNER of team sales-analytics}, {@code sales-stewards → STEWARD of domain sales}. A change
 * takes effect at each person's next sign-in.
 */
@Path("/api/v1/admin/group-mappings")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Group mappings from the identity provider (administrators only)")
public class GroupMappingResource {

    /** A mapping as the API shows it: {@code team} only for OWNER and MEMBER, {@code domain} only for STEWARD. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MappingBody(long id, String group, String role, String team, String domain) {

        static MappingBody of(GroupMappings.Mapping mapping) {
            return new MappingBody(mapping.id(), mapping.group(), mapping.role().name(), mapping.team(),
                    mapping.domain());
        }
    }

    /** {@code {"group": "sales-owners", "role": "OWNER", "team": "sales-analytics"}}; checked by the service. */
    public record MappingRequest(String group, String role, String team, String domain) {}

    private final GroupMappings mappings;
    private final SecurityIdentity identity;

    GroupMappingResource(GroupMappings mappings, SecurityIdentity identity) {
        this.mappings = mappings;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The group mappings, optionally of one group; paged")
    public RestResponse<List<MappingBody>> list(@QueryParam("group") String group, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return paging.answer(mappings.list(Optional.ofNullable(group).filter(g -> !g.isEmpty())).stream()
                .map(MappingBody::of).toList());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a group mapping: 201 when new, 200 with the existing one when it is already there")
    public Response put(@NotNull MappingRequest request) {
        GroupMappings.Put put = mappings.put(new GroupMappings.NewMapping(request.group(), request.role(),
                request.team(), request.domain()), actor());
        MappingBody body = MappingBody.of(put.mapping());
        return put.created()
                ? Response.created(URI.create("/api/v1/admin/group-mappings/" + body.id())).entity(body).build()
                : Response.ok(body).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one group mapping")
    public void delete(@PathParam("id") long id) {
        mappings.delete(id, actor());
    }

    @DELETE
    @Operation(summary = "Delete every mapping of a group (?group=…)")
    public void deleteGroup(@QueryParam("group") String group) {
        mappings.deleteGroup(group, actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
