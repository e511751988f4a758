package dev.agora.catalog.api;

import dev.agora.catalog.quality.QualityReport;
import dev.agora.catalog.quality.QualityRun;
import dev.agora.catalog.quality.QualityRuns;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A product's data quality: its score, the last result of each rule, the trend, and runs on demand. */
@Path("/api/v1/products/{id}/quality")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quality", description = "Check data products against their contracts' quality rules")
public class QualityResource {

    /** The most runs a trend may show. */
    static final int MAX_RUNS = 200;

    private final QualityRuns runs;
    private final SecurityIdentity identity;

    QualityResource(QualityRuns runs, SecurityIdentity identity) {
        this.runs = runs;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The product's quality score, the last result of each rule and its recent runs (oldest "
            + "first); sample rows of offending data only for the owner team and administrators")
    public QualityReport report(@PathParam("id") String id, @QueryParam("runs") @DefaultValue("30") int recent) {
        if (recent < 1 || recent > MAX_RUNS) {
            throw Refusal.invalid("runs", "must be between 1 and " + MAX_RUNS);
        }
        return runs.report(id, actor(), recent)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + id + "'."));
    }

    @POST
    @Path("/runs")
    @Operation(summary = "Run the product's quality rules now (owner team and administrators); 201 with the run")
    public Response run(@PathParam("id") String id) {
        QualityRun run = runs.run(id, QualityRun.Trigger.ON_DEMAND, actor());
        return Response.created(URI.create("/api/v1/products/" + id + "/quality")).entity(run).build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
