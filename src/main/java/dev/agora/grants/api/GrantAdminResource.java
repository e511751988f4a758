package dev.agora.grants.api;

import dev.agora.grants.GrantHealth;
import dev.agora.grants.GrantRepairs;
import dev.agora.grants.Reconciler;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The health of the grants, reconciliation on demand, and the repairs an administrator makes from them. */
@Path("/api/v1/admin/grants")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class GrantAdminResource {

    private final GrantHealth health;
    private final Reconciler reconciler;
    private final GrantRepairs repairs;
    private final SecurityIdentity identity;

    GrantAdminResource(GrantHealth health, Reconciler reconciler, GrantRepairs repairs, SecurityIdentity identity) {
        this.health = health;
        this.reconciler = reconciler;
        this.repairs = repairs;
        this.identity = identity;
    }

    @GET
    @Path("/health")
    @Operation(summary = "Active grants per engine, failed jobs with their errors, the drift last found")
    public GrantHealth.Health health() {
        return health.health(actor());
    }

    @POST
    @Path("/reconcile")
    @Operation(summary = "Compare approved grants with the engines now; answers with what it found and did")
    public Reconciler.Report reconcile() {
        return reconciler.reconcile(actor());
    }

    @POST
    @Path("/jobs/{jobId}/retry")
    @Operation(summary = "Retry a failed grant job (a failedJobs entry of grant health) with a fresh set of attempts",
            description = "A failed grant is queued to be applied again; when it is, its access request becomes "
                    + "active. A failed revocation is queued again. Repeating the call while the new job waits "
                    + "changes nothing (alreadyDone true).")
    @APIResponse(responseCode = "200", description = "queued again, or already queued again")
    @APIResponse(responseCode = "404", description = "no such job")
    @APIResponse(responseCode = "409", description = "the job has not failed, or its grant is no longer failed")
    public GrantRepairs.Repair retry(@PathParam("jobId") String jobId) {
        return repairs.retry(uuid(jobId, "grant job"), actor());
    }

    @POST
    @Path("/drift/{driftId}/heal")
    @Operation(summary = "Heal a MISSING finding of the last reconciliation: apply the approved grant again",
            description = "Offered when the finding's actions include HEAL. Repeating the call changes nothing "
                    + "(alreadyDone true).")
    @APIResponse(responseCode = "200", description = "the grant is queued to be applied again")
    @APIResponse(responseCode = "404", description = "no such finding")
    @APIResponse(responseCode = "409", description = "not a missing grant, the grant is no longer active, or the "
            + "finding was revoked")
    public GrantRepairs.Repair heal(@PathParam("driftId") String driftId) {
        return repairs.heal(uuid(driftId, "drift finding"), actor());
    }

    @POST
    @Path("/drift/{driftId}/revoke")
    @Operation(summary = "Revoke an EXTRA or NOT_REVOKED finding: take away a privilege that should not be there",
            description = "A privilege Agora never approved is revoked in the engine at once; one Agora took back "
                    + "that is still in place gets its revocation queued again. Repeating the call changes nothing "
                    + "(alreadyDone true).")
    @APIResponse(responseCode = "200", description = "revoked, or its revocation queued")
    @APIResponse(responseCode = "404", description = "no such finding")
    @APIResponse(responseCode = "409", description = "a missing approved grant (heal it or revoke its request), "
            + "the engine cannot revoke it now, or the finding was healed")
    public GrantRepairs.Repair revoke(@PathParam("driftId") String driftId) {
        return repairs.revoke(uuid(driftId, "drift finding"), actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw Refusal.notFound("There is no " + what + " " + id + ".");
        }
    }
}
