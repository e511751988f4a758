package dev.agora.platform;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The PostgreSQL database that holds the data of postgres-table ports. By default it is Agora's own database
 * (schema {@code lake}); {@code AGORA_LAKE_DB_URL} (with user and password) points at a separate one.
 */
@ApplicationScoped
public class LakeDatabase {

    private final AgroalDataSource agoraDatabase;
    private final Optional<String> url;
    private final Optional<String> username;
    private final Optional<String> password;

    public LakeDatabase(AgroalDataSource agoraDatabase,
            @ConfigProperty(name = "agora.lake.jdbc-url") Optional<String> url,
            @ConfigProperty(name = "agora.lake.username") Optional<String> username,
            @ConfigProperty(name = "agora.lake.password") Optional<String> password) {
        this.agoraDatabase = agoraDatabase;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public Connection connect() throws SQLException {
        if (url.isEmpty()) {
            return agoraDatabase.getConnection();
        }
        Properties credentials = new Properties();
        username.ifPresent(user -> credentials.setProperty("user", user));
        password.ifPresent(secret -> credentials.setProperty("password", secret));
        return DriverManager.getConnection(url.get(), credentials);
    }

    /**
     * Why Agora never grants anything in this schema of the lake, if it does not: PostgreSQL's own schemas, and
     * the schemas holding Agora's own tables when the lake is Agora's database (as on the demo default).
     */
    public Optional<String> neverGrantable(String schema) {
        Optional<String> system = PostgresName.systemSchema(schema);
        if (system.isPresent()) {
            return system;
        }
        if (url.isEmpty() && agorasOwnSchemas().contains(schema)) {
            return Optional.of("schema " + new PostgresName(schema, null) + " holds Agora's own tables and is never "
                    + "granted");
        }
        return Optional.empty();
    }

    private volatile Set<String> agorasOwnSchemas;

    /** The schemas of Agora's database where its migrations ran (normally public). */
    private Set<String> agorasOwnSchemas() {
        Set<String> known = agorasOwnSchemas;
        if (known != null) {
            return known;
        }
        Set<String> schemas = new HashSet<>();
        try (Connection connection = agoraDatabase.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT table_schema FROM information_schema.tables WHERE table_name = 'flyway_schema_history'
                        UNION SELECT current_schema()""")) {
            while (rows.next()) {
                if (rows.getString(1) != null) {
                    schemas.add(rows.getString(1));
                }
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot read Agora's own schemas: " + failed.getMessage(), failed);
        }
        agorasOwnSchemas = Set.copyOf(schemas);
        return agorasOwnSchemas;
    }

    /**
     * Whether the lake is Agora's own database: no separate URL, or a URL that leads to the same database of the
     * same server (compared by the server's system identifier, or its address and port, and the database name).
     */
    public boolean isAgorasOwnDatabase() throws SQLException {
        if (url.isEmpty()) {
            return true;
        }
        try (Connection agora = agoraDatabase.getConnection(); Connection lakeConnection = connect()) {
            return identityOf(agora).equals(identityOf(lakeConnection));
        }
    }

    /** Whether Agora's own database user is a superuser (it then could read any table of its server). */
    public boolean agoraUserIsSuperuser() throws SQLException {
        try (Connection agora = agoraDatabase.getConnection(); Statement statement = agora.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static String identityOf(Connection connection) throws SQLException {
        String server;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT system_identifier FROM pg_control_system()")) {
            row.next();
            server = "cluster " + row.getLong(1);
        } catch (SQLException restricted) {
            // pg_control_system() may be restricted to monitoring roles: the server's address and port then
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT inet_server_addr()::text || ':' || inet_server_port()")) {
                row.next();
                server = "server " + row.getString(1);
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_database()")) {
            row.next();
            return server + "/" + row.getString(1);
        }
    }

    /** Where the lake is, for messages: "Agora's database" or the configured URL. */
    public String describe() {
        return url.map(u -> "the lake database " + u).orElse("the lake database (Agora's own)");
    }
}
