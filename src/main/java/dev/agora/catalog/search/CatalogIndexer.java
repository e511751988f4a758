package dev.agora.catalog.search;

import dev.agora.catalog.CatalogChanged;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Keeps the search index following the catalog. Each product row carries the id of the transaction that last
 * changed it; a catch-up reads, in one snapshot, every product changed by a transaction the index may not have
 * seen (those from the previous snapshot's xmin on) and applies them. That finds every committed change exactly
 * once or more, whatever the commit order, on every instance (ADR 0005). A catch-up runs right after each
 * catalog change commits here, every second for changes made by other instances, and in full at start when the
 * index is missing or was built from another database.
 */
@ApplicationScoped
public class CatalogIndexer {

    /** Start-up order: before the demo seeds publish, so that their products are followed. */
    public static final int STARTUP_PRIORITY = 20;

    private static final Logger LOG = Logger.getLogger(CatalogIndexer.class);
    private static final int BATCH = 1_000;

    /** What a full rebuild did. */
    public record Rebuild(long products, Duration took) {}

    private final AgroalDataSource database;
    private final SearchIndex index;
    private final ReentrantLock following = new ReentrantLock();
    private final AtomicBoolean catchUpWanted = new AtomicBoolean();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "catalog-indexer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String installation;
    private volatile long cursor = -1;

    CatalogIndexer(AgroalDataSource database, SearchIndex index) {
        this.database = database;
        this.index = index;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent start) {
        Optional<Checkpoint> checkpoint = index.checkpoint();
        String current = installation();
        if (checkpoint.isEmpty() || !checkpoint.get().installation().equals(current)) {
            LOG.infof("Building the search index from the catalog (%s).",
                    checkpoint.isEmpty() ? "no index yet" : "the index was built from another database");
            Rebuild rebuild = rebuild();
            LOG.infof("Search index built: %d products in %d ms.", rebuild.products(), rebuild.took().toMillis());
        } else {
            cursor = checkpoint.get().xmin();
            int applied = catchUp();
            LOG.infof("Search index is current (%d products; %d changed since it was last written).", index.size(),
                    applied);
        }
    }

    /** After a catalog change commits here: catch up at once, off the request thread. */
    void onCatalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged changed) {
        if (catchUpWanted.compareAndSet(false, true)) {
            nudges.execute(() -> {
                catchUpWanted.set(false);
                catchUpQuietly();
            });
        }
    }

    @Scheduled(every = "${agora.search.follow-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${agora.search.follow-interval:1s}")
    void follow() {
        catchUpQuietly();
    }

    private void catchUpQuietly() {
        try {
            catchUp();
        } catch (RuntimeException failed) {
            LOG.warnf("The search index could not catch up with the catalog (will retry): %s", failed.getMessage());
        }
    }

    /** Applies every change the index may not have seen; tells how many products it (re)indexed. */
    public int catchUp() {
        following.lock();
        try {
            if (cursor < 0) {
                rebuild();
                return (int) index.size();
            }
            try (Connection connection = snapshot()) {
                long xmin = snapshotXmin(connection);
                int applied = 0;
                List<IndexedProduct> batch = new ArrayList<>();
                try (ProductDocuments documents = new ProductDocuments(connection, ProductDocuments.Scope.CHANGED_SINCE,
                        cursor)) {
                    while (documents.hasNext()) {
                        batch.add(documents.next());
                        if (batch.size() == BATCH) {
                            // the checkpoint moves only once the whole snapshot is applied
                            index.apply(batch, new Checkpoint(installation(), cursor));
                            applied += batch.size();
                            batch.clear();
                        }
                    }
                }
                connection.commit();
                if (!batch.isEmpty() || applied > 0) {
                    index.apply(batch, new Checkpoint(installation(), xmin));
                    applied += batch.size();
                }
                cursor = xmin;
                return applied;
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("reading the catalog failed: " + failed.getMessage(), failed);
        } finally {
            following.unlock();
        }
    }

    /** Rebuilds the whole index from PostgreSQL. */
    public Rebuild rebuild() {
        following.lock();
        long started = System.nanoTime();
        try (Connection connection = snapshot()) {
            long xmin = snapshotXmin(connection);
            try (ProductDocuments documents = new ProductDocuments(connection, ProductDocuments.Scope.ALL, 0)) {
                index.rebuild(documents, new Checkpoint(installation(), xmin));
            }
            connection.commit();
            cursor = xmin;
            return new Rebuild(index.size(), Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException failed) {
            throw new IllegalStateException("reading the catalog failed: " + failed.getMessage(), failed);
        } finally {
            following.unlock();
        }
    }

    private Connection snapshot() throws SQLException {
        Connection connection = database.getConnection();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        return connection;
    }

    /** The oldest transaction still running when the snapshot was taken: all older ones are finished. */
    private static long snapshotXmin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")) {
            row.next();
            return Long.parseLong(row.getString(1));
        }
    }

    private String installation() {
        if (installation == null) {
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT id::text FROM installation ORDER BY created_at LIMIT 1")) {
                row.next();
                installation = row.getString(1);
            } catch (SQLException failed) {
                throw new IllegalStateException("cannot read the installation id", failed);
            }
        }
        return installation;
    }
}
