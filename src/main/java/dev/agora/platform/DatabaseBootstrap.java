package dev.agora.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes sure Agora's PostgreSQL database exists: it connects to the server's maintenance database and creates
 * the target database when it is missing. Used at start-up of the product and by the test suite.
 */
public final class DatabaseBootstrap {

    /** What happened, with a sentence a newcomer can act on when the server does not answer. */
    public sealed interface Outcome {
        record AlreadyPresent(String database) implements Outcome {}

        record Created(String database) implements Outcome {}

        record Unreachable(String advice) implements Outcome {}
    }

    // jdbc:postgresql://host[:port][,host2...]/database[?params]
    private static final Pattern POSTGRES_URL = Pattern.compile("^jdbc:postgresql://([^/]*)/([^?]+)(\\?.*)?$");
    private static final Pattern SAFE_DATABASE_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_$-]{0,62}$");

    private final DatabaseSettings settings;

    public DatabaseBootstrap(DatabaseSettings settings) {
        this.settings = settings;
    }

    public Outcome ensureDatabaseExists() {
        Matcher url = POSTGRES_URL.matcher(settings.jdbcUrl());
        if (!url.matches()) {
            return new Outcome.Unreachable("Agora cannot use the database URL '" + settings.jdbcUrl()
                    + "': set AGORA_DB_URL to jdbc:postgresql://<host>:<port>/<database>.");
        }
        String hosts = url.group(1);
        String database = url.group(2);
        String parameters = url.group(3) == null ? "" : url.group(3);
        String maintenanceUrl = "jdbc:postgresql://" + hosts + "/postgres" + parameters;
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials())) {
            if (exists(connection, database)) {
                return new Outcome.AlreadyPresent(database);
            }
            if (!SAFE_DATABASE_NAME.matcher(database).matches()) {
                return new Outcome.Unreachable("Agora will not create a database named '" + database
                        + "': create it yourself or choose a plain name in AGORA_DB_URL.");
            }
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + database + "\"");
            } catch (SQLException raceOrRights) {
                // another instance may have created it in the meantime; anything else is a real refusal
                if (!exists(connection, database)) {
                    return new Outcome.Unreachable("Agora could not create the database '" + database + "' on "
                            + hosts + " (" + firstLine(raceOrRights) + "): create it, or give AGORA_DB_USER the "
                            + "CREATEDB right.");
                }
            }
            return new Outcome.Created(database);
        } catch (SQLException cannotConnect) {
            return new Outcome.Unreachable(unreachableAdvice(hosts, cannotConnect));
        }
    }

    private Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", settings.username());
        if (!settings.password().isEmpty()) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("connectTimeout", "5");
        return properties;
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private String unreachableAdvice(String hosts, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        if (state.startsWith("28")) {
            return "PostgreSQL at " + hosts + " refused user '" + settings.username() + "' (" + firstLine(cause)
                    + "): set AGORA_DB_USER and AGORA_DB_PASSWORD.";
        }
        return "No PostgreSQL answers at " + hosts + " (" + firstLine(cause) + "): start PostgreSQL "
                + "(sudo pg_ctlcluster 15 main start, or: docker compose -f docker/compose.yml up -d postgres) "
                + "or point AGORA_DB_URL at yours.";
    }

    private static String firstLine(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
