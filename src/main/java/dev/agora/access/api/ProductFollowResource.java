package dev.agora.access.api;

import dev.agora.access.application.ProductFollowing;
import dev.agora.access.application.ProductFollowing.FollowState;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Following a product, personally or for a team: a sub-resource of the catalog's product path kept in access (the
 * catalog does not know who follows), matched by JAX-RS before the catalog's {@code /api/v1/products/{id}}.
 */
@Path("/api/v1/products/{id}/follow")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Following", description = "Follow products to hear of new versions, schema changes and deprecation")
public class ProductFollowResource {

    /** Whom the follow is for: a team's slug, or nothing (or no body at all) for the caller personally. */
    public record FollowRequest(String team) {}

    /** Whether one follower follows the product; {@code automatic}: only through the team's active access. */
    public record FollowView(String product, String follower, String kind, boolean following, boolean automatic) {
        static FollowView of(FollowState state) {
            return new FollowView(state.product(), state.follower(), state.kind().name(), state.following(),
                    state.automatic());
        }
    }

    /** How the caller follows the product: personally and for each of their teams. */
    public record CallerFollowView(String product, FollowView personally, List<FollowView> teams) {}

    private final ProductFollowing following;
    private final SecurityIdentity identity;

    ProductFollowResource(ProductFollowing following, SecurityIdentity identity) {
        this.following = following;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow the product, personally (no body, or no team) or for one of your teams "
            + "(members of the team and administrators); 201 when the follow starts, 200 when it was already so")
    @RequestBody(required = false)
    @APIResponse(responseCode = "201", description = "now following")
    @APIResponse(responseCode = "200", description = "already following; nothing changed")
    @APIResponse(responseCode = "400", description = "not a team's slug, or no such team")
    @APIResponse(responseCode = "403", description = "not a member of the team")
    @APIResponse(responseCode = "404", description = "no such product, or one the follower may not see")
    public Response follow(@PathParam("id") @Parameter(description = "the product's id or slug") String id,
            FollowRequest body) {
        ProductFollowing.Change change = following.follow(id, body == null ? null : body.team(), me());
        return Response.status(change.started() ? Response.Status.CREATED : Response.Status.OK)
                .entity(FollowView.of(change.state())).build();
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stop following the product, personally or for one of your teams (?team= or a body "
            + "{\"team\": …}); a team's unfollow also stops its automatic following through active access")
    @RequestBody(required = false)
    @APIResponse(responseCode = "204", description = "not following (also when it did not before)")
    public void unfollow(@PathParam("id") @Parameter(description = "the product's id or slug") String id,
            @QueryParam("team") @Parameter(description = "the team's slug") String team, FollowRequest body) {
        following.unfollow(id, teamOf(team, body), me());
    }

    @GET
    @Operation(summary = "How you follow the product: personally, and for each of your teams (automatic: through "
            + "the team's active access)")
    public CallerFollowView state(@PathParam("id") @Parameter(description = "the product's id or slug") String id) {
        ProductFollowing.ViewerState state = following.stateOf(id, me());
        return new CallerFollowView(state.product(), FollowView.of(state.personally()),
                state.teams().stream().map(FollowView::of).toList());
    }

    private static String teamOf(String query, FollowRequest body) {
        String fromBody = body == null || body.team() == null || body.team().isBlank() ? null : body.team().strip();
        String fromQuery = query == null || query.isBlank() ? null : query.strip();
        if (fromBody != null && fromQuery != null && !fromBody.equals(fromQuery)) {
            throw Refusal.invalid("team", "names two teams ('" + fromQuery + "' in the query, '" + fromBody
                    + "' in the body); name one");
        }
        return fromBody != null ? fromBody : fromQuery;
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
