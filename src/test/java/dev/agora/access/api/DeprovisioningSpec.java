package dev.agora.access.api;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.freshProduct;
import static dev.agora.support.AccessRequestsApi.get;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.audit.AuditLog;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.People;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Disabling an account revokes every access for that person, withdraws the requests they are waiting for, and
 * the PostgreSQL privilege is really gone; what they obtained for a team stays the team's.
 */
@QuarkusTest
class DeprovisioningSpec {

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource database;

    private boolean maySelect(String role, String table) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT has_table_privilege(?, ?, 'SELECT')")) {
            statement.setString(1, role);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @Test
    void disabling_an_account_revokes_its_access_and_withdraws_its_pending_requests() {
        People people = new People(accounts, directory);
        String leaver = people.person("leaver");
        people.member("marketing-insights", leaver, TeamRole.MEMBER);
        String active = submit(leaver, request(freshProduct("INTERNAL"), null, 30)).getString("id");
        approve("olivia", active);
        String role = awaitStatus(leaver, active, "ACTIVE").getString("grants[0].grantee");
        assertThat(maySelect(role, "lake.campaigns")).as("while the access is active").isTrue();
        String pending = submit(leaver, request(freshProduct("INTERNAL"), null, 30)).getString("id");
        String forTheTeam = submit(leaver, request(freshProduct("INTERNAL"), "marketing-insights", 30)).getString("id");
        approve("olivia", forTheTeam);
        awaitStatus(leaver, forTheTeam, "ACTIVE");

        Api.as("admin").post("/api/v1/admin/users/" + leaver + "/disable").then().statusCode(204);

        assertThat(get("admin", active).getString("status")).isEqualTo("REVOKED");
        assertThat(get("admin", pending).getString("status")).isEqualTo("CANCELLED");
        assertThat(get("admin", forTheTeam).getString("status")).isEqualTo("ACTIVE");
        Eventually.within(Duration.ofSeconds(15), "the privilege of " + role + " to be gone",
                () -> maySelect(role, "lake.campaigns"), granted -> !granted);
        assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("access-request", active)))
                .anySatisfy(event -> {
                    assertThat(event.action()).isEqualTo("access.request.revoked");
                    assertThat(event.actor()).isEqualTo("system:deprovisioning");
                });
    }
}
