package dev.agora.catalog.api;

import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ProductDetails;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Data products for producers' pipelines: create a draft, revise, publish, version, deprecate. */
@Path("/api/v1/products")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "Publish and read data products")
public class ProductResource {

    /** A new version: its number, what changed, and optionally the product as it is in that version. */
    public record NewVersionRequest(String version, String changelog, ProductRequest product) {}

    /** Why a product is deprecated and what consumers should use instead. */
    public record DeprecationRequest(String reason) {}

    private final CatalogService catalog;
    private final SecurityIdentity identity;

    ProductResource(CatalogService catalog, SecurityIdentity identity) {
        this.catalog = catalog;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Create a data product as a draft (ports without columns are harvested)")
    public Response create(@NotNull ProductRequest request) {
        ProductDetails product = catalog.create(request.toDraft(), actor());
        return withTag(Response.created(URI.create("/api/v1/products/" + product.slug())), product);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A data product by id or slug (drafts only for its owner team and administrators)")
    public Response get(@PathParam("id") @Parameter(description = "the product's id or slug") String id,
            @HeaderParam("If-None-Match") @Parameter(description = "the ETag you hold: 304 when it is current")
            String ifNoneMatch) {
        ProductDetails product = catalog.find(id, actor())
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + id + "'."));
        if (matches(ifNoneMatch, product)) {
            return Response.notModified(tagOf(product)).build();
        }
        return withTag(Response.ok(), product);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a data product's description, tags, classification, contact and ports, or create "
            + "it under this slug when there is none (201); send If-Match with the ETag you read to refuse "
            + "overwriting a concurrent change (412)")
    public Response revise(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull ProductRequest request) {
        Long expected = rowVersion(ifMatch);
        if (catalog.find(id, actor()).isEmpty()) {
            // a pipeline can PUT the same product every run: the first run creates it
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw Refusal.preconditionFailed("There is no data product '" + id + "' to match If-Match against; "
                        + "send the request without If-Match to create it.");
            }
            if (request.slug() != null && !request.slug().isBlank() && !request.slug().strip().equals(id)) {
                throw Refusal.invalid("slug", "must be '" + id + "', the slug of the path, or be left out");
            }
            ProductDetails created = catalog.create(request.toDraft(id), actor());
            return withTag(Response.created(URI.create("/api/v1/products/" + created.slug())), created);
        }
        return withTag(Response.ok(), catalog.revise(id, request.toDraft(), expected, actor()));
    }

    @POST
    @Path("/{id}/publish")
    @Operation(summary = "Publish a draft; refused with the list of what is missing when it is not ready")
    public Response publish(@PathParam("id") String id) {
        return withTag(Response.ok(), catalog.publish(id, actor()));
    }

    @POST
    @Path("/{id}/versions")
    @Operation(summary = "Record a new version with its changelog, optionally with the product as it now is")
    public Response addVersion(@PathParam("id") String id, @NotNull NewVersionRequest request) {
        ProductDetails product = catalog.addVersion(id, request.version(), request.changelog(),
                request.product() == null ? null : request.product().toDraft(), actor());
        return withTag(Response.status(Response.Status.CREATED)
                .location(URI.create("/api/v1/products/" + product.slug())), product);
    }

    @POST
    @Path("/{id}/deprecate")
    @Operation(summary = "Deprecate a published product, saying why and what to use instead")
    public Response deprecate(@PathParam("id") String id, @NotNull DeprecationRequest request) {
        return withTag(Response.ok(), catalog.deprecate(id, request.reason(), actor()));
    }

    /** Why a proposed lower classification is turned down (optional). */
    public record ProposalDecision(String reason) {}

    @POST
    @Path("/{id}/classification-proposal/approve")
    @Operation(summary = "Agree to the lower classification an owner proposed (stewards of the domain and "
            + "administrators); it applies at once")
    public Response approveClassificationProposal(@PathParam("id") String id) {
        return withTag(Response.ok(), catalog.agreeToClassificationProposal(id, actor()));
    }

    @POST
    @Path("/{id}/classification-proposal/reject")
    @Operation(summary = "Turn down a proposed lower classification (stewards, administrators) or withdraw it "
            + "(owners of the team); the product keeps its classification")
    public Response rejectClassificationProposal(@PathParam("id") String id, ProposalDecision decision) {
        return withTag(Response.ok(), catalog.rejectClassificationProposal(id,
                decision == null ? null : decision.reason(), actor()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static Response withTag(Response.ResponseBuilder response, ProductDetails product) {
        return response.tag(tagOf(product)).entity(product).build();
    }

    private static EntityTag tagOf(ProductDetails product) {
        return new EntityTag(Long.toString(product.rowVersion()));
    }

    /** If-None-Match holds a list of tags (weak or strong, as weak comparison is enough for a GET) or "*". */
    private static boolean matches(String ifNoneMatch, ProductDetails product) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String current = Long.toString(product.rowVersion());
        for (String tag : ifNoneMatch.split(",")) {
            String value = tag.strip().replaceFirst("^W/", "").replace("\"", "");
            if (value.equals("*") || value.equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static Long rowVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notOurs) {
            throw Refusal.invalid("If-Match", "must be the ETag of the product as you read it, such as \"3\"");
        }
    }
}
