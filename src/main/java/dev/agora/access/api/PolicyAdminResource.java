package dev.agora.access.api;

import dev.agora.access.ApproverRole;
import dev.agora.access.application.AccessPolicies;
import dev.agora.access.policy.AccessPolicy;
import dev.agora.catalog.Classification;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import dev.agora.platform.web.Paging;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The access policies per classification. */
@Path("/api/v1/admin/policies")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class PolicyAdminResource {

    /** A policy as set through the API. */
    public record PolicyBody(List<ApproverRole> approvers, Boolean autoApprove, Integer maxDurationDays) {}

    private final AccessPolicies policies;
    private final SecurityIdentity identity;

    PolicyAdminResource(AccessPolicies policies, SecurityIdentity identity) {
        this.policies = policies;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The access policy of every classification")
    public RestResponse<List<AccessPolicy>> all(@QueryParam("page") String page, @QueryParam("size") String size) {
        return Paging.of(page, size).answer(policies.all());
    }

    @PUT
    @Path("/{classification}")
    @Operation(summary = "Replace a classification's policy; it applies to requests made after the change")
    public AccessPolicy replace(@PathParam("classification") String classification, @NotNull PolicyBody body) {
        Classification which;
        try {
            which = Classification.valueOf(classification.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Refusal.notFound("There is no classification " + classification + ".");
        }
        AccessInput input = AccessInput.checking()
                .noNulls("approvers", body.approvers(), "must be OWNER or STEWARD")
                .count("approvers", body.approvers(), ApproverRole.values().length * 2);
        if (body.maxDurationDays() == null) {
            input.problem("maxDurationDays", "must be given");
        }
        input.orRefuse("The policy cannot be set");
        return policies.replace(which, body.approvers(), Boolean.TRUE.equals(body.autoApprove()),
                body.maxDurationDays(), identity.getPrincipal().getName());
    }
}
