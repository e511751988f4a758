package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.platform.DemoLake;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo seed ran at start-up; running it again changes nothing at all. */
@QuarkusTest
class DemoSeedSpec {

    @Inject
    IdentityDemoSeed identitySeed;

    @Inject
    DemoLake lake;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_demo_organisation_and_lake_are_in_place_after_start() throws SQLException {
        Map<String, String> state = snapshot();

        assertThat(state.get("users")).contains("admin:ADMIN", "olivia:USER", "marco:USER", "stella:USER");
        assertThat(state.get("memberships"))
                .contains("sales-analytics/olivia/OWNER", "marketing-insights/marco/MEMBER",
                        "sales-analytics/stella/STEWARD");
        assertThat(state.get("teams")).contains("sales-analytics@sales", "marketing-insights@marketing");
        assertThat(Integer.parseInt(state.get("lake.orders rows"))).isBetween(100, 1000);
        assertThat(Integer.parseInt(state.get("lake.customers rows"))).isBetween(100, 1000);
        assertThat(Integer.parseInt(state.get("lake.campaigns rows"))).isBetween(20, 1000);
    }

    @Test
    void running_the_seed_twice_changes_nothing() throws SQLException {
        Map<String, String> before = snapshot();

        int created = identitySeed.seed();
        lake.create();

        assertThat(created).isZero();
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Everything the seed writes, as text: rows with their hashes and versions, counts of trail and outbox. */
    private Map<String, String> snapshot() throws SQLException {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("users", query("SELECT string_agg(username || ':' || platform_role || ':' || password_hash || ':' "
                + "|| version, ',' ORDER BY username) FROM users"));
        state.put("domains", query("SELECT string_agg(slug || ':' || version, ',' ORDER BY slug) FROM domains"));
        state.put("teams", query("SELECT string_agg(t.slug || '@' || d.slug || ':' || t.version, ',' ORDER BY t.slug) "
                + "FROM teams t JOIN domains d ON d.id = t.domain_id"));
        state.put("memberships", query("SELECT string_agg(t.slug || '/' || u.username || '/' || m.role, ',' "
                + "ORDER BY t.slug, u.username) FROM team_memberships m JOIN teams t ON t.id = m.team_id "
                + "JOIN users u ON u.id = m.user_id"));
        state.put("seed audit lines", query("SELECT count(*) FROM audit_event WHERE actor = 'system:demo-seed'"));
        state.put("seed events", query("SELECT count(*) FROM outbox WHERE actor = 'system:demo-seed'"));
        for (String table : new String[] {"orders", "customers", "campaigns"}) {
            state.put("lake." + table + " rows", query("SELECT count(*) FROM lake." + table));
            state.put("lake." + table + " content", query("SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) "
                    + "FROM lake." + table + " t"));
        }
        return state;
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
