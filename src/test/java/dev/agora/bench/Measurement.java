package dev.agora.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The latencies of one search path over the query mix: overall, per query class, and the throughput of the
 * measured passes (calls per second of wall time, all clients together).
 */
final class Measurement {

    /** A search path under test: runs one query, tells how many products matched. */
    @FunctionalInterface
    interface SearchPath {
        long run(QueryMix.Query query) throws Exception;
    }

    final String path;
    final int clients;
    final Latencies overall = new Latencies();
    final Map<QueryMix.Kind, Latencies> byKind = new EnumMap<>(QueryMix.Kind.class);
    double wallSeconds;
    /** Share of the machine's CPUs that other processes used during the measured passes (NaN: unknown). */
    double othersCpu = Double.NaN;

    private Measurement(String path, int clients) {
        this.path = path;
        this.clients = clients;
        for (QueryMix.Kind kind : QueryMix.Kind.values()) {
            byKind.put(kind, new Latencies());
        }
    }

    double throughput() {
        return overall.count() / wallSeconds;
    }

    /** Runs the mix {@code warmUp} times unmeasured, then {@code passes} times measured, on one thread. */
    static Measurement singleClient(String path, List<QueryMix.Query> queries, int warmUp, int passes,
            SearchPath search) throws Exception {
        for (int pass = 0; pass < warmUp; pass++) {
            for (QueryMix.Query query : queries) {
                search.run(query);
            }
        }
        Measurement measurement = new Measurement(path, 1);
        MachineLoad.Sample load = MachineLoad.sample();
        long started = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            for (QueryMix.Query query : queries) {
                measurement.time(query, search);
            }
        }
        measurement.wallSeconds = (System.nanoTime() - started) / 1e9;
        measurement.othersCpu = MachineLoad.othersShare(load, MachineLoad.sample());
        return measurement;
    }

    /** {@code clients} threads each run the mix {@code passes} times, each starting at another place in it. */
    static Measurement concurrentClients(String path, List<QueryMix.Query> queries, int clients, int passes,
            SearchPath search) throws Exception {
        Measurement measurement = new Measurement(path, clients);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            MachineLoad.Sample load = MachineLoad.sample();
            long started = System.nanoTime();
            for (int client = 0; client < clients; client++) {
                int offset = client * queries.size() / clients;
                running.add(threads.submit(() -> {
                    for (int pass = 0; pass < passes; pass++) {
                        for (int i = 0; i < queries.size(); i++) {
                            measurement.time(queries.get((offset + i) % queries.size()), search);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            measurement.wallSeconds = (System.nanoTime() - started) / 1e9;
            measurement.othersCpu = MachineLoad.othersShare(load, MachineLoad.sample());
        } finally {
            threads.shutdown();
        }
        return measurement;
    }

    private void time(QueryMix.Query query, SearchPath search) throws Exception {
        long started = System.nanoTime();
        long matched = search.run(query);
        long elapsed = System.nanoTime() - started;
        overall.add(elapsed, matched);
        byKind.get(query.kind()).add(elapsed, matched);
    }
}
