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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    /**
     * A policy as the API answers it: what is set, and the preview line of what a request of the classification
     * goes through (the domain's wording, the same the Policies screen shows).
     */
    public record PolicyAnswer(Classification classification, List<ApproverRole> approvers, boolean autoApprove,
            int maxDurationDays, String preview) {

        static PolicyAnswer of(AccessPolicy policy) {
            return new PolicyAnswer(policy.classification(), policy.approvers(), policy.autoApprove(),
                    policy.maxDurationDays(), policy.preview());
        }
    }

    private final AccessPolicies policies;
    private final SecurityIdentity identity;

    PolicyAdminResource(AccessPolicies policies, SecurityIdentity identity) {
        this.policies = policies;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The access policy of every classification, each with its preview line")
    @APIResponse(responseCode = "200", description = "the policies, PUBLIC to RESTRICTED")
    @APIResponse(responseCode = "403", description = "not an administrator")
    public RestResponse<List<PolicyAnswer>> all(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return paging.answer(policies.all(actor()).stream().map(PolicyAnswer::of).toList());
    }

    @PUT
    @Path("/{classification}")
    @Operation(summary = "Replace a classification's policy; it applies to requests made after the change",
            description = "approvers: OWNER and/or STEWARD (OWNER always; STEWARD always for RESTRICTED); autoApprove "
                    + "for PUBLIC only; maxDurationDays 1 to " + AccessPolicy.LONGEST + ". Requests made before "
                    + "keep their steps and maximum. Saving the same policy again changes (and audits) nothing.")
    @APIResponse(responseCode = "200", description = "the policy as it now is, with its preview line")
    @APIResponse(responseCode = "400", description = "an unknown role, a missing or out-of-range duration, or an "
            + "unsafe policy, named field by field")
    @APIResponse(responseCode = "403", description = "not an administrator")
    @APIResponse(responseCode = "404", description = "no such classification")
    public PolicyAnswer replace(@PathParam("classification") String classification, @NotNull PolicyBody body) {
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
        return PolicyAnswer.of(policies.replace(which, body.approvers(), Boolean.TRUE.equals(body.autoApprove()),
                body.maxDurationDays(), actor()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
