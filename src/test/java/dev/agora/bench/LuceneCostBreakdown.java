package dev.agora.bench;

import dev.agora.catalog.search.Facet;
import dev.agora.catalog.search.SearchQuery;
import dev.agora.catalog.search.lucene.LuceneInternals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/**
 * Where the time of a search goes: the steps of {@code LuceneSearchIndex#search} timed one by one on the same
 * index (opened read-only from its last commit), with the same queries, and the cheaper alternatives beside
 * them: top 20 without counting every match, facets without drill-sideways, and facets counted on a sample.
 */
final class LuceneCostBreakdown {

    /** The steps, in the order of the report. */
    enum Step {
        BUILD("build query"),
        TOP_20("top 20 only"),
        TOP_20_TIE_0("top 20 only, dismax tie-breaker 0"),
        EXACT_COUNT("count all matches"),
        SIDEWAYS("top 20 + drill-sideways facets over every match"),
        PLAIN_FACETS("top 20 + plain facets"),
        SAMPLED_FACETS("sampled facets (10k)"),
        HIGHLIGHT("highlight 20 with the query as built"),
        REWRITE_HIGHLIGHT("rewrite query, then highlight 20 (as shipped)"),
        STORED("stored fields 20"),
        CANDIDATE("candidate: top 20 (tie-breaker 0) + facets of the first 10k matches, scaled");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    static final int SAMPLE = 10_000;
    private static final int FACET_VALUES = 25;

    final Map<Step, Map<QueryMix.Kind, Latencies>> latencies = new EnumMap<>(Step.class);
    final Map<Step, Latencies> overall = new EnumMap<>(Step.class);
    private final List<long[]> estimates = new ArrayList<>();
    /** Share of the CPUs other processes used while the steps were timed. */
    double othersCpu = Double.NaN;

    private LuceneCostBreakdown() {
        for (Step step : Step.values()) {
            Map<QueryMix.Kind, Latencies> byKind = new EnumMap<>(QueryMix.Kind.class);
            for (QueryMix.Kind kind : QueryMix.Kind.values()) {
                byKind.put(kind, new Latencies());
            }
            latencies.put(step, byKind);
            overall.put(step, new Latencies());
        }
    }

    static LuceneCostBreakdown measure(Path dataDirectory, List<QueryMix.Query> queries,
            java.util.function.Function<QueryMix.Query, SearchQuery> toSearch, int warmUp, int passes)
            throws IOException {
        LuceneCostBreakdown breakdown = new LuceneCostBreakdown();
        try (FSDirectory directory = FSDirectory.open(LuceneInternals.indexLocation(dataDirectory));
                DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            FacetsConfig config = LuceneInternals.facetsConfig();
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
            MachineLoad.Sample load = null;
            for (int pass = 0; pass < warmUp + passes; pass++) {
                boolean measured = pass >= warmUp;
                if (pass == warmUp) {
                    load = MachineLoad.sample();
                }
                for (QueryMix.Query query : queries) {
                    breakdown.run(searcher, config, state, query, toSearch.apply(query), measured);
                }
            }
            breakdown.othersCpu = MachineLoad.othersShare(load, MachineLoad.sample());
        }
        return breakdown;
    }

    private void run(IndexSearcher searcher, FacetsConfig config, SortedSetDocValuesReaderState state,
            QueryMix.Query query, SearchQuery search, boolean measured) throws IOException {
        long started = System.nanoTime();
        Query text = LuceneInternals.text(search.text(), searcher.getIndexReader());
        Query base = LuceneInternals.visibleOnly(text, search);
        DrillDownQuery drillDown = new DrillDownQuery(config, base);
        search.filters().forEach((facet, values) -> values.forEach(value -> drillDown.add(facet.parameter(), value)));
        record(Step.BUILD, query, started, measured);

        started = System.nanoTime();
        TopDocs top = searcher.search(drillDown, 20);
        record(Step.TOP_20, query, started, measured);

        // DisjunctionMaxScorer passes the minimum competitive score on to its fields only when its tie-breaker is
        // 0: with 0.1 block-max WAND cannot skip and a common word visits every posting of every field
        Query untied = withoutTieBreaker(drillDown.rewrite(searcher));
        started = System.nanoTime();
        searcher.search(untied, 20);
        record(Step.TOP_20_TIE_0, query, started, measured);

        started = System.nanoTime();
        int total = searcher.count(drillDown);
        record(Step.EXACT_COUNT, query, started, measured, total);

        started = System.nanoTime();
        DrillSideways.DrillSidewaysResult sideways = new DrillSideways(searcher, config, state).search(drillDown, 20);
        topChildren(sideways.facets);
        record(Step.SIDEWAYS, query, started, measured);

        started = System.nanoTime();
        FacetsCollectorManager.FacetsResult plain = FacetsCollectorManager.search(searcher, drillDown, 20,
                new FacetsCollectorManager());
        topChildren(new SortedSetDocValuesFacetCounts(state, plain.facetsCollector()));
        record(Step.PLAIN_FACETS, query, started, measured);

        started = System.nanoTime();
        RandomSamplingFacetsCollector sampler = searcher.search(drillDown,
                RandomSamplingFacetsCollector.createManager(SAMPLE, 42));
        topChildren(new SortedSetDocValuesFacetCounts(state, sampler));
        record(Step.SAMPLED_FACETS, query, started, measured);

        ScoreDoc[] page = top.scoreDocs;
        int[] docIds = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docIds[i] = page[i].doc;
        }
        started = System.nanoTime();
        highlight(searcher, text, docIds);
        record(Step.HIGHLIGHT, query, started, measured);

        // a fuzzy query left as it is makes the highlighter build a MemoryIndex per document and field and
        // expand the fuzzy terms (Levenshtein automata) against each; rewritten, it is a plain term query
        started = System.nanoTime();
        highlight(searcher, searcher.rewrite(text), docIds);
        record(Step.REWRITE_HIGHLIGHT, query, started, measured);

        started = System.nanoTime();
        StoredFields stored = searcher.storedFields();
        for (int doc : docIds) {
            stored.document(doc);
        }
        record(Step.STORED, query, started, measured);

        started = System.nanoTime();
        Query rewritten = searcher.rewrite(untied);
        searcher.search(rewritten, 20);
        FirstMatchesFacetsCollector firstMatches = new FirstMatchesFacetsCollector(SAMPLE,
                searcher.getIndexReader().maxDoc());
        searcher.search(rewritten, firstMatches);
        topChildren(new SortedSetDocValuesFacetCounts(state, firstMatches));
        record(Step.CANDIDATE, query, started, measured, firstMatches.estimatedTotal());
        if (measured) {
            estimates.add(new long[] {total, firstMatches.estimatedTotal()});
        }
    }

    /** The same query with every {@link DisjunctionMaxQuery} tie-breaker set to 0. */
    static Query withoutTieBreaker(Query query) {
        if (query instanceof DisjunctionMaxQuery dismax) {
            List<Query> disjuncts = new ArrayList<>();
            dismax.getDisjuncts().forEach(disjunct -> disjuncts.add(withoutTieBreaker(disjunct)));
            return new DisjunctionMaxQuery(disjuncts, 0f);
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(withoutTieBreaker(boost.getQuery()), boost.getBoost());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder copy = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            bool.clauses().forEach(clause -> copy.add(withoutTieBreaker(clause.getQuery()), clause.getOccur()));
            return copy.build();
        }
        if (query instanceof ConstantScoreQuery constant) {
            return new ConstantScoreQuery(withoutTieBreaker(constant.getQuery()));
        }
        return query;
    }

    /** Median relative error of the candidate's estimated totals against the exact ones, in %. */
    double medianTotalErrorPercent() {
        List<Double> errors = new ArrayList<>();
        for (long[] pair : estimates) {
            if (pair[0] > 0) {
                errors.add(Math.abs(pair[1] - pair[0]) * 100.0 / pair[0]);
            }
        }
        if (errors.isEmpty()) {
            return Double.NaN;
        }
        errors.sort(Double::compare);
        return errors.get(errors.size() / 2);
    }

    /** Largest relative error of the estimated totals among queries that match more than the sample. */
    double maxTotalErrorPercent() {
        double max = 0;
        for (long[] pair : estimates) {
            if (pair[0] > SAMPLE) {
                max = Math.max(max, Math.abs(pair[1] - pair[0]) * 100.0 / pair[0]);
            }
        }
        return max;
    }

    private static void highlight(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
        if (docIds.length == 0) {
            return;
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, LuceneInternals.highlightAnalyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(10_000)
                .withHandleMultiTermQuery(true)
                .withBreakIterator(() -> new CustomSeparatorBreakIterator('\n'))
                .build();
        highlighter.highlightFields(LuceneInternals.highlightedFields(), query, docIds, new int[] {1, 1, 1});
    }

    private static void topChildren(Facets facets) throws IOException {
        for (Facet facet : Facet.values()) {
            facets.getTopChildren(FACET_VALUES, facet.parameter());
        }
    }

    private void record(Step step, QueryMix.Query query, long started, boolean measured) {
        record(step, query, started, measured, 0);
    }

    private void record(Step step, QueryMix.Query query, long started, boolean measured, long matches) {
        if (measured) {
            long elapsed = System.nanoTime() - started;
            latencies.get(step).get(query.kind()).add(elapsed, matches);
            overall.get(step).add(elapsed, matches);
        }
    }

    /** For the report: the steps and their p50 / p95 per query class. */
    Map<String, Map<QueryMix.Kind, Latencies>> table() {
        Map<String, Map<QueryMix.Kind, Latencies>> table = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            table.put(step.label, latencies.get(step));
        }
        return table;
    }
}
