package dev.agora.catalog.schema.api;

import dev.agora.catalog.schema.HeldChangeView;
import dev.agora.catalog.schema.SchemaCheck;
import dev.agora.catalog.schema.SchemaWatch;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Breaking-change protection: check a product's schema against its data, and decide about a held change. */
@Path("/api/v1/products/{id}")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "Publish and read data products")
public class SchemaChangeResource {

    /** What a check found: unchanged, released (version, breaking), held (changeId), restored, not-checked. */
    public record CheckResponse(String outcome, String version, Boolean breaking, Long changeId, String reason,
            List<String> differences) {

        static CheckResponse of(SchemaCheck check) {
            if (check instanceof SchemaCheck.Released released) {
                return new CheckResponse("released", released.version(), released.breaking(), null, null,
                        released.differences());
            }
            if (check instanceof SchemaCheck.Held held) {
                return new CheckResponse("held", null, true, held.changeId(), null, held.differences());
            }
            if (check instanceof SchemaCheck.Restored restored) {
                return new CheckResponse("restored", null, null, restored.changeId(), null, List.of());
            }
            if (check instanceof SchemaCheck.NotChecked notChecked) {
                return new CheckResponse("not-checked", null, null, null, notChecked.reason(), List.of());
            }
            return new CheckResponse("unchanged", null, false, null, null, List.of());
        }
    }

    /** How long the superseded version stays usable, in days (optional: the configured default). */
    public record ReleaseMajorRequest(Integer deprecationDays) {}

    private final SchemaWatch watch;
    private final SecurityIdentity identity;

    SchemaChangeResource(SchemaWatch watch, SecurityIdentity identity) {
        this.watch = watch;
        this.identity = identity;
    }

    @POST
    @Path("/schema/check")
    @Operation(summary = "Compare the product's schema with its data now (owners and administrators): a compatible "
            + "change becomes a minor version, a breaking one is held while the product has active consumers")
    public CheckResponse check(@PathParam("id") String id) {
        return CheckResponse.of(watch.checkNow(id, actor()));
    }

    @GET
    @Path("/schema-changes")
    @Operation(summary = "The product's held and decided breaking changes, newest first (owners, consumers, admins)")
    public List<HeldChangeView> changes(@PathParam("id") String id) {
        return watch.changes(id, actor());
    }

    @GET
    @Path("/schema-changes/{changeId}")
    @Operation(summary = "One held or decided breaking change: the diff and the consumers affected")
    public HeldChangeView change(@PathParam("id") String id, @PathParam("changeId") long changeId) {
        return watch.changes(id, actor()).stream().filter(change -> change.id() == changeId).findFirst()
                .orElseThrow(() -> Refusal.notFound("There is no schema change " + changeId + " of '" + id + "'."));
    }

    @POST
    @Path("/schema-changes/{changeId}/release-major")
    @Operation(summary = "Publish the held change as a new major version; the previous version stays usable for "
            + "deprecationDays (default 30) and consumers keep their access")
    public HeldChangeView releaseMajor(@PathParam("id") String id, @PathParam("changeId") long changeId,
            ReleaseMajorRequest request) {
        return watch.releaseMajor(id, changeId, request == null ? null : request.deprecationDays(), actor());
    }

    @POST
    @Path("/schema-changes/{changeId}/restore")
    @Operation(summary = "Say the data is back to the schema: closes the hold if it is, else 409 with what differs")
    public HeldChangeView restore(@PathParam("id") String id, @PathParam("changeId") long changeId) {
        return watch.restore(id, changeId, actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
