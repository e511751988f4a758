package dev.agora.access.api;

import dev.agora.access.application.Notifications;
import dev.agora.identity.Roles;
import dev.agora.platform.web.Paging;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the signed-in person has been told about access requests and the products they follow. */
@Path("/api/v1/notifications")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access requests")
public class NotificationResource {

    /** A notification: about an access request ({@code requestId}) or a followed product ({@code product}). */
    public record NotificationView(long id, String kind, String message, UUID requestId, String product,
            Instant createdAt, boolean read) {}

    private final Notifications notifications;
    private final SecurityIdentity identity;

    NotificationResource(Notifications notifications, SecurityIdentity identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Your latest notifications, newest first, a page at a time (limit is the older name of size)")
    public List<NotificationView> latest(@QueryParam("limit") String limit, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Paging paging = size == null && limit != null
                ? new Paging(Paging.of(page, null).page(), QueryParameters.integer("limit", limit, 50, 1,
                        Paging.MAX_SIZE))
                : Paging.of(page, size == null ? "50" : size);
        int newest = (int) Math.min(Integer.MAX_VALUE, paging.offset() + paging.size());
        return paging.slice(notifications.latest(me(), newest)).stream()
                .map(n -> new NotificationView(n.id, n.kind, n.message, n.requestId, n.productSlug, n.createdAt,
                        n.readAt != null))
                .toList();
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark a notification as read")
    public void read(@PathParam("id") long id) {
        notifications.markRead(me(), id);
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark all your notifications as read")
    public void readAll() {
        notifications.markAllRead(me());
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
