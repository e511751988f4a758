package dev.agora.grants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.LakePrivileges;
import dev.agora.grants.postgres.GranteeRoles;
import dev.agora.grants.postgres.PostgresGrantEngine;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Two principals never share a PostgreSQL role, whatever characters their names contain: before, every run of
 * characters other than [a-z0-9] became "_", so ann.lee and ann_lee (or teams a-b and a_b) had one role and one's
 * grants reached the other.
 */
@QuarkusTest
class DistinctGranteesSpec {

    @Inject
    AgroalDataSource database;

    @Inject
    PostgresGrantEngine engine;

    @Inject
    GranteeRoles roles;

    @Inject
    GranteeRoleSplit split;

    @Inject
    GrantWorker worker;

    /** A suffix of [a-z0-9] only, so that it adds no punctuation of its own; roles are cluster-wide. */
    private static String run() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private String roleOf(Grantee principal) {
        GrantEngine.GranteeResolution resolution = engine.resolve(principal);
        assertThat(resolution.resolved()).isTrue();
        return resolution.grantee();
    }

    private void grant(String role, String table) {
        assertThat(engine.grant(new GrantSpec("postgres-table", table, List.of(), role, Set.of("READ"))))
                .isInstanceOf(GrantOutcome.Applied.class);
    }

    private boolean canSelect(String role, String table) throws SQLException {
        return LakePrivileges.canSelect(database, role, table);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Each grants one table to the one and another to the other; neither may read the other's. */
    private void assertSeparate(Grantee one, Grantee other) throws SQLException {
        String oneRole = roleOf(one);
        String otherRole = roleOf(other);
        assertThat(oneRole).isNotEqualTo(otherRole);
        assertThat(oneRole.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);

        grant(oneRole, "lake.orders");
        grant(otherRole, "lake.customers");

        assertThat(canSelect(oneRole, "lake.orders")).isTrue();
        assertThat(canSelect(otherRole, "lake.orders")).as(other + " reads what " + one + " was granted").isFalse();
        assertThat(canSelect(otherRole, "lake.customers")).isTrue();
        assertThat(canSelect(oneRole, "lake.customers")).as(one + " reads what " + other + " was granted").isFalse();
    }

    @Nested
    class People_whose_names_differ_only_in_punctuation {

        @Test
        void ann_dot_lee_and_ann_underscore_lee_get_roles_of_their_own() throws SQLException {
            String run = run();
            assertSeparate(Grantee.user("ann.lee" + run), Grantee.user("ann_lee" + run));
        }

        @Test
        void a_name_that_is_already_a_role_name_reads_as_itself() {
            String run = run();
            assertThat(roleOf(Grantee.user("ann_lee" + run))).isEqualTo("agora_user_ann_lee" + run);
            assertThat(roleOf(Grantee.team("a-b" + run))).isEqualTo("agora_team_a_b" + run);
            assertThat(roleOf(Grantee.user("ann.lee" + run))).matches("agora_user_ann_lee" + run + "_[0-9a-f]{10}");
        }

        @Test
        void names_too_long_for_postgresql_stay_apart() throws SQLException {
            String stem = "a".repeat(70) + run();
            assertSeparate(Grantee.user(stem + "x"), Grantee.user(stem + "y"));
        }
    }

    @Nested
    class Teams_whose_slugs_differ_only_in_punctuation {

        @Test
        void team_a_dash_b_and_team_a_underscore_b_get_roles_of_their_own() throws SQLException {
            String run = run();
            assertSeparate(Grantee.team("a-b-" + run), Grantee.team("a_b_" + run));
        }

        @Test
        void a_team_and_a_person_of_the_same_name_get_roles_of_their_own() {
            String run = run();
            assertThat(roleOf(Grantee.team("x" + run))).isNotEqualTo(roleOf(Grantee.user("x" + run)));
        }
    }

    @Nested
    class A_new_principal_resolved_by_several_workers_at_once {

        @Test
        void gets_one_role_and_the_same_one_everywhere() throws Exception {
            Grantee principal = Grantee.user("race." + run());
            ExecutorService workers = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> resolved = new ArrayList<>();
                Callable<String> resolve = () -> roleOf(principal);
                for (int i = 0; i < 16; i++) {
                    resolved.add(workers.submit(resolve));
                }
                String first = resolved.get(0).get();
                for (Future<String> role : resolved) {
                    assertThat(role.get()).isEqualTo(first);
                }
            } finally {
                workers.shutdown();
            }
            assertThat(roles.recorded(principal)).isPresent();
        }
    }

    @Nested
    class Principals_that_shared_a_role_before {

        @Test
        void are_split_at_start_up_and_each_keeps_only_its_own_grants() throws SQLException {
            String run = run();
            // a table of the spec's own: the moved grant is applied again, which needs its registration
            String table = dev.agora.support.Locations.ownTable("marketing-insights", "split");
            Grantee dotted = Grantee.user("ann.lee_" + run);
            Grantee underscored = Grantee.user("ann_lee_" + run);
            // what the old derivation gave both of them
            String shared = "agora_user_ann_lee_" + run;
            execute("CREATE ROLE " + shared + " NOLOGIN");
            execute("GRANT USAGE ON SCHEMA lake TO " + shared);
            execute("GRANT SELECT ON " + table + " TO " + shared);
            execute("GRANT SELECT ON lake.orders TO " + shared);
            Instant then = Instant.now().minus(Duration.ofDays(1));
            UUID dottedGrant = QuarkusTransaction.requiringNew().call(() -> {
                GrantRecord grant = new GrantRecord(UUID.randomUUID(), "postgres", new GrantTarget("postgres-table",
                        table, List.of(), dotted, Set.of("READ"), "marketing-insights"), shared, then);
                grant.applied(then);
                grant.persist();
                GrantRecord other = new GrantRecord(UUID.randomUUID(), "postgres", new GrantTarget("postgres-table",
                        "lake.orders", List.of(), underscored, Set.of("READ"), "sales-analytics"), shared, then);
                other.applied(then);
                other.persist();
                return grant.id();
            });

            assertThat(split.split()).isEqualTo(1);
            String own = roles.recorded(dotted).orElseThrow();
            assertThat(own).isNotEqualTo(shared);
            assertThat(roles.recorded(underscored)).contains(shared);
            assertThat(QuarkusTransaction.requiringNew().call(() ->
                    GrantRecord.<GrantRecord>findById(dottedGrant).grantee())).isEqualTo(own);

            dev.agora.support.Eventually.within(Duration.ofSeconds(20), "the grants moved", () -> {
                worker.drain(50);
                try {
                    return canSelect(own, table) && !canSelect(shared, table);
                } catch (SQLException notYet) {
                    return false;
                }
            }, moved -> moved);
            assertThat(canSelect(shared, "lake.orders")).as("what the remaining principal holds stays").isTrue();
            assertThat(canSelect(own, "lake.orders")).isFalse();
            assertThat(split.split()).as("a second start moves nothing").isZero();
        }
    }
}
