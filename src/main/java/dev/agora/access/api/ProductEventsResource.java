package dev.agora.access.api;

import dev.agora.access.activity.ProductActivity;
import dev.agora.identity.Roles;
import dev.agora.platform.web.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A data product's activity: its events as CloudEvents, as far as the viewer may see them. */
@Path("/api/v1/products/{id}/events")
@RolesAllowed(Roles.USER)
@Tag(name = "Catalog")
public class ProductEventsResource {

    /** The CloudEvents JSON batch format: an array of structured events. */
    public static final String BATCH = "application/cloudevents-batch+json";

    private final ProductActivity activity;
    private final SecurityIdentity identity;

    ProductEventsResource(ProductActivity activity, SecurityIdentity identity) {
        this.activity = activity;
        this.identity = identity;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, BATCH})
    @Operation(summary = "The product's events, newest first, as an array of CloudEvents (structured JSON; as "
            + BATCH + " when asked by Accept). Product events for whoever sees the product; access, grant and drift "
            + "events for the owner team, the domain's stewards and administrators; a requester sees the access "
            + "events of their own requests. Kept AGORA_EVENTS_ACTIVITY_RETENTION (400 days by default).")
    @APIResponse(responseCode = "200", description = "A page of events",
            headers = @Header(name = Paging.TOTAL_HEADER, description = "How many events the viewer may see in all"))
    @APIResponse(responseCode = "400", description = "A bad page, size or type")
    @APIResponse(responseCode = "404", description = "No such product, or one the viewer may not see")
    public Response events(@PathParam("id") @Parameter(description = "the product's id or slug") String id,
            @QueryParam("page") @Parameter(description = "0-based page, 0 by default") String page,
            @QueryParam("size") @Parameter(description = "events per page, 1–200, 50 by default") String size,
            @QueryParam("type") @Parameter(description = "only events of this public type, e.g. "
                    + "agora.product.published") String type,
            @Context HttpHeaders headers) {
        Paging paging = Paging.of(page, size == null ? "50" : size);
        ProductActivity.Page events = activity.of(id, identity.getPrincipal().getName(),
                Optional.ofNullable(type).filter(t -> !t.isBlank()), paging);
        String body = events.entries().stream().map(ProductActivity.Entry::cloudEvent)
                .collect(Collectors.joining(",", "[", "]"));
        return Response.ok(body, answeredAs(headers)).header(Paging.TOTAL_HEADER, events.total()).build();
    }

    /** The batch type only when the client prefers it; plain JSON for {@code *}/{@code *} and application/json. */
    private static MediaType answeredAs(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !acceptable.isWildcardType()
                    && !acceptable.isWildcardSubtype()) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
            if ("application".equals(acceptable.getType()) && "cloudevents-batch+json".equals(acceptable.getSubtype())) {
                return MediaType.valueOf(BATCH);
            }
            if (acceptable.isWildcardType() || acceptable.isWildcardSubtype()) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }
}
