package dev.agora.catalog.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agora.catalog.search.IndexedProduct;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Quality nudges relevance by a bounded factor, and the bound keeps Lucene's skipping of hopeless documents. */
class QualityBoostSpec {

    @Nested
    class TheFactor {

        @Test
        void is_neutral_for_a_product_never_checked_and_for_a_score_of_fifty() {
            assertThat(QualityBoost.factor(null)).isEqualTo(1.0);
            assertThat(QualityBoost.factor(50.0)).isEqualTo(1.0);
        }

        @Test
        void moves_a_score_at_most_five_per_cent_either_way() {
            assertThat(QualityBoost.factor(100.0)).isCloseTo(1.05, within(1e-9));
            assertThat(QualityBoost.factor(0.0)).isCloseTo(0.95, within(1e-9));
            assertThat(QualityBoost.factor(75.0)).isCloseTo(1.025, within(1e-9));
        }

        @Test
        void clamps_what_lies_outside_zero_to_a_hundred() {
            assertThat(QualityBoost.factor(1_000.0)).isEqualTo(QualityBoost.factor(100.0));
            assertThat(QualityBoost.factor(-5.0)).isEqualTo(QualityBoost.factor(0.0));
            assertThat(QualityBoost.factor(Double.NaN)).isEqualTo(1.0);
        }

        @Test
        void is_kept_in_the_index_in_hundredths_of_a_point() {
            assertThat(QualityBoost.indexed(91.67)).isEqualTo(9_167L);
            assertThat(QualityBoost.indexed(null)).isEqualTo(5_000L);
        }
    }

    @Nested
    class OnAnIndex {

        @Test
        void identical_products_are_ordered_by_score_with_an_unchecked_one_in_the_middle() throws IOException {
            try (Directory directory = new ByteBuffersDirectory()) {
                write(directory, List.of(product(1, "Depot scans", 40.0), product(2, "Depot scans", null),
                        product(3, "Depot scans", 95.0)));
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    TopDocs top = searcher.search(new QualityBoost(depot()), 10);

                    assertThat(ids(searcher, top)).containsExactly("3", "2", "1");
                    assertThat(top.scoreDocs[0].score / top.scoreDocs[1].score).isCloseTo(1.045f, within(1e-4f));
                }
            }
        }

        @Test
        void a_clearly_better_match_keeps_its_place_whatever_the_scores() throws IOException {
            try (Directory directory = new ByteBuffersDirectory()) {
                write(directory, List.of(product(1, "Depot", 0.0),
                        product(2, "Depot scans of every parcel at every depot, kept for ninety days", 100.0)));
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    IndexSearcher searcher = new IndexSearcher(reader);

                    assertThat(ids(searcher, searcher.search(new QualityBoost(depot()), 10))).containsExactly("1", "2");
                }
            }
        }

        @Test
        void the_page_is_still_collected_without_scoring_every_match() throws IOException {
            // a few short, highly relevant products first, then many long ones that cannot make the top ten
            int products = 5_000;
            StringBuilder filler = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                filler.append(" filler").append(i);
            }
            try (Directory directory = new ByteBuffersDirectory()) {
                List<IndexedProduct> all = new java.util.ArrayList<>();
                for (int i = 1; i <= products; i++) {
                    all.add(product(i, i <= 50 ? "Depot" : "Depot" + filler, (double) (i % 101)));
                }
                write(directory, all);
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    TopDocs top = searcher.search(new QualityBoost(depot()),
                            new TopScoreDocCollectorManager(10, null, 10));

                    assertThat(ids(searcher, top)).allSatisfy(id -> assertThat(Integer.parseInt(id)).isLessThanOrEqualTo(50));
                    // collected (counted) far fewer than all matches: the bound let Lucene skip blocks
                    assertThat(top.totalHits.value).isLessThan(products / 2);
                }
            }
        }
    }

    private static Query depot() {
        return new TermQuery(new Term(IndexFields.DESCRIPTION, "depot"));
    }

    private static IndexedProduct product(long id, String description, Double quality) {
        return new IndexedProduct(id, "p-" + id, "Product " + id, "sales", "Sales", "sales-analytics",
                "Sales Analytics", description, List.of(), "INTERNAL", "PUBLISHED", "1.0.0", List.of(), List.of(),
                Instant.ofEpochSecond(1_700_000_000L + id), quality, 0);
    }

    private static void write(Directory directory, List<IndexedProduct> products) throws IOException {
        // no index sort: documents stay in the order written, so the relevant ones sit together
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(IndexFields.indexAnalyzer()))) {
            for (IndexedProduct product : products) {
                writer.addDocument(IndexFields.toDocument(product, IndexFields.facetsConfig()));
            }
            writer.forceMerge(1);
        }
    }

    private static List<String> ids(IndexSearcher searcher, TopDocs top) throws IOException {
        List<String> ids = new java.util.ArrayList<>();
        for (var hit : top.scoreDocs) {
            ids.add(searcher.storedFields().document(hit.doc).get(IndexFields.KEY));
        }
        return ids;
    }
}
