package dev.agora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Flyway migrations, as packaged in the application, build the whole schema on an empty database. */
class MigrationsSpec {

    private static final String DATABASE = "agora_migrations_check";

    @BeforeAll
    static void emptyDatabase() {
        FreshTestDatabase.recreate(DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        FreshTestDatabase.drop(DATABASE);
    }

    private static Flyway flyway() {
        return Flyway.configure()
                .dataSource(FreshTestDatabase.serverUrl() + "/" + DATABASE, FreshTestDatabase.user(),
                        FreshTestDatabase.password())
                .locations("classpath:db/migration")
                .load();
    }

    @Test
    void all_migrations_apply_to_an_empty_database_and_a_second_run_has_nothing_to_do() throws SQLException {
        MigrateResult first = flyway().migrate();
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(3);

        MigrateResult second = flyway().migrate();
        assertThat(second.migrationsExecuted).isZero();

        assertThat(tables()).contains("users", "domains", "teams", "team_memberships", "audit_event", "outbox");
    }

    private static List<String> tables() throws SQLException {
        try (Connection connection = FreshTestDatabase.connect(DATABASE);
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
