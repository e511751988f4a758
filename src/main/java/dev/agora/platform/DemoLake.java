package dev.agora.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Creates the demo data lake (schema {@code lake}: orders, customers, campaigns) in Agora's database, so that the
 * catalog has real tables to publish and the PostgreSQL grant engine real tables to grant on. Idempotent.
 */
@ApplicationScoped
public class DemoLake {

    /** Start-up order: the lake exists before the features seed what refers to it. */
    public static final int STARTUP_PRIORITY = 100;

    private static final Logger LOG = Logger.getLogger(DemoLake.class);
    private static final String SCRIPT = "demo/lake.sql";

    private final AgroalDataSource dataSource;
    private final DemoSettings demo;

    DemoLake(AgroalDataSource dataSource, DemoSettings demo) {
        this.dataSource = dataSource;
        this.demo = demo;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent start) {
        if (demo.enabled()) {
            create();
        }
    }

    public void create() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // the PostgreSQL driver runs a multi-statement script in one round trip, in one implicit transaction
            statement.execute(script());
            LOG.debug("demo lake is in place");
        } catch (SQLException failed) {
            throw new IllegalStateException("could not create the demo lake: " + failed.getMessage(), failed);
        }
    }

    private static String script() {
        try (InputStream in = DemoLake.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
