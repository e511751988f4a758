package dev.agora.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit trail can only grow: the database itself refuses to change or remove a line, whoever asks. */
@QuarkusTest
class AuditTrailIsAppendOnlySpec {

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource dataSource;

    private long id;

    @BeforeEach
    void aRecordedLine() {
        id = QuarkusTransaction.requiringNew().call(() -> audit.record("tester", "test.something-happened", "test",
                "42", Map.of("why", "to try to rewrite it"))).id();
    }

    @Test
    void a_recorded_line_reads_back_as_written() {
        AuditEvent line = audit.about("test", "42").stream().filter(e -> e.id() == id).findFirst().orElseThrow();

        assertThat(line.actor()).isEqualTo("tester");
        assertThat(line.action()).isEqualTo("test.something-happened");
        assertThat(line.details()).containsEntry("why", "to try to rewrite it");
    }

    @Test
    void an_update_is_rejected() {
        assertThatThrownBy(() -> execute("UPDATE audit_event SET actor = 'someone-else' WHERE id = " + id))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }

    @Test
    void a_delete_is_rejected() {
        assertThatThrownBy(() -> execute("DELETE FROM audit_event WHERE id = " + id))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }

    @Test
    void a_truncate_is_rejected() {
        assertThatThrownBy(() -> execute("TRUNCATE audit_event"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
