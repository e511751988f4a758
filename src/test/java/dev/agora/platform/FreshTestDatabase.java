package dev.agora.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Gives the test run a database of its own, empty at the start, so that every run applies all migrations to a
 * blank database. Runs once, before the application under test starts.
 */
@QuarkusTestResource(FreshTestDatabase.class)
public class FreshTestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String NAME = "agora_test";

    public static String serverUrl() {
        String configured = System.getenv("AGORA_TEST_DB_SERVER");
        return configured != null ? configured : "jdbc:postgresql://localhost:5432";
    }

    public static String user() {
        return System.getenv().getOrDefault("AGORA_DB_USER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("AGORA_DB_PASSWORD", "");
    }

    @Override
    public Map<String, String> start() {
        recreate(NAME);
        return Map.of("quarkus.datasource.jdbc.url", serverUrl() + "/" + NAME,
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", password());
    }

    @Override
    public void stop() {
        // the database stays for inspection after a run; the next run starts from an empty one again
    }

    /** Drops the database (ending its sessions) and creates it empty. */
    public static void recreate(String database) {
        try (Connection connection = DriverManager.getConnection(serverUrl() + "/postgres", user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + database + "\"");
        } catch (SQLException failed) {
            throw new IllegalStateException("The tests need PostgreSQL at " + serverUrl() + " (user " + user()
                    + "); start it or set AGORA_TEST_DB_SERVER: " + failed.getMessage(), failed);
        }
    }

    public static void drop(String database) {
        try (Connection connection = DriverManager.getConnection(serverUrl() + "/postgres", user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
