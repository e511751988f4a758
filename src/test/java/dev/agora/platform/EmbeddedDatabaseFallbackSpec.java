package dev.agora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.platform.DatabaseChoice.Decision;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Which PostgreSQL Agora uses when it starts: the configured one, an embedded one when nothing is configured and
 * nothing answers, or one line saying what to do. (Running the packaged jar: {@code EmbeddedPostgresqlStartIT}.)
 */
class EmbeddedDatabaseFallbackSpec {

    private static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/agora";
    private static final Path DATA = Path.of(".agora-data");

    private static DatabaseSettings.Fallback defaults(boolean demo) {
        return new DatabaseSettings.Fallback(false, demo, DATA);
    }

    @Nested
    class When_no_database_is_configured {

        @Test
        void a_server_answering_at_the_default_address_is_used_as_before() {
            assertThat(DatabaseChoice.decide(defaults(true), DEFAULT_URL, true, false))
                    .isEqualTo(new Decision.UseConfigured());
        }

        @Test
        void nothing_answering_starts_an_embedded_postgresql_and_names_the_address_it_tried() {
            assertThat(DatabaseChoice.decide(defaults(true), DEFAULT_URL, false, false))
                    .isEqualTo(new Decision.StartEmbedded("localhost:5432"));
        }

        @Test
        void as_root_it_refuses_in_one_line_naming_both_ways_out() {
            Decision decision = DatabaseChoice.decide(defaults(true), DEFAULT_URL, false, true);

            assertThat(decision).isInstanceOf(Decision.Refuse.class);
            assertThat(((Decision.Refuse) decision).line()).doesNotContain("\n").contains("root")
                    .contains("normal user").contains("start a PostgreSQL server").contains("AGORA_DB_URL");
        }

        @Test
        void outside_demo_mode_it_refuses_rather_than_keep_real_data_in_an_embedded_server() {
            Decision decision = DatabaseChoice.decide(defaults(false), DEFAULT_URL, false, false);

            assertThat(decision).isInstanceOf(Decision.Refuse.class);
            assertThat(((Decision.Refuse) decision).line()).doesNotContain("\n").contains("AGORA_DEMO=false")
                    .contains("AGORA_DB_URL");
        }
    }

    @Nested
    class When_a_database_is_configured {

        @Test
        void it_is_used_even_when_it_does_not_answer_so_that_the_bootstrap_names_the_fix() {
            DatabaseSettings.Fallback configured = new DatabaseSettings.Fallback(true, true, DATA);

            assertThat(DatabaseChoice.decide(configured, "jdbc:postgresql://db.example:5432/agora", false, false))
                    .isEqualTo(new Decision.UseConfigured());
        }

        @Test
        void agora_db_url_counts_as_configured_while_the_packaged_default_does_not() {
            String key = "AGORA_DB_URL";
            assertThat(DatabaseSettings.Fallback.fromConfiguration().urlConfigured())
                    .as("no AGORA_DB_URL in this test's environment").isEqualTo(System.getenv(key) != null);
            System.setProperty(key, "jdbc:postgresql://localhost:5432/mine");
            try {
                assertThat(DatabaseSettings.Fallback.fromConfiguration().urlConfigured()).isTrue();
            } finally {
                System.clearProperty(key);
            }
        }
    }

    @Nested
    class Probing_the_default_address {

        @Test
        void a_listening_port_answers_and_a_closed_one_does_not() throws IOException {
            int closedPort;
            try (ServerSocket listening = new ServerSocket(0)) {
                assertThat(DatabaseChoice.serverAnswers("jdbc:postgresql://localhost:" + listening.getLocalPort()
                        + "/agora")).isTrue();
                closedPort = listening.getLocalPort();
            }
            assertThat(DatabaseChoice.serverAnswers("jdbc:postgresql://localhost:" + closedPort + "/agora")).isFalse();
        }

        @Test
        void the_default_port_of_the_url_is_postgresqls() {
            assertThat(DatabaseChoice.address("jdbc:postgresql://localhost/agora"))
                    .hasValue(new DatabaseChoice.Address("localhost", 5432));
        }
    }
}
