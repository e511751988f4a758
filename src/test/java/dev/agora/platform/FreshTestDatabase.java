package dev.agora.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Gives the test run a database of its own, empty at the start, so that every run applies all migrations to a
 * blank database. Runs once, before the application under test starts.
 *
 * <p>The system property {@code agora.test.database} names another database (the search benchmark uses
 * {@code agora_bench}); with {@code agora.test.keep-database=true} an existing database is kept as it is, so that
 * a large generated catalog survives from one run to the next.
 */
@QuarkusTestResource(FreshTestDatabase.class)
public class FreshTestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String NAME = "agora_test";
    public static final String DATABASE_PROPERTY = "agora.test.database";
    public static final String KEEP_PROPERTY = "agora.test.keep-database";

    /** The database of this run: {@value #NAME} unless {@value #DATABASE_PROPERTY} says otherwise. */
    public static String name() {
        String configured = System.getProperty(DATABASE_PROPERTY, "").strip();
        return configured.isEmpty() ? NAME : configured;
    }

    public static String serverUrl() {
        String configured = System.getenv("AGORA_TEST_DB_SERVER");
        return configured != null ? configured : "jdbc:postgresql://localhost:5432";
    }

    /** A connection to one of the test run's databases, for specs that look at or arrange rows directly. */
    public static java.sql.Connection connect(String database) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(serverUrl() + "/" + database, user(), password());
    }

    public static String user() {
        return System.getenv().getOrDefault("AGORA_DB_USER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("AGORA_DB_PASSWORD", "");
    }

    @Override
    public Map<String, String> start() {
        String database = name();
        if (Boolean.getBoolean(KEEP_PROPERTY)) {
            createIfMissing(database);
        } else {
            recreate(database);
        }
        return Map.of("quarkus.datasource.jdbc.url", serverUrl() + "/" + database,
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

    /** Creates the database unless it exists; an existing one keeps its content. */
    public static void createIfMissing(String database) {
        try (Connection connection = DriverManager.getConnection(serverUrl() + "/postgres", user(), password());
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE \"" + database + "\"");
                    }
                }
            }
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
