package dev.agora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Before Agora boots, it makes sure its database exists, or says in one line what to start or set. */
class DatabaseBootstrapSpec {

    private static final String DATABASE = "agora_bootstrap_check";

    @AfterEach
    void dropDatabase() {
        FreshTestDatabase.drop(DATABASE);
    }

    private static DatabaseSettings settings(String url) {
        return new DatabaseSettings(url, FreshTestDatabase.user(), FreshTestDatabase.password());
    }

    @Test
    void a_missing_database_is_created_and_found_the_next_time() {
        FreshTestDatabase.drop(DATABASE);
        DatabaseBootstrap bootstrap = new DatabaseBootstrap(settings(FreshTestDatabase.serverUrl() + "/" + DATABASE));

        assertThat(bootstrap.ensureDatabaseExists()).isEqualTo(new DatabaseBootstrap.Outcome.Created(DATABASE));
        assertThat(bootstrap.ensureDatabaseExists()).isEqualTo(new DatabaseBootstrap.Outcome.AlreadyPresent(DATABASE));
    }

    @Test
    void a_server_that_does_not_answer_gives_one_line_naming_what_to_start_or_set() {
        DatabaseBootstrap bootstrap = new DatabaseBootstrap(settings("jdbc:postgresql://localhost:1/agora"));

        DatabaseBootstrap.Outcome outcome = bootstrap.ensureDatabaseExists();

        assertThat(outcome).isInstanceOf(DatabaseBootstrap.Outcome.Unreachable.class);
        String advice = ((DatabaseBootstrap.Outcome.Unreachable) outcome).advice();
        assertThat(advice).doesNotContain("\n").contains("localhost:1").contains("start PostgreSQL")
                .contains("AGORA_DB_URL");
    }

    @Test
    void a_url_that_is_not_postgresql_is_refused_with_the_setting_to_fix() {
        DatabaseBootstrap.Outcome outcome = new DatabaseBootstrap(settings("jdbc:mysql://localhost/agora"))
                .ensureDatabaseExists();

        assertThat(outcome).isInstanceOf(DatabaseBootstrap.Outcome.Unreachable.class);
        assertThat(((DatabaseBootstrap.Outcome.Unreachable) outcome).advice()).contains("AGORA_DB_URL");
    }
}
