package dev.agora.grants.api;

import dev.agora.grants.GrantHealth;
import dev.agora.grants.Reconciler;
import dev.agora.identity.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The health of the grants and reconciliation on demand. */
@Path("/api/v1/admin/grants")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class GrantAdminResource {

    private final GrantHealth health;
    private final Reconciler reconciler;
    private final SecurityIdentity identity;

    GrantAdminResource(GrantHealth health, Reconciler reconciler, SecurityIdentity identity) {
        this.health = health;
        this.reconciler = reconciler;
        this.identity = identity;
    }

    @GET
    @Path("/health")
    @Operation(summary = "Active grants per engine, failed jobs with their errors, the drift last found")
    public GrantHealth.Health health() {
        return health.health();
    }

    @POST
    @Path("/reconcile")
    @Operation(summary = "Compare approved grants with the engines now; answers with what it found and did")
    public Reconciler.Report reconcile() {
        return reconciler.reconcile(identity.getPrincipal().getName());
    }
}
