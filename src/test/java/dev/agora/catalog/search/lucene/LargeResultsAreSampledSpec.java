package dev.agora.catalog.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.search.Checkpoint;
import dev.agora.catalog.search.Facet;
import dev.agora.catalog.search.IndexedProduct;
import dev.agora.catalog.search.SearchQuery;
import dev.agora.catalog.search.SearchResult;
import dev.agora.catalog.search.SortOrder;
import dev.agora.catalog.search.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A query that matches a large part of the catalog is answered from a random sample of the index: the total and
 * the facet counts are estimates, and say so; small results stay exact.
 */
class LargeResultsAreSampledSpec {

    private static final int PRODUCTS = 40_000;
    private static Path directory;
    private static LuceneSearchIndex index;

    @BeforeAll
    static void aLargeCatalog() throws IOException {
        directory = Files.createTempDirectory("agora-sampling-");
        index = new LuceneSearchIndex(directory);
        List<IndexedProduct> products = new ArrayList<>();
        for (int i = 1; i <= PRODUCTS; i++) {
            // every product mentions "revenue"; one in four lives in domain sales; one in a hundred mentions "churn"
            String domain = i % 4 == 0 ? "sales" : "marketing";
            String words = "revenue report " + (i % 100 == 0 ? "churn " : "") + "number " + i;
            products.add(new IndexedProduct(i, "product-" + i, "Product " + i, domain, domain, domain + "-team",
                    domain + " team", words, List.of("tag" + (i % 3)), i % 2 == 0 ? "INTERNAL" : "PUBLIC",
                    "PUBLISHED", "1.0.0", List.of("postgres-table"),
                    List.of(new IndexedProduct.Column("main", "amount", "numeric", "Amount")),
                    Instant.ofEpochSecond(1_700_000_000L + i), null, 0));
        }
        index.rebuild(products.iterator(), new Checkpoint("sampling-spec", 1));
    }

    @AfterAll
    static void removeIt() throws IOException {
        index.close();
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static SearchResult search(String text, Map<Facet, Set<String>> filters) {
        return index.search(new SearchQuery(text, filters, false, SortOrder.RELEVANCE, 0, 20, Visibility.everything()));
    }

    @Test
    void a_word_in_every_product_gives_an_estimated_total_and_estimated_facets() {
        SearchResult result = search("revenue", Map.of());

        assertThat(result.exact()).isFalse();
        assertThat(result.total()).isBetween((long) (PRODUCTS * 0.85), (long) (PRODUCTS * 1.15));
        assertThat(result.items()).hasSize(20);
        long sales = result.facets().get("domain").get("sales");
        assertThat(sales).isBetween((long) (PRODUCTS * 0.25 * 0.8), (long) (PRODUCTS * 0.25 * 1.2));
    }

    @Test
    void a_rare_word_is_counted_exactly() {
        SearchResult result = search("churn", Map.of());

        assertThat(result.exact()).isTrue();
        assertThat(result.total()).isEqualTo(PRODUCTS / 100);
        assertThat(result.facets().get("domain").get("sales")).isEqualTo(PRODUCTS / 100);
    }

    @Test
    void a_filter_on_a_large_result_keeps_the_alternatives_estimated() {
        SearchResult result = search("revenue", Map.of(Facet.DOMAIN, Set.of("sales")));

        assertThat(result.items()).allSatisfy(hit -> assertThat(hit.domain()).isEqualTo("sales"));
        assertThat(result.total()).isBetween((long) (PRODUCTS * 0.25 * 0.85), (long) (PRODUCTS * 0.25 * 1.15));
        assertThat(result.facets().get("domain")).containsKeys("sales", "marketing");
    }
}
