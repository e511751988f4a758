package dev.agora.catalog.search.lucene;

import dev.agora.catalog.search.Checkpoint;
import dev.agora.catalog.search.Facet;
import dev.agora.catalog.search.IndexedProduct;
import dev.agora.catalog.search.SearchIndex;
import dev.agora.catalog.search.SearchQuery;
import dev.agora.catalog.search.SearchResult;
import dev.agora.catalog.search.SortOrder;
import dev.agora.catalog.search.Suggestion;
import dev.agora.catalog.search.Visibility;
import dev.agora.platform.Refusal;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;

/**
 * The catalog's search index on an embedded Lucene index on local disk: BM25 ranking over weighted fields,
 * typo-tolerant and prefix matching, highlighted snippets, and facet counts with drill-sideways semantics.
 * Thread-safe: searches run concurrently with one writer; a search sees the index as of the last refresh.
 */
public class LuceneSearchIndex implements SearchIndex, Closeable {

    private static final Logger LOG = Logger.getLogger(LuceneSearchIndex.class);
    private static final String INSTALLATION = "agora.installation";
    private static final String XMIN = "agora.xmin";
    private static final String LAYOUT = "agora.layout";
    private static final int FACET_VALUES = 25;
    /** Totals are counted exactly up to here while the page is collected; beyond, the ranking may skip. */
    private static final int COUNT_EXACTLY_UP_TO = 1_000;
    /** Facets are counted over every match up to this many matches; beyond, over a sample. */
    static final long EXACT_FACETS_UP_TO = 25_000;
    /** About how many matches a sample counts facets over. */
    static final long SAMPLE_TARGET = 12_000;
    private static final int SNIPPET_LENGTH = 220;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetsConfig facetsConfig = IndexFields.facetsConfig();
    private final CatalogQueries queries = new CatalogQueries();
    private volatile FacetState facetState;

    /** The facet ordinals of one reader; rebuilt when the reader changes. */
    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

    public LuceneSearchIndex(Path location) {
        try {
            Files.createDirectories(location);
            this.directory = FSDirectory.open(location);
            this.writer = openWriter(directory);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot open the search index at " + location, failed);
        }
    }

    private static IndexWriter openWriter(Directory directory) throws IOException {
        try {
            if (DirectoryReader.indexExists(directory)) {
                String layout = SegmentInfos.readLatestCommit(directory).getUserData().get(LAYOUT);
                if (!IndexFields.LAYOUT.equals(layout)) {
                    // written by another Agora: Lucene cannot change a field's options or the index order in
                    // place, so start empty and rebuild
                    LOG.infof("The search index has another layout (%s, now %s); it will be rebuilt.", layout,
                            IndexFields.LAYOUT);
                    return new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE));
                }
            }
            return new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (IOException | IllegalArgumentException unreadable) {
            // a corrupt or incompatible index is only a cache of PostgreSQL: start empty and rebuild
            LOG.warnf("The search index is unreadable (%s); it will be rebuilt.", unreadable.getMessage());
            return new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE));
        }
    }

    private static IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(IndexFields.indexAnalyzer());
        config.setOpenMode(mode);
        config.setIndexSort(IndexFields.INDEX_ORDER);
        config.setRAMBufferSizeMB(64);
        return config;
    }

    // --- writing --------------------------------------------------------------------------------------------

    @Override
    public synchronized void apply(Collection<IndexedProduct> changed, Checkpoint checkpoint) {
        try {
            for (IndexedProduct product : changed) {
                writer.updateDocument(new Term(IndexFields.KEY, Long.toString(product.id())),
                        IndexFields.toDocument(product, facetsConfig));
            }
            commit(checkpoint);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot update the search index", failed);
        }
    }

    @Override
    public synchronized void rebuild(Iterator<IndexedProduct> everything, Checkpoint checkpoint) {
        try {
            writer.deleteAll();
            while (everything.hasNext()) {
                writer.addDocument(IndexFields.toDocument(everything.next(), facetsConfig));
            }
            writer.forceMerge(8);
            commit(checkpoint);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot rebuild the search index", failed);
        }
    }

    private void commit(Checkpoint checkpoint) throws IOException {
        writer.setLiveCommitData(Map.of(INSTALLATION, checkpoint.installation(),
                XMIN, Long.toString(checkpoint.xmin()), LAYOUT, IndexFields.LAYOUT).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public Optional<Checkpoint> checkpoint() {
        Map<String, String> data = commitData(writer);
        if (!data.containsKey(INSTALLATION) || !data.containsKey(XMIN)) {
            return Optional.empty();
        }
        return Optional.of(new Checkpoint(data.get(INSTALLATION), Long.parseLong(data.get(XMIN))));
    }

    private static Map<String, String> commitData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    @Override
    public long size() {
        return writer.getDocStats().numDocs;
    }

    /** Bytes the index takes on disk. */
    public long sizeOnDisk() {
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
            return bytes;
        } catch (IOException failed) {
            return -1;
        }
    }

    // --- searching ------------------------------------------------------------------------------------------

    @Override
    public SearchResult search(SearchQuery search) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                if (searcher.getIndexReader().numDocs() == 0) {
                    return new SearchResult(0, List.of(), emptyFacets(), false, true);
                }
                SearchResult result = search(searcher, search, true);
                if (result.total() == 0 && queries.words(search.text()).size() > 1) {
                    return search(searcher, search, false);
                }
                return result;
            } catch (IndexSearcher.TooManyClauses tooBroad) {
                throw Refusal.invalid("q", "the search (words and filters together) is too broad to run; "
                        + "use fewer words or filter values");
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("search failed", failed);
        }
    }

    private SearchResult search(IndexSearcher searcher, SearchQuery search, boolean everyWord) throws IOException {
        // rewritten once, here: a misspelt word becomes the handful of indexed words it matches, instead of
        // being looked up again in the terms dictionary by the page, the facets, the sample and the highlighter
        Query text = searcher.rewrite(queries.text(search.text(), searcher.getIndexReader(), everyWord));
        // quality nudges the order of near-ties (ADR 0015); the highlighter keeps the plain text query
        Query base = CatalogQueries.visibleOnly(new QualityBoost(text), search);
        DrillDownQuery drillDown = drillDown(base, search);
        int window = Math.min((search.page() + 1) * search.size(), SearchQuery.MAX_WINDOW);

        // Facets over every match when that is cheap, over a fixed share of the index when it is not. Which one
        // is judged on the first sample bucket (1/64 of the index, one run of documents): counting every match
        // would cost as much as the facets it decides about. Drill-sideways counts a filtered facet without its
        // own filter, so what matters is how many products match before the filters.
        long baseInFirstBucket = inFirstBucket(searcher, base);
        Sort sort = sortOf(search);
        DrillSideways sideways = new DrillSideways(searcher, facetsConfig, facetState(searcher.getIndexReader()));
        TopDocs hits;
        Map<String, Map<String, Long>> facets;
        long total;
        boolean exact;
        if (estimate(baseInFirstBucket) < EXACT_FACETS_UP_TO) {
            // few: one pass collects the page, every facet and the exact total
            DrillSideways.DrillSidewaysResult all = sort == null
                    ? sideways.search((ScoreDoc) null, drillDown, window)
                    : sideways.search(drillDown, null, null, window, sort, true);
            hits = all.hits;
            facets = facetsOf(all.facets, 1.0);
            total = all.hits.totalHits.value;
            exact = true;
        } else {
            // many: the page counting only up to a threshold lets Lucene skip what cannot make it; the facets
            // and the total come from a sample of about SAMPLE_TARGET matches, scaled
            hits = sort == null
                    ? searcher.search(drillDown, new TopScoreDocCollectorManager(window, null, COUNT_EXACTLY_UP_TO))
                    : searcher.search(drillDown, new TopFieldCollectorManager(sort, window, null, COUNT_EXACTLY_UP_TO));
            int buckets = sampleBuckets(baseInFirstBucket);
            Query sampled = new BooleanQuery.Builder()
                    .add(base, Occur.MUST)
                    .add(IntPoint.newRangeQuery(IndexFields.SAMPLE_BUCKET, 0, buckets - 1), Occur.FILTER)
                    .build();
            double scale = (double) IndexFields.SAMPLE_BUCKETS / buckets;
            DrillSideways.DrillSidewaysResult sample = sideways.search(drillDown(sampled, search), 1);
            facets = facetsOf(sample.facets, scale);
            total = buckets == IndexFields.SAMPLE_BUCKETS ? sample.hits.totalHits.value
                    : Math.max(hits.totalHits.value, Math.round(sample.hits.totalHits.value * scale));
            exact = buckets == IndexFields.SAMPLE_BUCKETS;
        }
        ScoreDoc[] page = Arrays.copyOfRange(hits.scoreDocs,
                Math.min(search.page() * search.size(), hits.scoreDocs.length), hits.scoreDocs.length);
        return new SearchResult(total, hitsOf(searcher, page, text), facets, !everyWord, exact);
    }

    private DrillDownQuery drillDown(Query base, SearchQuery search) {
        DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, base);
        search.filters().forEach((facet, values) -> {
            for (String value : values) {
                drillDown.add(facet.parameter(), value);
            }
        });
        return drillDown;
    }

    /** Matches among the products of the first sample bucket (a random 1/64 of the index), up to a limit. */
    private static long inFirstBucket(IndexSearcher searcher, Query query) throws IOException {
        return countUpTo(searcher, new BooleanQuery.Builder().add(query, Occur.MUST)
                .add(IntPoint.newExactQuery(IndexFields.SAMPLE_BUCKET, 0), Occur.FILTER).build(), SAMPLE_TARGET);
    }

    private static long estimate(long inFirstBucket) {
        return inFirstBucket * IndexFields.SAMPLE_BUCKETS;
    }

    /**
     * How many of the 64 sample buckets to count facets in so that about {@link #SAMPLE_TARGET} matches are
     * counted, given the matches in the first bucket.
     */
    private static int sampleBuckets(long inFirstBucket) {
        long buckets = (SAMPLE_TARGET + Math.max(inFirstBucket, 1) - 1) / Math.max(inFirstBucket, 1);
        return (int) Math.max(1, Math.min(IndexFields.SAMPLE_BUCKETS, buckets));
    }

    /** Counts matches, stopping at {@code limit}: enough to know whether a result is small. */
    static long countUpTo(IndexSearcher searcher, Query query, long limit) throws IOException {
        long[] counted = {0};
        searcher.search(query, new CollectorManager<Collector, Void>() {
            @Override
            public Collector newCollector() {
                return new SimpleCollector() {
                    @Override
                    protected void doSetNextReader(LeafReaderContext context) {
                        if (counted[0] >= limit) {
                            throw new CollectionTerminatedException();
                        }
                    }

                    @Override
                    public void collect(int doc) {
                        if (++counted[0] >= limit) {
                            throw new CollectionTerminatedException();
                        }
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE_NO_SCORES;
                    }
                };
            }

            @Override
            public Void reduce(java.util.Collection<Collector> collectors) {
                return null;
            }
        });
        return counted[0];
    }

    private static Sort sortOf(SearchQuery search) {
        boolean browsing = search.text().isBlank();
        SortOrder order = search.sort() == SortOrder.RELEVANCE && browsing ? SortOrder.NEWEST : search.sort();
        return switch (order) {
            case RELEVANCE -> null;
            case NEWEST -> new Sort(new SortField(IndexFields.SORT_TIME, SortField.Type.LONG, true),
                    SortField.FIELD_SCORE);
            case NAME -> new Sort(new SortField(IndexFields.NAME_SORT, SortField.Type.STRING), SortField.FIELD_SCORE);
        };
    }

    private List<SearchResult.Hit> hitsOf(IndexSearcher searcher, ScoreDoc[] page, Query text) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        int[] docIds = Arrays.stream(page).mapToInt(hit -> hit.doc).toArray();
        // each document is read (decompressed) once, in index order, for the card and for its snippet
        Map<Integer, Document> documents = new HashMap<>();
        StoredFields stored = searcher.storedFields();
        for (int docId : Arrays.stream(docIds).sorted().distinct().toArray()) {
            documents.put(docId, stored.document(docId));
        }
        Map<String, String[]> highlights = highlight(searcher, text, docIds, documents);
        List<SearchResult.Hit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = documents.get(docIds[i]);
            hits.add(new SearchResult.Hit(Long.parseLong(doc.get(IndexFields.KEY)), doc.get(IndexFields.SLUG),
                    doc.get(IndexFields.NAME), doc.get(IndexFields.STORED_DOMAIN), doc.get(IndexFields.STORED_TEAM),
                    doc.get(IndexFields.STORED_CLASSIFICATION), doc.get(IndexFields.STORED_STATUS),
                    List.of(doc.getValues(IndexFields.STORED_TAG)), snippet(doc, highlights, i),
                    Float.isNaN(page[i].score) ? 0f : page[i].score, qualityScore(doc), failingRules(doc) > 0));
        }
        return hits;
    }

    private static Double qualityScore(Document doc) {
        org.apache.lucene.index.IndexableField score = doc.getField(IndexFields.STORED_QUALITY_SCORE);
        return score == null ? null : score.numericValue().doubleValue();
    }

    private static int failingRules(Document doc) {
        org.apache.lucene.index.IndexableField failing = doc.getField(IndexFields.STORED_FAILING_RULES);
        return failing == null ? 0 : failing.numericValue().intValue();
    }

    private static Map<String, String[]> highlight(IndexSearcher searcher, Query text, int[] docIds,
            Map<Integer, Document> documents) throws IOException {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, CatalogAnalyzers.indexText())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(10_000)
                .withHandleMultiTermQuery(true)
                // the words of the (rewritten) query found in each field's postings, with their offsets; matching
                // the whole query against every hit again ("weight matches") cost more than the search itself
                .withWeightMatches(false)
                // a passage is a line: a paragraph or list item of the description, one column's description
                .withBreakIterator(() -> new CustomSeparatorBreakIterator('\n'));
        String[] fields = {IndexFields.DESCRIPTION, IndexFields.COLUMNS, IndexFields.COLUMN_DESCRIPTIONS};
        return new LoadedDocumentsHighlighter(builder, documents)
                .highlightFields(fields, text, docIds, new int[] {1, 1, 1});
    }

    /** Highlights the text of documents already read, instead of reading them from the index a second time. */
    private static final class LoadedDocumentsHighlighter extends UnifiedHighlighter {

        private final Map<Integer, Document> documents;

        LoadedDocumentsHighlighter(UnifiedHighlighter.Builder builder, Map<Integer, Document> documents) {
            super(builder);
            this.documents = documents;
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIds, int charsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIds.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIds.nextDoc()) {
                Document document = documents.get(doc);
                CharSequence[] row = new CharSequence[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    String value = document == null ? null : document.get(fields[i]);
                    row[i] = value == null ? "" : value;
                }
                values.add(row);
            }
            return values;
        }
    }

    /** The best highlighted passage: from the description, else the matching columns, else the description. */
    private static String snippet(Document doc, Map<String, String[]> highlights, int position) {
        String description = at(highlights, IndexFields.DESCRIPTION, position);
        if (description != null && description.contains("<mark>")) {
            return description;
        }
        String columns = at(highlights, IndexFields.COLUMNS, position);
        if (columns != null && columns.contains("<mark>")) {
            return "Columns: " + columns;
        }
        String columnDescriptions = at(highlights, IndexFields.COLUMN_DESCRIPTIONS, position);
        if (columnDescriptions != null && columnDescriptions.contains("<mark>")) {
            return columnDescriptions;
        }
        String plain = doc.get(IndexFields.DESCRIPTION);
        plain = plain == null ? "" : plain;
        return escape(plain.length() <= SNIPPET_LENGTH ? plain : plain.substring(0, SNIPPET_LENGTH) + " …");
    }

    private static String at(Map<String, String[]> highlights, String field, int position) {
        String[] values = highlights.get(field);
        return values == null ? null : values[position];
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, Map<String, Long>> facetsOf(Facets facets, double scale) throws IOException {
        Map<String, Map<String, Long>> counts = emptyFacets();
        for (Facet facet : Facet.values()) {
            FacetResult result = facets.getTopChildren(FACET_VALUES, facet.parameter());
            if (result != null) {
                Map<String, Long> values = counts.get(facet.parameter());
                for (LabelAndValue child : result.labelValues) {
                    values.put(child.label, Math.max(1, Math.round(child.value.longValue() * scale)));
                }
            }
        }
        return counts;
    }

    private static Map<String, Map<String, Long>> emptyFacets() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            counts.put(facet.parameter(), new LinkedHashMap<>());
        }
        return counts;
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current == null || current.reader() != reader) {
            synchronized (this) {
                current = facetState;
                if (current == null || current.reader() != reader) {
                    current = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, facetsConfig));
                    facetState = current;
                }
            }
        }
        return current.state();
    }

    @Override
    public List<Suggestion> suggest(String prefix, Visibility visibility, int limit) {
        List<String> words = new CatalogQueries().words(prefix == null ? "" : prefix);
        String typed = prefix == null ? "" : prefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (typed.isEmpty()) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                BooleanQuery.Builder query = new BooleanQuery.Builder();
                List<String> prefixes = analyzePrefixes(typed);
                for (String each : prefixes) {
                    query.add(new TermQuery(new Term(IndexFields.NAME_PREFIX, each)), Occur.MUST);
                }
                if (prefixes.isEmpty() && words.isEmpty()) {
                    return List.of();
                }
                CatalogQueries.hidden(new SearchQuery("", Map.of(), false, SortOrder.RELEVANCE, 0, limit, visibility))
                        .forEach(excluded -> query.add(excluded, Occur.MUST_NOT));
                TopDocs top = searcher.search(query.build(), limit,
                        new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.NAME_SORT, SortField.Type.STRING)));
                StoredFields stored = searcher.storedFields();
                List<Suggestion> suggestions = new ArrayList<>();
                for (ScoreDoc hit : top.scoreDocs) {
                    Document doc = stored.document(hit.doc, Set.of(IndexFields.SLUG, IndexFields.NAME));
                    suggestions.add(new Suggestion(doc.get(IndexFields.SLUG), doc.get(IndexFields.NAME)));
                }
                return suggestions;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("suggest failed", failed);
        }
    }

    private static List<String> analyzePrefixes(String typed) {
        List<String> tokens = new ArrayList<>();
        for (String part : typed.split("[^\\p{L}\\p{N}]+")) {
            if (!part.isEmpty()) {
                String folded = java.text.Normalizer.normalize(part, java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "");
                tokens.add(folded.length() > CatalogAnalyzers.MAX_PREFIX
                        ? folded.substring(0, CatalogAnalyzers.MAX_PREFIX) : folded);
            }
            if (tokens.size() >= CatalogQueries.MAX_WORDS) {
                break;
            }
        }
        return tokens;
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
