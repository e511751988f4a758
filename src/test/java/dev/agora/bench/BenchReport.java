package dev.agora.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one corpus size, and their Markdown. */
final class BenchReport {

    /** The goal of the issue: HTTP p95 at most this many milliseconds at 1,000,000 products on 2 cores. */
    static final double GOAL_P95_MILLIS = 20;

    int products;
    long indexedProducts;
    String corpus;
    String machine;
    String queries;
    long buildMillis;
    double buildOthersCpu = Double.NaN;
    final List<String> busyPhases = new ArrayList<>();
    long indexBytes;
    long heapBeforeBuild;
    long heapAfterBuild;
    long heapMax;
    long catalogBytes = -1;
    long fullTextBytes = -1;
    String loadBefore;
    String loadAfter;
    final List<Measurement> measurements = new ArrayList<>();
    LuceneCostBreakdown breakdown;
    Measurement httpFloor;
    List<String> notes = new ArrayList<>();

    Measurement find(String path, int clients) {
        return measurements.stream().filter(m -> m.path.equals(path) && m.clients == clients).findFirst()
                .orElse(null);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Search benchmark: ").append(number(products)).append(" products\n\n");
        md.append("- Machine: ").append(machine).append('\n');
        md.append("- Load average (1 min) before / after: ").append(loadBefore).append(" / ").append(loadAfter)
                .append('\n');
        md.append("- Corpus: ").append(corpus).append('\n');
        md.append("- Queries: ").append(queries).append("\n\n");

        md.append("| index | figure |\n|---|---|\n");
        md.append("| products in the index | ").append(number(indexedProducts)).append(" |\n");
        md.append("| build (`CatalogIndexer#rebuild`) | ").append(buildMillis < 0 ? "not run: index kept (`bench.rebuild=false`)"
                : String.format(Locale.ROOT, "%.1f s (other processes: %s of the CPUs)", buildMillis / 1e3,
                        percent(buildOthersCpu))).append(" |\n");
        md.append("| size on disk (`LuceneSearchIndex#sizeOnDisk`) | ").append(megabytes(indexBytes)).append(" |\n");
        md.append("| heap used after the build (after a full GC) | ").append(megabytes(heapAfterBuild))
                .append(" (before the build: ").append(megabytes(heapBeforeBuild)).append("; max heap ")
                .append(megabytes(heapMax)).append(") |\n");
        if (catalogBytes >= 0) {
            md.append("| PostgreSQL: catalog tables with their indexes | ").append(megabytes(catalogBytes))
                    .append(" |\n");
            md.append("| PostgreSQL: full-text table with its GIN index | ").append(megabytes(fullTextBytes))
                    .append(" |\n");
        }
        md.append('\n');

        md.append("\"CPU of other processes\": share of both cores used by anything but the JVM under test "
                + "(PostgreSQL included, so for the PostgreSQL rows it is mostly PostgreSQL itself).\n\n");
        md.append("| path | clients | calls | p50 ms | p95 ms | p99 ms | mean ms | max ms | throughput (calls/s) "
                + "| CPU of other processes |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Measurement m : measurements) {
            Latencies l = m.overall;
            md.append("| ").append(m.path).append(" | ").append(m.clients).append(" | ").append(l.count())
                    .append(" | ").append(ms(l.percentileMillis(50))).append(" | ").append(ms(l.percentileMillis(95)))
                    .append(" | ").append(ms(l.percentileMillis(99))).append(" | ").append(ms(l.meanMillis()))
                    .append(" | ").append(ms(l.maxMillis())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", m.throughput())).append(" | ")
                    .append(percent(m.othersCpu)).append(" |\n");
        }
        md.append('\n');
        if (httpFloor != null) {
            Latencies floor = httpFloor.overall;
            md.append("HTTP floor, `GET /api/v1/me` (the same HTTP Basic sign-in, an account lookup and JSON, no "
                    + "search; one client): p50 ").append(ms(floor.percentileMillis(50))).append(" / p95 ")
                    .append(ms(floor.percentileMillis(95))).append(" / p99 ").append(ms(floor.percentileMillis(99)))
                    .append(" ms.\n\n");
        }
        if (!busyPhases.isEmpty()) {
            md.append("**Disturbed**: other processes took more than the allowed share of the CPUs during ")
                    .append(String.join(", ", busyPhases)).append(", on every attempt. Those figures are pessimistic."
                            + "\n\n");
        }
        Measurement http = find(SearchBench.HTTP, 1);
        if (http != null) {
            double p95 = http.overall.percentileMillis(95);
            boolean met = p95 <= GOAL_P95_MILLIS;
            md.append("Goal (HTTP p95 ≤ ").append(ms(GOAL_P95_MILLIS)).append(" ms at 1,000,000 products): HTTP p95 here is ")
                    .append(ms(p95)).append(" ms — ").append(met ? "**within the goal**" : "**not met**")
                    .append(products == 1_000_000 ? "." : " (this run is at " + number(products) + " products).")
                    .append("\n\n");
        }

        md.append("### By query class: p50 / p95 ms (mean matching products)\n\n");
        md.append("| class |");
        for (Measurement m : measurements) {
            md.append(' ').append(m.path).append(m.clients > 1 ? " ×" + m.clients : "").append(" |");
        }
        md.append("\n|---|");
        md.append("---|".repeat(measurements.size()));
        md.append('\n');
        for (QueryMix.Kind kind : QueryMix.Kind.values()) {
            md.append("| ").append(kind.label).append(" |");
            for (Measurement m : measurements) {
                Latencies l = m.byKind.get(kind);
                md.append(' ').append(ms(l.percentileMillis(50))).append(" / ").append(ms(l.percentileMillis(95)));
                if (m.clients == 1) {
                    md.append(" (").append(number(Math.round(l.meanMatches()))).append(')');
                }
                md.append(" |");
            }
            md.append('\n');
        }
        md.append('\n');

        if (breakdown != null) {
            md.append("### Where a Lucene search spends its time: each step alone, p50 / p95 ms\n\n");
            md.append("Same index, same queries, the building blocks of a search timed one by one, shipped or "
                    + "not (what ships: the page with skipping, facets over every match up to 25,000 matches and "
                    + "over a sample beyond, highlighting of the rewritten query).\n\n");
            md.append("| step |");
            for (QueryMix.Kind kind : QueryMix.Kind.values()) {
                md.append(' ').append(kind.label).append(" |");
            }
            md.append(" all |\n|---|").append("---|".repeat(QueryMix.Kind.values().length + 1)).append('\n');
            for (LuceneCostBreakdown.Step step : LuceneCostBreakdown.Step.values()) {
                md.append("| ").append(step.label).append(" |");
                for (Map.Entry<QueryMix.Kind, Latencies> cell : breakdown.latencies.get(step).entrySet()) {
                    md.append(' ').append(ms(cell.getValue().percentileMillis(50))).append(" / ")
                            .append(ms(cell.getValue().percentileMillis(95))).append(" |");
                }
                Latencies all = breakdown.overall.get(step);
                md.append(' ').append(ms(all.percentileMillis(50))).append(" / ").append(ms(all.percentileMillis(95)))
                        .append(" |\n");
            }
            md.append('\n');
            md.append(String.format(Locale.ROOT, "The candidate's estimated totals (first %,d matches, scaled) are off "
                            + "by %.1f %% for the median query and by at most %.1f %% among queries with more "
                            + "matches than that.%n%n", LuceneCostBreakdown.SAMPLE, breakdown.medianTotalErrorPercent(),
                    breakdown.maxTotalErrorPercent()));
        }
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%,.0f", millis);
        }
        return String.format(Locale.ROOT, millis >= 10 ? "%.1f" : "%.2f", millis);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "?" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String megabytes(long bytes) {
        if (bytes < 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }
}
