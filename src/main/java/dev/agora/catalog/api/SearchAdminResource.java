package dev.agora.catalog.api;

import dev.agora.catalog.search.CatalogIndexer;
import dev.agora.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operating the search index. */
@Path("/api/v1/admin/search")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class SearchAdminResource {

    /** What the rebuild did. */
    public record ReindexReport(long products, long tookMillis) {}

    private final CatalogIndexer indexer;

    SearchAdminResource(CatalogIndexer indexer) {
        this.indexer = indexer;
    }

    @POST
    @Path("/reindex")
    @Operation(summary = "Rebuild the search index from the catalog in PostgreSQL")
    public ReindexReport reindex() {
        CatalogIndexer.Rebuild rebuild = indexer.rebuild();
        return new ReindexReport(rebuild.products(), rebuild.took().toMillis());
    }
}
