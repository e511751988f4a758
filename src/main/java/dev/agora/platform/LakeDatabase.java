package dev.agora.platform;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
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

    LakeDatabase(AgroalDataSource agoraDatabase,
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

    /** Where the lake is, for messages: "Agora's database" or the configured URL. */
    public String describe() {
        return url.map(u -> "the lake database " + u).orElse("the lake database (Agora's own)");
    }
}
