package dev.agora.catalog.api;

import dev.agora.catalog.search.CatalogSearch;
import dev.agora.catalog.search.Facet;
import dev.agora.catalog.search.SearchQuery;
import dev.agora.catalog.search.SearchResult;
import dev.agora.catalog.search.SortOrder;
import dev.agora.catalog.search.Suggestion;
import dev.agora.identity.Roles;
import dev.agora.platform.Refusal;
import dev.agora.platform.web.Paging;
import dev.agora.platform.web.QueryParameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Finding data products: ranked, typo-tolerant, faceted search and name suggestions as you type. */
@Path("/api/v1/search")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Find data products")
public class SearchResource {

    /** Values of one facet filter: far more than anyone ticks, few enough for the query to stay small. */
    static final int MAX_FILTER_VALUES = 50;

    private final CatalogSearch search;
    private final SecurityIdentity identity;

    SearchResource(CatalogSearch search, SecurityIdentity identity) {
        this.search = search;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Search the catalog; facet parameters may repeat (values of one facet are alternatives)")
    public SearchResult search(
            @QueryParam("q") @Parameter(description = "words; typos and prefixes are tolerated") String q,
            @QueryParam("domain") List<String> domain,
            @QueryParam("team") List<String> team,
            @QueryParam("classification") List<String> classification,
            @QueryParam("tag") List<String> tag,
            @QueryParam("type") List<String> type,
            @QueryParam("status") List<String> status,
            @QueryParam("deprecated") @Parameter(description = "include deprecated products (true or false)")
            String deprecated,
            @QueryParam("sort") @DefaultValue("relevance")
            @Parameter(description = "relevance, newest or name") String sort,
            @QueryParam("page") String page,
            @QueryParam("size") @Parameter(description = "at most " + SearchQuery.MAX_SIZE) String size) {
        Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
        put(filters, Facet.DOMAIN, domain, false);
        put(filters, Facet.TEAM, team, false);
        put(filters, Facet.CLASSIFICATION, classification, true);
        put(filters, Facet.TAG, tag, false);
        put(filters, Facet.TYPE, type, false);
        put(filters, Facet.STATUS, status, true);
        return search.search(new SearchQuery(q, filters, QueryParameters.bool("deprecated", deprecated, false),
                sortOrder(sort), QueryParameters.integer("page", page, 0, 0, Paging.MAX_PAGE),
                QueryParameters.integer("size", size, 20, 1, SearchQuery.MAX_SIZE),
                search.visibilityOf(identity.getPrincipal().getName())));
    }

    @GET
    @Path("/suggest")
    @Operation(summary = "Product names that complete what is being typed")
    public List<Suggestion> suggest(@QueryParam("q") String q) {
        return search.suggest(q, search.visibilityOf(identity.getPrincipal().getName()));
    }

    private static void put(Map<Facet, Set<String>> filters, Facet facet, List<String> values, boolean upperCase) {
        if (values == null || values.isEmpty()) {
            return;
        }
        if (values.size() > MAX_FILTER_VALUES) {
            throw Refusal.invalid(facet.name().toLowerCase(Locale.ROOT), "may be given at most " + MAX_FILTER_VALUES
                    + " times");
        }
        Set<String> cleaned = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                cleaned.add(upperCase ? value.strip().toUpperCase(Locale.ROOT) : value.strip());
            }
        }
        filters.put(facet, cleaned);
    }

    private static SortOrder sortOrder(String sort) {
        try {
            return SortOrder.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Refusal.invalid("sort", "must be relevance, newest or name");
        }
    }
}
