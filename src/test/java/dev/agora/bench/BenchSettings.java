package dev.agora.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to run, from system properties (the {@code bench} Maven profile passes them on; {@code -Dbench.products=…}
 * on the command line overrides its defaults).
 *
 * @param sizes         {@code bench.products}: corpus sizes, comma-separated; {@code 100k} and {@code 1m} work too
 * @param queries       {@code bench.queries}: queries in the mix
 * @param warmUp        {@code bench.warmup}: unmeasured passes over the mix before measuring Agora's paths
 * @param passes        {@code bench.passes}: measured passes over the mix for Agora's paths
 * @param pgWarmUp      {@code bench.pg-warmup}: unmeasured queries before measuring a PostgreSQL baseline
 * @param pgPasses      {@code bench.pg-passes}: measured passes for the PostgreSQL baselines (they are slow)
 * @param reuse         {@code bench.reuse}: keep a corpus of the same size and make from an earlier run
 * @param seed          {@code bench.seed}: the seed of corpus and queries
 * @param breakdown     {@code bench.breakdown}: time the steps of a Lucene search one by one
 * @param baselines     {@code bench.baselines}: run the PostgreSQL baselines
 * @param vocabulary    {@code bench.vocabulary}: words in the vocabulary
 * @param tags          {@code bench.tags}: distinct tags
 * @param output        {@code bench.output}: where the Markdown reports go
 * @param rebuild       {@code bench.rebuild}: rebuild the index and time it; {@code false} keeps an index that
 *                      already holds the whole corpus (for profiling runs)
 * @param quietShare    {@code bench.quiet-share}: before each measured phase, wait until other processes use less
 *                      than this share of the CPUs (0–1; 1 never waits)
 * @param quietWait     {@code bench.quiet-wait}: how long to wait for that at most
 * @param retries       {@code bench.retries}: how often to repeat a phase during which other processes still took
 *                      more than that share
 */
record BenchSettings(List<Integer> sizes, int queries, int warmUp, int passes, int pgWarmUp, int pgPasses,
        boolean reuse, long seed, boolean breakdown, boolean baselines, int vocabulary, int tags, Path output,
        boolean rebuild, double quietShare, Duration quietWait, int retries) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                sizes(property("bench.products", "100000")),
                Integer.parseInt(property("bench.queries", "200")),
                Integer.parseInt(property("bench.warmup", "3")),
                Integer.parseInt(property("bench.passes", "5")),
                Integer.parseInt(property("bench.pg-warmup", "10")),
                Integer.parseInt(property("bench.pg-passes", "1")),
                Boolean.parseBoolean(property("bench.reuse", "true")),
                Long.parseLong(property("bench.seed", "42")),
                Boolean.parseBoolean(property("bench.breakdown", "true")),
                Boolean.parseBoolean(property("bench.baselines", "true")),
                Integer.parseInt(property("bench.vocabulary", "5000")),
                Integer.parseInt(property("bench.tags", "300")),
                Path.of(property("bench.output", "target/bench")),
                Boolean.parseBoolean(property("bench.rebuild", "true")),
                Double.parseDouble(property("bench.quiet-share", "0.15")),
                Duration.ofSeconds(Long.parseLong(property("bench.quiet-wait", "900"))),
                Integer.parseInt(property("bench.retries", "2")));
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name, "").strip();
        return value.isEmpty() ? fallback : value;
    }

    static List<Integer> sizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            String size = part.strip().toLowerCase(Locale.ROOT).replace("_", "");
            if (size.isEmpty()) {
                continue;
            }
            int factor = 1;
            if (size.endsWith("k")) {
                factor = 1_000;
                size = size.substring(0, size.length() - 1);
            } else if (size.endsWith("m")) {
                factor = 1_000_000;
                size = size.substring(0, size.length() - 1);
            }
            sizes.add(Math.multiplyExact(Integer.parseInt(size), factor));
        }
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("bench.products names no corpus size: " + text);
        }
        return List.copyOf(sizes);
    }
}
