package dev.agora.access.api;

import dev.agora.access.application.ProductFollowing;
import dev.agora.catalog.ProductStatus;
import dev.agora.identity.Roles;
import dev.agora.platform.web.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The products the caller follows, personally or through their teams. */
@Path("/api/v1/me/following")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Following")
public class MyFollowingResource {

    /** Who follows on the caller's behalf: the caller (PERSON) or one of their teams, perhaps automatically. */
    public record Through(String kind, String follower, boolean automatic) {}

    /** A followed product. */
    public record FollowedView(String product, String name, ProductStatus status, List<Through> through) {}

    private final ProductFollowing following;
    private final SecurityIdentity identity;

    MyFollowingResource(ProductFollowing following, SecurityIdentity identity) {
        this.following = following;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The products you follow, personally or through your teams (automatic: through a team's "
            + "active access), by name, a page at a time; the total in X-Total-Count")
    public RestResponse<List<FollowedView>> list(@QueryParam("page") String page,
            @QueryParam("size") @Parameter(description = "at most " + Paging.MAX_SIZE) String size) {
        Paging paging = Paging.of(page, size);
        List<FollowedView> all = following.followedBy(identity.getPrincipal().getName()).stream()
                .map(p -> new FollowedView(p.product(), p.name(), p.status(), p.through().stream()
                        .map(t -> new Through(t.kind().name(), t.follower(), t.automatic())).toList()))
                .toList();
        return paging.answer(all);
    }
}
