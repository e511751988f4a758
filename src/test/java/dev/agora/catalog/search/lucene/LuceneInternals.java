package dev.agora.catalog.search.lucene;

import dev.agora.catalog.search.SearchQuery;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;

/**
 * Test-only access to how this package builds its queries, so that the search benchmark can time the steps of
 * a search one by one on the same index ({@code dev.agora.bench.LuceneCostBreakdown}). Not used by any spec.
 */
public final class LuceneInternals {

    private static final CatalogQueries QUERIES = new CatalogQueries();

    private LuceneInternals() {
    }

    /** Where {@link LuceneSearchIndexProducer} puts the index under a data directory. */
    public static Path indexLocation(Path dataDirectory) {
        return dataDirectory.resolve("search-index").toAbsolutePath();
    }

    /** The text query as a search builds it, every word required. */
    public static Query text(String text, IndexReader reader) throws IOException {
        return QUERIES.text(text, reader, true);
    }

    /** The text query narrowed to what the searcher may find, as a search builds it. */
    public static Query visibleOnly(Query text, SearchQuery search) {
        return CatalogQueries.visibleOnly(text, search);
    }

    public static FacetsConfig facetsConfig() {
        return IndexFields.facetsConfig();
    }

    public static Analyzer highlightAnalyzer() {
        return CatalogAnalyzers.indexText();
    }

    /** The fields a search highlights, in the order of its snippet choice. */
    public static String[] highlightedFields() {
        return new String[] {IndexFields.DESCRIPTION, IndexFields.COLUMNS, IndexFields.COLUMN_DESCRIPTIONS};
    }
}
