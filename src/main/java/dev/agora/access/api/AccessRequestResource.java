package dev.agora.access.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.agora.access.Permission;
import dev.agora.access.Principal;
import dev.agora.access.RequestStatus;
import dev.agora.access.application.AccessRequestView;
import dev.agora.access.application.AccessQueries;
import dev.agora.access.application.AccessRequests;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import dev.agora.platform.web.Paging;
import dev.agora.platform.web.QueryParameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Requesting access to data products and deciding on requests. */
@Path("/api/v1/access-requests")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access requests", description = "Request access, decide, extend, revoke")
public class AccessRequestResource {

    /** A port by name ("orders") or narrowed to columns ({"name": "orders", "columns": ["order_id"]}). */
    public record PortRequest(String name, List<String> columns) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static PortRequest named(String name) {
            return new PortRequest(name, List.of());
        }
    }

    /**
     * Whom the access is for: {"type": "TEAM", "name": "marketing-insights"}; the caller when left out.
     * Enumerated values arrive as text, so that an unknown one is named with every other problem of the body.
     */
    public record PrincipalRequest(@Schema(enumeration = {"USER", "TEAM"}) String type, String name) {}

    /** A new request. */
    public record NewRequest(String product, List<PortRequest> ports, PrincipalRequest principal,
            @Schema(enumeration = {"READ", "WRITE"}) String permission, String justification, Integer durationDays) {}

    /** One product of a basket. */
    public record BasketItem(String product, List<PortRequest> ports) {}

    /** Several products requested together, with one justification. */
    public record BasketRequest(List<BasketItem> items, PrincipalRequest principal,
            @Schema(enumeration = {"READ", "WRITE"}) String permission, String justification, Integer durationDays) {}

    /** An approval, optionally shortening the duration, optionally with a comment. */
    public record Approval(Integer durationDays, String comment) {}

    /** A rejection or a revocation: the reason is required. */
    public record Reasoned(String reason) {}

    /** More time for active access. */
    public record ExtensionRequest(Integer durationDays, String reason) {}

    /** Approving several requests at once. */
    public record BulkApproval(List<UUID> ids, String comment) {}

    private final AccessRequests requests;
    private final AccessQueries queries;
    private final SecurityIdentity identity;

    AccessRequestResource(AccessRequests requests, AccessQueries queries, SecurityIdentity identity) {
        this.requests = requests;
        this.queries = queries;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Request access to one product's ports (all ports when none are named)")
    public Response submit(@NotNull NewRequest body) {
        AccessInput input = AccessInput.checking();
        Optional<Principal> principal = input.principal("principal", body.principal());
        Optional<Permission> permission = input.permission("permission", body.permission());
        input.singleLine("product", body.product(), AccessInput.MAX_NAME)
                .ports("ports", body.ports())
                .justification("justification", body.justification())
                .orRefuse("The request cannot be submitted");
        AccessRequestView created = requests.submit(new AccessRequests.NewRequest(body.product(), ports(body.ports()),
                principal.orElse(null), permission.orElse(null), body.justification(), body.durationDays()), actor());
        return Response.created(URI.create("/api/v1/access-requests/" + created.id())).entity(seenByCaller(created))
                .build();
    }

    @POST
    @Path("/basket")
    @Operation(summary = "Request access to several products at once: one request per product, one submission")
    public Response submitBasket(@NotNull BasketRequest body) {
        AccessInput input = AccessInput.checking();
        Optional<Principal> principal = input.principal("principal", body.principal());
        Optional<Permission> permission = input.permission("permission", body.permission());
        input.count("items", body.items(), AccessInput.MAX_BASKET_ITEMS)
                .noNulls("items", body.items(), "must name a data product");
        if (body.items() != null && body.items().size() <= AccessInput.MAX_BASKET_ITEMS) {
            for (int i = 0; i < body.items().size(); i++) {
                BasketItem item = body.items().get(i);
                if (item != null) {
                    input.singleLine("items[" + i + "].product", item.product(), AccessInput.MAX_NAME)
                            .ports("items[" + i + "].ports", item.ports());
                }
            }
        }
        input.justification("justification", body.justification()).orRefuse("The basket cannot be submitted");
        AccessRequests.Submission submission = requests.submitBasket(body.items() == null ? null : body.items().stream()
                        .map(item -> new AccessRequests.BasketItem(item.product(), ports(item.ports())))
                        .toList(),
                principal.orElse(null), permission.orElse(null), body.justification(), body.durationDays(), actor());
        return Response.created(URI.create("/api/v1/access-requests/submissions/" + submission.submissionId()))
                .entity(new AccessRequests.Submission(submission.submissionId(),
                        submission.requests().stream().map(this::seenByCaller).toList())).build();
    }

    @GET
    @Operation(summary = "Your requests (view=mine) or those waiting for your decision (view=inbox), a page at a "
            + "time (X-Total-Count says how many in all)")
    public RestResponse<List<AccessRequestView>> list(@QueryParam("view") @DefaultValue("mine") String view,
            @QueryParam("status") List<String> status, @QueryParam("page") String page,
            @QueryParam("size") @Parameter(description = "at most " + Paging.MAX_SIZE) String size) {
        Set<RequestStatus> statuses = QueryParameters.enums("status", status, RequestStatus.class);
        Paging paging = Paging.of(page, size);
        List<AccessRequestView> all = switch (view) {
            case "mine" -> queries.mine(actor(), statuses);
            case "inbox" -> queries.inbox(actor(), statuses);
            default -> throw Refusal.invalid("view", "must be mine or inbox");
        };
        return RestResponse.ResponseBuilder.ok(paging.slice(all).stream().map(this::seenByCaller).toList())
                .header(Paging.TOTAL_HEADER, all.size()).build();
    }

    @GET
    @Path("/submissions/{submissionId}")
    @Operation(summary = "The requests of one submission (a basket)")
    public List<AccessRequestView> submission(@PathParam("submissionId") String submissionId) {
        return queries.submission(uuid(submissionId), actor()).stream().map(this::seenByCaller).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One request with its steps, history and grants")
    public AccessRequestView get(@PathParam("id") String id) {
        return seenByCaller(queries.find(uuid(id), actor()));
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve (or approve a pending extension); optionally shorten the duration")
    public AccessRequestView approve(@PathParam("id") String id, Approval body) {
        AccessInput.checking().multiLine("comment", body == null ? null : body.comment(), AccessInput.MAX_REASON)
                .orRefuse("The approval cannot be recorded");
        return seenByCaller(requests.approve(uuid(id), actor(), body == null ? null : body.durationDays(),
                body == null ? null : body.comment()));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Reject (or reject a pending extension); the reason is required")
    public AccessRequestView reject(@PathParam("id") String id, Reasoned body) {
        reasonWithinBounds(body);
        return seenByCaller(requests.reject(uuid(id), actor(), body == null ? null : body.reason()));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Withdraw your own pending request")
    public AccessRequestView cancel(@PathParam("id") String id) {
        return seenByCaller(requests.cancel(uuid(id), actor()));
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "Take access back (owners of the product's team and administrators)")
    public AccessRequestView revoke(@PathParam("id") String id, Reasoned body) {
        reasonWithinBounds(body);
        return seenByCaller(requests.revoke(uuid(id), actor(), body == null ? null : body.reason()));
    }

    @POST
    @Path("/{id}/extend")
    @Operation(summary = "Ask to keep active access longer; it stays active while approvers decide")
    public AccessRequestView extend(@PathParam("id") String id, @NotNull ExtensionRequest body) {
        AccessInput input = AccessInput.checking().multiLine("reason", body.reason(), AccessInput.MAX_REASON);
        if (body.durationDays() == null) {
            input.problem("durationDays", "must say how many days more");
        }
        input.orRefuse("The extension cannot be asked for");
        return seenByCaller(requests.extend(uuid(id), actor(), body.durationDays(), body.reason()));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Apply failed grants again (owners of the product's team and administrators)")
    public AccessRequestView retry(@PathParam("id") String id) {
        return seenByCaller(requests.retryGrants(uuid(id), actor()));
    }

    @POST
    @Path("/bulk-approve")
    @Operation(summary = "Approve several requests; each answer says whether it was done and why not")
    public List<AccessRequests.BulkOutcome> bulkApprove(@NotNull BulkApproval body) {
        if (body.ids() == null || body.ids().isEmpty()) {
            throw Refusal.invalid("ids", "must name at least one request");
        }
        AccessInput.checking().count("ids", body.ids(), AccessInput.MAX_BULK_IDS)
                .noNulls("ids", body.ids(), "must be the id of a request")
                .multiLine("comment", body.comment(), AccessInput.MAX_REASON)
                .orRefuse("The requests cannot be approved");
        return requests.approveAll(body.ids(), actor(), body.comment());
    }

    /** Grant engines' error texts are for the product's owners and administrators; others read a plain sentence. */
    private AccessRequestView seenByCaller(AccessRequestView request) {
        return queries.mayRevoke(request, actor()) ? request : request.withoutEngineDetails();
    }

    private static void reasonWithinBounds(Reasoned body) {
        AccessInput.checking().multiLine("reason", body == null ? null : body.reason(), AccessInput.MAX_REASON)
                .orRefuse("The reason cannot be recorded");
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static List<AccessRequests.PortChoice> ports(List<PortRequest> ports) {
        return ports == null ? null : ports.stream()
                .map(port -> port == null ? null : new AccessRequests.PortChoice(port.name(), port.columns()))
                .toList();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw Refusal.notFound("There is no access request " + id + ".");
        }
    }

}
