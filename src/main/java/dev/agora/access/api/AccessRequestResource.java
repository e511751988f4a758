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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

    /** Whom the access is for: {"type": "TEAM", "name": "marketing-insights"}; the caller when left out. */
    public record PrincipalRequest(Principal.Type type, String name) {
        Principal toPrincipal() {
            if (type == null || name == null || name.isBlank()) {
                throw Refusal.invalid("principal", "must have a type (USER or TEAM) and a name");
            }
            return new Principal(type, name.strip());
        }
    }

    /** A new request. */
    public record NewRequest(String product, List<PortRequest> ports, PrincipalRequest principal,
            Permission permission, String justification, Integer durationDays) {}

    /** One product of a basket. */
    public record BasketItem(String product, List<PortRequest> ports) {}

    /** Several products requested together, with one justification. */
    public record BasketRequest(List<BasketItem> items, PrincipalRequest principal, Permission permission,
            String justification, Integer durationDays) {}

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
        AccessRequestView created = requests.submit(new AccessRequests.NewRequest(body.product(), ports(body.ports()),
                body.principal() == null ? null : body.principal().toPrincipal(), body.permission(),
                body.justification(), body.durationDays()), actor());
        return Response.created(URI.create("/api/v1/access-requests/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/basket")
    @Operation(summary = "Request access to several products at once: one request per product, one submission")
    public Response submitBasket(@NotNull BasketRequest body) {
        AccessRequests.Submission submission = requests.submitBasket(body.items() == null ? null : body.items().stream()
                        .map(item -> item == null ? null : new AccessRequests.BasketItem(item.product(), ports(item.ports())))
                        .toList(),
                body.principal() == null ? null : body.principal().toPrincipal(), body.permission(),
                body.justification(), body.durationDays(), actor());
        return Response.created(URI.create("/api/v1/access-requests/submissions/" + submission.submissionId()))
                .entity(submission).build();
    }

    @GET
    @Operation(summary = "Your requests (view=mine) or those waiting for your decision (view=inbox)")
    public List<AccessRequestView> list(@QueryParam("view") @DefaultValue("mine") String view,
            @QueryParam("status") List<String> status) {
        Set<RequestStatus> statuses = statuses(status);
        return switch (view) {
            case "mine" -> queries.mine(actor(), statuses);
            case "inbox" -> queries.inbox(actor(), statuses);
            default -> throw Refusal.invalid("view", "must be mine or inbox");
        };
    }

    @GET
    @Path("/submissions/{submissionId}")
    @Operation(summary = "The requests of one submission (a basket)")
    public List<AccessRequestView> submission(@PathParam("submissionId") String submissionId) {
        return queries.submission(uuid(submissionId), actor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One request with its steps, history and grants")
    public AccessRequestView get(@PathParam("id") String id) {
        return queries.find(uuid(id), actor());
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve (or approve a pending extension); optionally shorten the duration")
    public AccessRequestView approve(@PathParam("id") String id, Approval body) {
        return requests.approve(uuid(id), actor(), body == null ? null : body.durationDays(),
                body == null ? null : body.comment());
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Reject (or reject a pending extension); the reason is required")
    public AccessRequestView reject(@PathParam("id") String id, Reasoned body) {
        return requests.reject(uuid(id), actor(), body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Withdraw your own pending request")
    public AccessRequestView cancel(@PathParam("id") String id) {
        return requests.cancel(uuid(id), actor());
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "Take access back (owners of the product's team and administrators)")
    public AccessRequestView revoke(@PathParam("id") String id, Reasoned body) {
        return requests.revoke(uuid(id), actor(), body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/extend")
    @Operation(summary = "Ask to keep active access longer; it stays active while approvers decide")
    public AccessRequestView extend(@PathParam("id") String id, @NotNull ExtensionRequest body) {
        if (body.durationDays() == null) {
            throw Refusal.invalid("durationDays", "must say how many days more");
        }
        return requests.extend(uuid(id), actor(), body.durationDays(), body.reason());
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Apply failed grants again (owners of the product's team and administrators)")
    public AccessRequestView retry(@PathParam("id") String id) {
        return requests.retryGrants(uuid(id), actor());
    }

    @POST
    @Path("/bulk-approve")
    @Operation(summary = "Approve several requests; each answer says whether it was done and why not")
    public List<AccessRequests.BulkOutcome> bulkApprove(@NotNull BulkApproval body) {
        if (body.ids() == null || body.ids().isEmpty()) {
            throw Refusal.invalid("ids", "must name at least one request");
        }
        return requests.approveAll(body.ids(), actor(), body.comment());
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

    private static Set<RequestStatus> statuses(List<String> values) {
        Set<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(RequestStatus.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    throw Refusal.invalid("status", "must be one of " + EnumSet.allOf(RequestStatus.class));
                }
            }
        }
        return statuses;
    }
}
