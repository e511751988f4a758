package dev.agora.catalog.api;

import dev.agora.catalog.contract.ContractDocuments;
import dev.agora.catalog.contract.odcs.OdcsReader;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A product's contract as an ODCS v3.1.0 YAML document: producers keep it in their repository and PUT it on release
 * (issue 14); everyone who sees the product GETs it.
 */
@Path("/api/v1/products/{id}/contract")
@RolesAllowed(Roles.USER)
@Tag(name = "Contracts", description = "A product's data contract as Open Data Contract Standard v3.1.0 YAML")
public class ContractResource {

    public static final String YAML = "application/yaml";

    private final ContractDocuments documents;
    private final SecurityIdentity identity;

    ContractResource(ContractDocuments documents, SecurityIdentity identity) {
        this.documents = documents;
        this.identity = identity;
    }

    @GET
    @Produces(YAML)
    @Operation(summary = "The product's contract as ODCS v3.1.0 YAML: ports' schemas, quality rules, service levels "
            + "(drafts only for the owner team and administrators)")
    @APIResponse(responseCode = "200", description = "the ODCS document, with an ETag")
    @APIResponse(responseCode = "304", description = "the ETag sent in If-None-Match is current")
    @APIResponse(responseCode = "404", description = "no such product, or one the caller may not see")
    public Response get(@PathParam("id") @Parameter(description = "the product's id or slug") String id,
            @HeaderParam("If-None-Match") @Parameter(description = "the ETag you hold: 304 when it is current")
            String ifNoneMatch) {
        String yaml = documents.export(id, actor())
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + id + "'."));
        EntityTag tag = new EntityTag(ContractDocuments.tagOf(yaml));
        if (ifNoneMatch != null && ifNoneMatch.contains(tag.getValue())) {
            return Response.notModified(tag).build();
        }
        return Response.ok(yaml, YAML).tag(tag).build();
    }

    @PUT
    @Consumes(YAML)
    @Produces(YAML)
    @Operation(summary = "Apply an ODCS v3.1.0 YAML contract (owner team and administrators): the ports' columns and "
            + "the terms in one step. No schema difference: the terms (and the document's version, if greater). "
            + "Compatible differences: a new minor version (or the document's, if greater) with a generated "
            + "changelog. Breaking differences: 409 unless the document's version is a new major version")
    @RequestBody(description = "the ODCS v3.1.0 document, at most 1 MiB, as downloaded from GET and edited")
    @APIResponse(responseCode = "200", description = "applied: the contract as it now is")
    @APIResponse(responseCode = "400", description = "not valid YAML or ODCS, or not a contract of this product: "
            + "each problem names its line and field (\"line 12: schema[0].properties[1].logicalType\")")
    @APIResponse(responseCode = "409", description = "breaking schema changes without a new major version")
    @APIResponse(responseCode = "412", description = "If-Match does not hold the current contract's ETag")
    public Response put(@PathParam("id") @Parameter(description = "the product's id or slug") String id,
            @HeaderParam("If-Match") @Parameter(description = "the ETag of the contract you edited") String ifMatch,
            InputStream body) {
        String expected = ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*") ? null
                : ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        ContractDocuments.Applied applied = documents.apply(id, text(body), expected, actor());
        String yaml = documents.export(applied.contract().product(), actor()).orElseThrow();
        return Response.ok(yaml, YAML).tag(new EntityTag(ContractDocuments.tagOf(yaml)))
                .header("Agora-Product-Version", applied.version())
                .header("Agora-Contract-Outcome", applied.outcome().name().toLowerCase().replace('_', '-'))
                .build();
    }

    /** The body as UTF-8 text, read no further than the limit: a larger one is refused unread. */
    private static String text(InputStream body) {
        if (body == null) {
            return "";
        }
        try (body) {
            byte[] bytes = body.readNBytes(OdcsReader.MAX_BYTES + 1);
            if (bytes.length > OdcsReader.MAX_BYTES) {
                throw Refusal.invalid("The contract is larger than 1 MiB.", java.util.List.of(
                        new Refusal.FieldProblem("line 1: (document)", "is larger than 1024 KiB; a contract is much "
                                + "smaller")));
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notText) {
            throw Refusal.invalid("The contract is not UTF-8 text.", java.util.List.of(
                    new Refusal.FieldProblem("line 1: (document)", "must be UTF-8 text")));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
