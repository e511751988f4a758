package dev.agora.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.search.lucene.LuceneSearchIndex;
import dev.agora.support.Api;
import dev.agora.support.Products;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * At start, the index is made current from PostgreSQL: built when missing or built from another database, caught
 * up when it is only behind. Each case starts an indexer on an index directory of its own.
 */
@QuarkusTest
class TheIndexStartsCurrentSpec {

    @Inject
    AgroalDataSource database;

    private long productsInDatabase() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM data_products")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static SearchQuery everything(String text) {
        return new SearchQuery(text, Map.of(), true, SortOrder.RELEVANCE, 0, 20, Visibility.everything());
    }

    @Test
    void a_missing_index_is_built_from_postgresql_at_start() throws Exception {
        Path directory = Files.createTempDirectory("agora-index-");
        try (LuceneSearchIndex index = new LuceneSearchIndex(directory)) {
            new CatalogIndexer(database, index).onStart(new StartupEvent());

            assertThat(index.size()).isEqualTo(productsInDatabase());
            assertThat(index.checkpoint()).isPresent();
        } finally {
            delete(directory);
        }
    }

    @Test
    void an_index_that_is_behind_catches_up_at_start_and_one_from_another_database_is_rebuilt() throws Exception {
        Path directory = Files.createTempDirectory("agora-index-");
        try {
            try (LuceneSearchIndex index = new LuceneSearchIndex(directory)) {
                new CatalogIndexer(database, index).onStart(new StartupEvent());
            }
            String tag = Products.uniqueTag();
            String slug = Api.as("olivia").body(Products.named("Written While Down").tagged(tag).body())
                    .post("/api/v1/products").then().statusCode(201).extract().path("slug");

            try (LuceneSearchIndex index = new LuceneSearchIndex(directory)) {
                new CatalogIndexer(database, index).onStart(new StartupEvent());
                assertThat(index.search(everything("written while down")).items())
                        .extracting(SearchResult.Hit::slug).contains(slug);
            }

            try (LuceneSearchIndex index = new LuceneSearchIndex(directory)) {
                index.apply(java.util.List.of(), new Checkpoint("another-database", 0));
                Optional<Checkpoint> foreign = index.checkpoint();
                assertThat(foreign).map(Checkpoint::installation).contains("another-database");
                new CatalogIndexer(database, index).onStart(new StartupEvent());
                assertThat(index.checkpoint()).map(Checkpoint::installation).isNotEqualTo(Optional.of("another-database"));
                assertThat(index.size()).isEqualTo(productsInDatabase());
                assertThat(index.search(new SearchQuery("", Map.of(Facet.TAG, Set.of(tag)), true, SortOrder.RELEVANCE,
                        0, 20, Visibility.everything())).total()).isEqualTo(1);
            }
        } finally {
            delete(directory);
        }
    }

    @Test
    void an_index_written_with_an_older_document_layout_is_rebuilt_at_start() throws Exception {
        Path directory = Files.createTempDirectory("agora-index-");
        try {
            // what an Agora before layout 2 left behind: current checkpoint, description indexed without offsets
            String installation;
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT id::text FROM installation ORDER BY created_at LIMIT 1")) {
                row.next();
                installation = row.getString(1);
            }
            try (IndexWriter old = new IndexWriter(FSDirectory.open(directory), new IndexWriterConfig())) {
                Document stale = new Document();
                stale.add(new StringField("key", "-1", Field.Store.YES));
                stale.add(new TextField("description", "a product that no longer exists", Field.Store.YES));
                old.addDocument(stale);
                old.setLiveCommitData(Map.of("agora.installation", installation,
                        "agora.xmin", Long.toString(Long.MAX_VALUE)).entrySet());
                old.commit();
            }

            try (LuceneSearchIndex index = new LuceneSearchIndex(directory)) {
                new CatalogIndexer(database, index).onStart(new StartupEvent());

                assertThat(index.size()).isEqualTo(productsInDatabase());
                assertThat(index.search(everything("no longer exists")).items())
                        .extracting(SearchResult.Hit::id).doesNotContain(-1L);
                assertThat(index.search(everything("confirmed")).items())
                        .extracting(SearchResult.Hit::snippet).anyMatch(snippet -> snippet.contains("<mark>"));
            }
        } finally {
            delete(directory);
        }
    }

    private static void delete(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
