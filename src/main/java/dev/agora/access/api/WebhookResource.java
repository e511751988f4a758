package dev.agora.access.api;

import dev.agora.access.application.TeamWebhooks;
import dev.agora.access.application.TeamWebhooks.DeliveryView;
import dev.agora.access.application.TeamWebhooks.WebhookView;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import dev.agora.platform.web.Paging;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A team's signed webhooks: the events of chosen products and types POSTed to a URL as CloudEvents, each signed
 * {@code X-Agora-Signature: sha256=<hex HMAC-SHA256 of the body>} with the secret shown once at creation.
 */
@Path("/api/v1/webhooks")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Events of a team's products and requests POSTed to its URL, signed")
public class WebhookResource {

    /** A new webhook; an empty or missing list means all. */
    public record NewWebhook(
            @Schema(description = "https URL that receives the POSTs", examples = "https://hooks.example.com/agora")
            String url,
            @Schema(description = "slug of the team the webhook belongs to", examples = "marketing-insights")
            String team,
            @Schema(description = "product slugs, at most " + TeamWebhooks.MAX_LIST + "; empty: all the team may see")
            List<String> products,
            @Schema(description = "public event types, at most " + TeamWebhooks.MAX_LIST + "; empty: all",
                    examples = "[\"agora.product.version-released\"]")
            List<String> types) {}

    /** The answer to a creation: the webhook and, this once, its signing secret. */
    public record CreatedWebhook(UUID id, String url, String team, List<String> products, List<String> types,
            String createdBy, Instant createdAt,
            @Schema(description = "the HMAC key of X-Agora-Signature; shown only in this answer") String secret) {}

    private final TeamWebhooks webhooks;
    private final SecurityIdentity identity;

    WebhookResource(TeamWebhooks webhooks, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Subscribe a URL to a team's events (members of the team, administrators); the answer "
            + "shows the signing secret once")
    public Response create(NewWebhook body) {
        TeamWebhooks.CreatedWebhook created = webhooks.create(body == null ? null
                : new TeamWebhooks.NewWebhook(body.url(), body.team(), body.products(), body.types()), actor());
        WebhookView view = created.webhook();
        return Response.created(URI.create("/api/v1/webhooks/" + view.id()))
                .entity(new CreatedWebhook(view.id(), view.url(), view.team(), view.products(), view.types(),
                        view.createdBy(), view.createdAt(), created.secret()))
                .build();
    }

    @GET
    @Operation(summary = "The webhooks of a team, or of all your teams (administrators: all); never the secret")
    public List<WebhookView> list(@QueryParam("team") @Parameter(description = "a team's slug") String team) {
        return webhooks.list(team, actor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One webhook of one of your teams")
    public WebhookView get(@PathParam("id") String id) {
        return webhooks.find(uuid(id), actor());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a webhook: deliveries not yet made are dropped")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(uuid(id), actor());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The webhook's deliveries, newest first, a page at a time (X-Total-Count says how many)")
    public RestResponse<List<DeliveryView>> deliveries(@PathParam("id") String id,
            @QueryParam("page") @Parameter(description = "from 0") String page,
            @QueryParam("size") @Parameter(description = "1 to " + Paging.MAX_SIZE + ", default 50") String size) {
        Paging paging = Paging.of(page, size == null ? "50" : size);
        TeamWebhooks.Deliveries deliveries = webhooks.deliveries(uuid(id), actor(), paging.offset(), paging.size());
        return RestResponse.ResponseBuilder.ok(deliveries.page()).header(Paging.TOTAL_HEADER, deliveries.total())
                .build();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a failed delivery again (409 when it is not failed)")
    public Response retry(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        long delivery;
        try {
            delivery = Long.parseLong(deliveryId);
        } catch (NumberFormatException notANumber) {
            throw Refusal.notFound("There is no delivery " + deliveryId + ".");
        }
        webhooks.retry(uuid(id), delivery, actor());
        return Response.accepted().build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw Refusal.notFound("There is no webhook " + id + ".");
        }
    }
}
