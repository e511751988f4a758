package dev.agora.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.search.CatalogIndexer;
import dev.agora.catalog.search.CatalogSearch;
import dev.agora.catalog.search.Facet;
import dev.agora.catalog.search.SearchIndex;
import dev.agora.catalog.search.SearchQuery;
import dev.agora.catalog.search.SortOrder;
import dev.agora.catalog.search.Visibility;
import dev.agora.catalog.search.lucene.LuceneSearchIndex;
import dev.agora.platform.FreshTestDatabase;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The search benchmark (issue: "how fast is search at 100,000 and 1,000,000 products?"). For each corpus size it
 * loads a synthetic catalog into PostgreSQL (or keeps the one an earlier run left), rebuilds the search index,
 * and runs a fixed mix of queries through {@link CatalogSearch#search}, through {@code GET /api/v1/search}, and,
 * on the same corpus, through PostgreSQL full-text search and a naive {@code ILIKE} scan. It writes a Markdown
 * report per size to {@code target/bench/search-<N>.md}.
 *
 * <p>Not a specification: the normal build never runs it. Run it with the {@code bench} profile (README,
 * "Benchmark"): {@code ./mvnw -Pbench verify -Dbench.products=100000}.
 */
@QuarkusTest
class SearchBench {

    static final String SERVICE = "service (`CatalogSearch#search`)";
    static final String HTTP = "HTTP (`GET /api/v1/search`)";
    static final String FULL_TEXT = "PostgreSQL FTS (tsvector + GIN + ts_rank + facets)";
    static final String ILIKE = "PostgreSQL `ILIKE '%word%'`";
    static final String HTTP_FLOOR = "HTTP floor (`GET /api/v1/me`)";
    private static final String SEARCHER = "admin";
    private static final String PASSWORD = "agora-demo";

    @Inject
    CatalogSearch search;

    @Inject
    CatalogIndexer indexer;

    @Inject
    SearchIndex index;

    @TestHTTPResource("/api/v1/search")
    URI searchApi;

    @Test
    void measures_search_at_each_corpus_size() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Config config = ConfigProvider.getConfig();
        String jdbcUrl = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        Path dataDirectory = Path.of(config.getValue("agora.data-dir", String.class));
        // the corpus is big and disposable: never let it land in the test suite's or anybody else's database
        assertThat(jdbcUrl).as("the bench runs on its own database").endsWith("/" + FreshTestDatabase.name())
                .doesNotEndWith("/" + FreshTestDatabase.NAME);

        Vocabulary vocabulary = new Vocabulary(settings.vocabulary(), settings.seed());
        SyntheticCatalog catalog = new SyntheticCatalog(vocabulary, settings.tags(), settings.seed());
        List<QueryMix.Query> queries = QueryMix.of(vocabulary, settings.queries(), settings.seed());
        SyntheticCatalog.ConnectionSource connections = () -> DriverManager.getConnection(jdbcUrl, user, password);
        Files.createDirectories(settings.output());
        Files.writeString(settings.output().resolve("queries.txt"), queriesText(queries), StandardCharsets.UTF_8);
        log("database %s, index under %s, %d queries, sizes %s", jdbcUrl, dataDirectory.toAbsolutePath(),
                queries.size(), settings.sizes());

        List<String> mismatches = new ArrayList<>();
        for (int size : settings.sizes()) {
            BenchReport report = runAt(size, settings, catalog, queries, connections, dataDirectory, mismatches);
            String markdown = report.markdown();
            Path file = settings.output().resolve("search-" + size + ".md");
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(markdown);
            log("report written to %s", file.toAbsolutePath());
        }
        assertThat(mismatches).as("the API answers the same totals as the service").isEmpty();
    }

    private BenchReport runAt(int size, BenchSettings settings, SyntheticCatalog catalog,
            List<QueryMix.Query> queries, SyntheticCatalog.ConnectionSource connections, Path dataDirectory,
            List<String> mismatches) throws Exception {
        BenchReport report = new BenchReport();
        report.products = size;
        report.loadBefore = loadAverage();
        String corpusMake;
        try (Connection connection = connections.open()) {
            if (settings.reuse() && catalog.present(connection, size)) {
                corpusMake = "kept from an earlier run (`bench.reuse=true`)";
                log("keeping the corpus of %,d products from an earlier run", size);
            } else {
                log("generating %,d products", size);
                SyntheticCatalog.Load load = catalog.load(size, connections, System.out);
                corpusMake = String.format(Locale.ROOT, "generated in %.0f s (catalog, COPY + VACUUM ANALYZE) "
                                + "+ %.0f s (PostgreSQL full-text table and GIN index)",
                        load.catalog().toMillis() / 1e3, load.baselines().toMillis() / 1e3);
            }
        }
        report.corpus = describeCorpus(connections, size, settings) + "; " + corpusMake;
        report.queries = describeQueries(queries, settings);

        report.heapBeforeBuild = heapAfterGc();
        long inCatalog = productsInCatalog(connections);
        if (settings.rebuild() || index.size() != inCatalog) {
            Build build = undisturbed(settings, report, "index build", () -> {
                MachineLoad.Sample load = MachineLoad.sample();
                CatalogIndexer.Rebuild rebuild = indexer.rebuild();
                return new Build(rebuild, MachineLoad.othersShare(load, MachineLoad.sample()));
            }, Build::othersCpu);
            report.buildOthersCpu = build.othersCpu();
            report.buildMillis = build.rebuild().took().toMillis();
        } else {
            log("keeping the search index (bench.rebuild=false)");
            report.buildMillis = -1;
        }
        report.indexedProducts = index.size();
        report.indexBytes = ((LuceneSearchIndex) ClientProxy.unwrap(index)).sizeOnDisk();
        report.heapAfterBuild = heapAfterGc();
        report.heapMax = Runtime.getRuntime().maxMemory();
        log("index: %,d products, built in %.1f s, %,d bytes on disk, heap after GC %,d bytes",
                report.indexedProducts, report.buildMillis / 1e3, report.indexBytes, report.heapAfterBuild);

        Visibility visibility = QuarkusTransaction.requiringNew().call(() -> search.visibilityOf(SEARCHER));
        Measurement.SearchPath service = query -> search.search(searchQuery(query, visibility)).total();
        HttpSearch api = new HttpSearch(searchApi, SEARCHER, PASSWORD);
        Measurement.SearchPath http = api::run;

        // the same answers both ways (and a first warm-up)
        for (QueryMix.Query query : queries) {
            long direct = service.run(query);
            long viaApi = http.run(query);
            if (direct != viaApi) {
                mismatches.add(size + ": " + query.describe() + ": service " + direct + ", API " + viaApi);
            }
        }

        report.measurements.add(undisturbed(settings, report, "service, one client", () ->
                Measurement.singleClient(SERVICE, queries, settings.warmUp(), settings.passes(), service),
                m -> m.othersCpu));
        report.measurements.add(undisturbed(settings, report, "HTTP, one client", () ->
                Measurement.singleClient(HTTP, queries, settings.warmUp(), settings.passes(), http),
                m -> m.othersCpu));
        report.httpFloor = undisturbed(settings, report, "HTTP floor (GET /api/v1/me)", () ->
                Measurement.singleClient(HTTP_FLOOR, queries, 1, settings.passes(), query -> api.me()),
                m -> m.othersCpu);
        report.measurements.add(undisturbed(settings, report, "HTTP, two clients", () ->
                Measurement.concurrentClients(HTTP, queries, 2, settings.passes(), http), m -> m.othersCpu));
        report.measurements.add(undisturbed(settings, report, "service, two clients", () ->
                Measurement.concurrentClients(SERVICE, queries, 2, settings.passes(), service), m -> m.othersCpu));

        if (settings.breakdown()) {
            report.breakdown = undisturbed(settings, report, "steps of a Lucene search", () ->
                    LuceneCostBreakdown.measure(dataDirectory, queries, query -> searchQuery(query, visibility), 1,
                            2), b -> b.othersCpu);
        }

        try (PostgresBaselines postgres = new PostgresBaselines(connections.open())) {
            report.machine = machine(postgres.version());
            if (settings.baselines()) {
                report.catalogBytes = postgres.catalogBytes();
                report.fullTextBytes = postgres.fullTextBytes();
                // PostgreSQL is one of the "other processes": its phases are never repeated for being busy
                report.measurements.add(undisturbed(settings, report, "PostgreSQL full-text search", () ->
                        Measurement.singleClient(FULL_TEXT, queries, 0, settings.pgPasses(),
                                warmingUp(queries, settings.pgWarmUp(), postgres::fullText)), m -> Double.NaN));
                report.measurements.add(undisturbed(settings, report, "PostgreSQL ILIKE", () ->
                        Measurement.singleClient(ILIKE, queries, 0, settings.pgPasses(),
                                warmingUp(queries, settings.pgWarmUp(), postgres::ilike)), m -> Double.NaN));
            }
        }
        report.loadAfter = loadAverage();
        report.notes.add("Agora's paths search as `admin` (sees every product). The service path is timed around "
                + "`CatalogSearch#search` alone; the HTTP path adds HTTP Basic sign-in (bcrypt result remembered "
                + "for 2 minutes), the account lookup for visibility, JSON and the loopback network.");
        report.notes.add("PostgreSQL FTS: every word against a weighted tsvector (name A, tags and domain B, "
                + "description C, column names and descriptions D), the last word also as a prefix, `ts_rank` "
                + "over all matches, top 20 with names, the total and counts of domain, team, classification and "
                + "the top 25 tags by `GROUP BY`. No typo tolerance: one-typo queries find nothing.");
        report.notes.add("ILIKE: every word as `ILIKE '%word%'` on name or description, the total and 20 "
                + "products, no ranking, no facets.");
        return report;
    }

    /** A timed index build and the CPU share other processes used meanwhile. */
    private record Build(CatalogIndexer.Rebuild rebuild, double othersCpu) {}

    /**
     * Runs a measured phase once the machine is quiet; when other processes still took more than
     * {@code bench.quiet-share} of the CPUs during it, runs it again (at most {@code bench.retries} times) and
     * keeps the least disturbed run. A phase that stayed disturbed is named in the report.
     */
    private static <T> T undisturbed(BenchSettings settings, BenchReport report, String phase, Callable<T> run,
            ToDoubleFunction<T> othersCpu) throws Exception {
        T best = null;
        double bestOthers = Double.NaN;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            MachineLoad.awaitQuiet(settings.quietShare(), settings.quietWait());
            log("%s%s", phase, attempt == 0 ? "" : " (again)");
            T result = run.call();
            double others = othersCpu.applyAsDouble(result);
            if (best == null || others < bestOthers) {
                best = result;
                bestOthers = others;
            }
            if (Double.isNaN(others) || others <= settings.quietShare()) {
                break;
            }
            log("other processes took %.0f %% of the CPUs during \"%s\"", others * 100, phase);
        }
        if (bestOthers > settings.quietShare()) {
            report.busyPhases.add(String.format(Locale.ROOT, "%s (%.0f %%)", phase, bestOthers * 100));
        }
        return best;
    }

    /** Runs the first {@code count} queries once before the measured passes begin. */
    private static Measurement.SearchPath warmingUp(List<QueryMix.Query> queries, int count,
            Measurement.SearchPath path) throws Exception {
        for (int i = 0; i < Math.min(count, queries.size()); i++) {
            path.run(queries.get(i));
        }
        return path;
    }

    private static SearchQuery searchQuery(QueryMix.Query query, Visibility visibility) {
        Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
        if (query.domain() != null) {
            filters.put(Facet.DOMAIN, Set.of(query.domain()));
        }
        if (query.classification() != null) {
            filters.put(Facet.CLASSIFICATION, Set.of(query.classification()));
        }
        return new SearchQuery(query.text(), filters, false, SortOrder.RELEVANCE, 0, CatalogSearch.DEFAULT_SIZE,
                visibility);
    }

    private static long productsInCatalog(SyntheticCatalog.ConnectionSource connections) throws Exception {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM data_products")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String describeCorpus(SyntheticCatalog.ConnectionSource connections, int size,
            BenchSettings settings) throws Exception {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT (SELECT count(*) FROM data_products WHERE created_by = 'bench'),
                               (SELECT count(*) FROM data_products),
                               (SELECT count(*) FROM data_product_tags),
                               (SELECT count(*) FROM output_ports),
                               (SELECT count(*) FROM output_port_columns)""")) {
            row.next();
            return String.format(Locale.ROOT, "%,d synthetic published products (%,d in all with the demo ones), "
                            + "%,d tags, %,d output ports, %,d columns; vocabulary of %,d words drawn with a Zipf "
                            + "(1/rank) distribution, %d distinct tags, %d domains, %d teams, seed %d",
                    row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                    settings.vocabulary(), settings.tags(), SyntheticCatalog.DOMAINS.size(), SyntheticCatalog.TEAMS,
                    settings.seed());
        }
    }

    private static String describeQueries(List<QueryMix.Query> queries, BenchSettings settings) {
        Map<QueryMix.Kind, Integer> counts = new EnumMap<>(QueryMix.Kind.class);
        queries.forEach(query -> counts.merge(query.kind(), 1, Integer::sum));
        StringBuilder text = new StringBuilder().append(queries.size()).append(" (");
        counts.forEach((kind, count) -> text.append(count).append(' ').append(kind.label).append(", "));
        text.setLength(text.length() - 2);
        text.append(String.format(Locale.ROOT, "); Agora's paths: %d warm-up passes, then %d measured passes "
                        + "(two clients: %d passes each); PostgreSQL: %d warm-up queries, then %d measured pass(es). "
                        + "The list: `target/bench/queries.txt`",
                settings.warmUp(), settings.passes(), settings.passes(), settings.pgWarmUp(), settings.pgPasses()));
        return text.toString();
    }

    private static String queriesText(List<QueryMix.Query> queries) {
        StringBuilder text = new StringBuilder();
        for (QueryMix.Query query : queries) {
            text.append(query.kind().name()).append('\t').append(query.describe()).append('\n');
        }
        return text.toString();
    }

    private static String machine(String postgresVersion) {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%d cores, %.0f GiB RAM, %s; Java %s (%s); PostgreSQL %s on the same machine",
                Runtime.getRuntime().availableProcessors(), memory / (double) (1L << 30), System.getProperty("os.name"),
                System.getProperty("java.version"), String.join(" ", ManagementFactory.getRuntimeMXBean()
                        .getInputArguments().stream().filter(arg -> arg.startsWith("-Xm")).toList()),
                postgresVersion);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unavailable) {
            return "?";
        }
    }

    private static void log(String format, Object... arguments) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", arguments);
    }
}
