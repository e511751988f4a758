package dev.agora.grants.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.grants.ActualGrant;
import dev.agora.grants.GrantOutcome;
import dev.agora.grants.GrantSpec;
import dev.agora.grants.Grantee;
import dev.agora.grants.TestGrantsConfig;
import dev.agora.platform.LakeDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * With AGORA_PG_USER_ROLES set, the PostgreSQL engine reads back what its mapped login roles hold (reconciliation
 * used to send Java's \Q…\E quoting to PostgreSQL's regex engine and fail).
 */
@QuarkusTest
class MappedLoginRolesSpec {

    @Inject
    AgroalDataSource database;

    @Inject
    LakeDatabase lake;

    @Inject
    GranteeRoles roles;

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Nested
    class A_person_mapped_to_a_login_role {

        @Test
        void is_granted_under_that_role_and_reconciliation_reads_it_back() throws SQLException {
            String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            String login = "mapped_login_" + run;
            // a role name with a regex metacharacter, as real login names may have
            String dotted = "mapped.login." + run;
            execute("CREATE ROLE " + login + " NOLOGIN");
            execute("CREATE ROLE \"" + dotted + "\" NOLOGIN");
            try {
                PostgresGrantEngine engine = new PostgresGrantEngine(lake, roles,
                        TestGrantsConfig.withPgUserRoles("mira" + run + "=" + login + ",otto" + run + "=" + dotted));
                assertThat(engine.resolve(Grantee.user("mira" + run)).grantee()).isEqualTo(login);
                assertThat(engine.grant(new GrantSpec("postgres-table", "lake.campaigns", List.of(), login,
                        Set.of("READ")))).isInstanceOf(GrantOutcome.Applied.class);
                assertThat(engine.grant(new GrantSpec("postgres-table", "lake.campaigns", List.of("channel"), dotted,
                        Set.of("READ")))).isInstanceOf(GrantOutcome.Applied.class);

                List<ActualGrant> actual = engine.actual(List.of("lake.campaigns"));

                assertThat(actual).contains(new ActualGrant(login, "lake.campaigns", null, "SELECT"),
                        new ActualGrant(dotted, "lake.campaigns", "channel", "SELECT"));
            } finally {
                execute("DROP OWNED BY " + login + ", \"" + dotted + "\"");
                execute("DROP ROLE " + login);
                execute("DROP ROLE \"" + dotted + "\"");
            }
        }
    }
}
