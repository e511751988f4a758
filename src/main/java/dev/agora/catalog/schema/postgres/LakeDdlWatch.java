package dev.agora.catalog.schema.postgres;

import dev.agora.catalog.PortType;
import dev.agora.catalog.schema.SchemaWatch;
import dev.agora.catalog.schema.SchemaWatchSettings;
import dev.agora.platform.LakeDatabase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Notices DDL on the lake's tables within moments: an event trigger (installed at start-up when Agora's lake user is
 * a superuser) records each table that a DDL command changed or dropped into {@code agora_lake_ddl} and NOTIFYs
 * {@value #CHANNEL}; a thread LISTENs on a connection of its own (reconnecting after failures) and hands the tables
 * to the {@link SchemaWatch}. A poll of the log is the safety net for notifications missed while disconnected.
 * Without the trigger (no superuser) a sweep of every published postgres-table port on a schedule takes its place.
 */
@ApplicationScoped
public class LakeDdlWatch {

    static final String CHANNEL = "agora_lake_ddl";
    private static final Logger LOG = Logger.getLogger(LakeDdlWatch.class);

    private final LakeDatabase lake;
    private final SchemaWatch watch;
    private final SchemaWatchSettings settings;
    private final Optional<String> lakeUrl;
    private final Optional<String> lakeUser;
    private final Optional<String> lakePassword;
    private final String agoraUrl;
    private final Optional<String> agoraUser;
    private final Optional<String> agoraPassword;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean triggerInstalled;
    private volatile Thread listener;

    LakeDdlWatch(LakeDatabase lake, SchemaWatch watch, SchemaWatchSettings settings,
            @ConfigProperty(name = "agora.lake.jdbc-url") Optional<String> lakeUrl,
            @ConfigProperty(name = "agora.lake.username") Optional<String> lakeUser,
            @ConfigProperty(name = "agora.lake.password") Optional<String> lakePassword,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String agoraUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> agoraUser,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> agoraPassword) {
        this.lake = lake;
        this.watch = watch;
        this.settings = settings;
        this.lakeUrl = lakeUrl.filter(url -> !url.isBlank());
        this.lakeUser = lakeUser;
        this.lakePassword = lakePassword;
        this.agoraUrl = agoraUrl;
        this.agoraUser = agoraUser;
        this.agoraPassword = agoraPassword;
    }

    void start(@Observes StartupEvent started) {
        if (!settings.enabled()) {
            return;
        }
        triggerInstalled = settings.installTrigger() && install();
        if (triggerInstalled || logExists()) {
            running.set(true);
            listener = new Thread(this::listen, "agora-lake-ddl-listener");
            listener.setDaemon(true);
            listener.start();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        running.set(false);
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether DDL on the lake is recorded (the trigger is there): otherwise only the sweep notices changes. */
    public boolean isTriggerInstalled() {
        return triggerInstalled;
    }

    // --- the trigger -----------------------------------------------------------------------------------------

    private boolean install() {
        try (Connection connection = lake.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery(
                    "SELECT rolsuper, current_schema() FROM pg_roles WHERE rolname = current_user")) {
                if (!row.next() || !row.getBoolean(1)) {
                    LOG.warn("The lake's database user is no superuser: Agora cannot install the event trigger that "
                            + "notices DDL on lake tables at once, and relies on the schema sweep "
                            + "(agora.schema-watch.sweep-interval). A superuser can install it: see ADR 0017.");
                    return false;
                }
                String schema = row.getString(2);
                for (String command : LakeDdlTrigger.installation(schema)) {
                    statement.execute(command);
                }
            }
            LOG.infof("Watching DDL on the lake's tables (event trigger, LISTEN %s)", CHANNEL);
            return true;
        } catch (SQLException failed) {
            LOG.warnf("Could not install the lake's DDL event trigger (%s): relying on the schema sweep",
                    failed.getMessage());
            return false;
        }
    }

    private boolean logExists() {
        try (Connection connection = lake.connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT to_regclass('" + LakeDdlTrigger.LOG_TABLE + "')")) {
            return row.next() && row.getString(1) != null;
        } catch (SQLException failed) {
            return false;
        }
    }

    // --- listening ---------------------------------------------------------------------------------------------

    private void listen() {
        long backoff = 500;
        while (running.get()) {
            try (Connection connection = dedicatedConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                backoff = 500;
                // what was recorded while nobody listened
                processRecorded();
                while (running.get()) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    if (received != null && received.length > 0) {
                        processRecorded();
                    }
                }
            } catch (SQLException | RuntimeException failed) {
                if (!running.get()) {
                    return;
                }
                LOG.warnf("Listening for the lake's DDL failed (%s); reconnecting in %d ms", failed.getMessage(),
                        backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    /** A connection of its own (not the pool's): LISTEN keeps it for as long as Agora runs. */
    private Connection dedicatedConnection() throws SQLException {
        Properties credentials = new Properties();
        String url = lakeUrl.orElse(agoraUrl);
        Optional<String> user = lakeUrl.isPresent() ? lakeUser : agoraUser;
        Optional<String> password = lakeUrl.isPresent() ? lakePassword : agoraPassword;
        user.ifPresent(name -> credentials.setProperty("user", name));
        password.filter(secret -> !secret.isEmpty()).ifPresent(secret -> credentials.setProperty("password", secret));
        credentials.setProperty("ApplicationName", "agora-lake-ddl-listener");
        credentials.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, credentials);
    }

    /** The safety net: reads the log even when no notification arrived. */
    @Scheduled(every = "${agora.schema-watch.poll-interval:PT30S}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (running.get()) {
            processRecorded();
        }
    }

    /** Without the trigger: every published postgres-table port; always: Glue ports (Glue has no trigger). */
    @Scheduled(every = "${agora.schema-watch.sweep-interval:PT1H}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (!settings.enabled()) {
            return;
        }
        List<PortType> types = triggerInstalled ? List.of(PortType.GLUE_TABLE)
                : List.of(PortType.GLUE_TABLE, PortType.POSTGRES_TABLE);
        for (long product : watch.productsWithPortsOf(types)) {
            checkQuietly(product);
        }
    }

    /**
     * Claims what the trigger recorded (several Agora instances share the log: each row is claimed once) and checks
     * the products on those tables.
     */
    synchronized void processRecorded() {
        Set<List<String>> tables = new LinkedHashSet<>();
        try (Connection connection = lake.connect();
                PreparedStatement claim = connection.prepareStatement(LakeDdlTrigger.CLAIM)) {
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    tables.add(List.of(rows.getString(1), rows.getString(2)));
                }
            }
            try (Statement prune = connection.createStatement()) {
                prune.execute(LakeDdlTrigger.PRUNE);
            }
        } catch (SQLException failed) {
            LOG.warnf("Could not read the lake's DDL log: %s", failed.getMessage());
            return;
        }
        for (List<String> table : tables) {
            try {
                for (long product : watch.productsOnTable(table.get(0), table.get(1))) {
                    checkQuietly(product);
                }
            } catch (RuntimeException failed) {
                LOG.warnf(failed, "Could not look up the products on %s.%s", table.get(0), table.get(1));
            }
        }
    }

    private void checkQuietly(long product) {
        try {
            watch.check(product, SchemaWatch.ACTOR);
        } catch (RuntimeException failed) {
            LOG.warnf(failed, "Checking the schema of product %d failed", product);
        }
    }
}
