package dev.agora.governance.api;

import dev.agora.governance.AuditFilter;
import dev.agora.governance.AuditTrail;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import dev.agora.platform.web.Paging;
import dev.agora.platform.web.QueryParameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail, filtered and paged, as JSON or as a CSV file of everything the filter matches. Read-only: the
 * trail is append-only and nothing here changes it.
 */
@Path("/api/v1/admin/audit")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class AuditAdminResource {

    public static final String TEXT_CSV = "text/csv";

    private final AuditTrail trail;
    private final SecurityIdentity identity;

    AuditAdminResource(AuditTrail trail, SecurityIdentity identity) {
        this.trail = trail;
        this.identity = identity;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Operation(summary = "Audit events, newest first, filtered by actor, action, subject and time range; a page as "
            + "JSON, or all matching events (at most " + AuditTrail.MAX_REACH + ") as CSV with format=csv or "
            + "Accept: text/csv")
    @APIResponse(responseCode = "200", description = "A page of events and the total the filter matches (JSON), or "
            + "the CSV file (attachment audit.csv; values that start with = + - @ are prefixed with ' so that "
            + "spreadsheets do not run them)", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuditTrail.Page.class)),
                    @Content(mediaType = TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter, page or size out of bounds, or a CSV of more than "
            + AuditTrail.MAX_REACH + " events")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public Response audit(
            @QueryParam("actor") @Parameter(description = "exactly this actor: a username or system:…") String actor,
            @QueryParam("action") @Parameter(description = "an action, or a dotted prefix of actions: identity.team "
                    + "matches identity.team.created") String action,
            @QueryParam("subject") @Parameter(description = "'team sales-analytics' (type and id), or one word: a "
                    + "subject type (team) or a subject id (sales-analytics)") String subject,
            @QueryParam("from") @Parameter(description = "from this instant (2026-03-01T09:30:00Z) or date "
                    + "(2026-03-01, UTC), included") String from,
            @QueryParam("to") @Parameter(description = "up to this instant or date (its whole day, UTC), included")
            String to,
            @QueryParam("page") @Parameter(description = "from 0; page × size at most " + AuditTrail.MAX_REACH)
            String page,
            @QueryParam("size") @Parameter(description = "1 to " + AuditTrail.MAX_PAGE_SIZE + ", default "
                    + AuditTrail.DEFAULT_PAGE_SIZE) String size,
            @QueryParam("format") @Parameter(description = "json (the default) or csv") String format,
            @Context HttpHeaders headers) {
        AuditFilter filter = AuditFilter.of(actor, action, subject, from, to);
        String viewer = identity.getPrincipal().getName();
        if (wantsCsv(format, headers)) {
            AuditTrail.CsvExport export = trail.csvExport(viewer, filter);
            StreamingOutput body = out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                export.writeTo(writer);
                writer.flush();
            };
            return Response.ok(body, TEXT_CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=audit.csv")
                    .header(Paging.TOTAL_HEADER, export.rows())
                    .build();
        }
        AuditTrail.Page answer = trail.page(viewer, filter,
                QueryParameters.integer("page", page, 0, 0, AuditTrail.MAX_REACH),
                QueryParameters.integer("size", size, AuditTrail.DEFAULT_PAGE_SIZE, 1, AuditTrail.MAX_PAGE_SIZE));
        return Response.ok(answer, MediaType.APPLICATION_JSON).header(Paging.TOTAL_HEADER, answer.total()).build();
    }

    /** format=csv decides; without it, an Accept header that prefers text/csv to JSON. */
    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw Refusal.invalid("format", "must be json or csv");
            };
        }
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.valueOf(TEXT_CSV)) && !acceptable.isWildcardType()) {
                return true;
            }
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
