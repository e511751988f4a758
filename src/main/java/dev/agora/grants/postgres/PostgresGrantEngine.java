package dev.agora.grants.postgres;

import dev.agora.grants.ActualGrant;
import dev.agora.grants.GrantEngine;
import dev.agora.grants.GrantOutcome;
import dev.agora.grants.GrantSpec;
import dev.agora.grants.GrantsConfig;
import dev.agora.grants.PrincipalMapping;
import dev.agora.grants.Grantee;
import dev.agora.platform.LakeDatabase;
import dev.agora.platform.PostgresName;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Grants on postgres-table ports with real PostgreSQL roles in the lake database. Each consumer principal is a
 * NOLOGIN group role Agora creates on demand ({@code agora_team_marketing_insights}, {@code agora_user_marco});
 * granting gives USAGE on the schema and SELECT on the table (or on the named columns); revoking takes exactly
 * that back. Identifiers are always quoted; nothing a user typed reaches SQL unquoted. Which role stands for which
 * principal is kept by {@link GranteeRoles}, so that no two principals share one. A person can be mapped to an
 * existing login role instead ({@code AGORA_PG_USER_ROLES}).
 */
@ApplicationScoped
public class PostgresGrantEngine implements GrantEngine {

    public static final String TEAM_PREFIX = GranteeRoles.TEAM_PREFIX;
    public static final String USER_PREFIX = GranteeRoles.USER_PREFIX;
    private static final String ROLE_CLASS = "(" + TEAM_PREFIX + "|" + USER_PREFIX + ")";

    private final LakeDatabase lake;
    private final GranteeRoles roles;
    private final Map<String, String> userRoles;

    PostgresGrantEngine(LakeDatabase lake, GranteeRoles roles, GrantsConfig config) {
        this.lake = lake;
        this.roles = roles;
        this.userRoles = PrincipalMapping.parse("AGORA_PG_USER_ROLES", config.postgresUserRoles().orElse(""));
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public boolean handles(String resourceType) {
        return "postgres-table".equals(resourceType);
    }

    @Override
    public GranteeResolution resolve(Grantee grantee) {
        if (grantee.type().equals("USER") && userRoles.containsKey(grantee.name())) {
            return GranteeResolution.of(userRoles.get(grantee.name()));
        }
        return GranteeResolution.of(roles.roleOf(grantee));
    }

    @Override
    public GrantOutcome grant(GrantSpec spec) {
        Table table = table(spec.location());
        Optional<String> never = lake.neverGrantable(table.schema());
        if (never.isPresent()) {
            // defence in depth: the catalog refuses such ports already
            return new GrantOutcome.Failed(never.get());
        }
        try (Connection connection = lake.connect()) {
            connection.setAutoCommit(false);
            if (!tableExists(connection, table)) {
                return new GrantOutcome.Failed("there is no table " + table + " in " + lake.describe());
            }
            boolean managedRole = spec.grantee().startsWith(TEAM_PREFIX) || spec.grantee().startsWith(USER_PREFIX);
            if (managedRole) {
                ensureGroupRole(connection, spec.grantee());
            } else if (!roleExists(connection, spec.grantee())) {
                return new GrantOutcome.Failed("the mapped login role " + spec.grantee() + " does not exist");
            }
            lockPrivilegesOf(connection, table);
            boolean present = holds(connection, spec.grantee(), table, spec.columns());
            try (Statement statement = connection.createStatement()) {
                statement.execute("GRANT USAGE ON SCHEMA " + quote(table.schema()) + " TO " + quote(spec.grantee()));
                statement.execute("GRANT SELECT" + columnList(spec.columns()) + " ON TABLE " + table.quoted() + " TO "
                        + quote(spec.grantee()));
            }
            connection.commit();
            return present ? GrantOutcome.alreadyInPlace() : GrantOutcome.applied();
        } catch (SQLException failed) {
            return classify(failed);
        }
    }

    @Override
    public GrantOutcome revoke(GrantSpec spec) {
        Table table = table(spec.location());
        try (Connection connection = lake.connect()) {
            connection.setAutoCommit(false);
            if (!roleExists(connection, spec.grantee()) || !tableExists(connection, table)) {
                return GrantOutcome.alreadyInPlace();
            }
            lockPrivilegesOf(connection, table);
            boolean present = holdsAny(connection, spec.grantee(), table, spec.columns());
            try (Statement statement = connection.createStatement()) {
                statement.execute("REVOKE SELECT" + columnList(spec.columns()) + " ON TABLE " + table.quoted()
                        + " FROM " + quote(spec.grantee()));
                if (!selectsAnythingIn(connection, spec.grantee(), table.schema())) {
                    statement.execute("REVOKE USAGE ON SCHEMA " + quote(table.schema()) + " FROM "
                            + quote(spec.grantee()));
                }
            }
            connection.commit();
            return present ? GrantOutcome.applied() : GrantOutcome.alreadyInPlace();
        } catch (SQLException failed) {
            return classify(failed);
        }
    }

    @Override
    public List<ActualGrant> actual(Collection<String> locations) {
        List<ActualGrant> actual = new ArrayList<>();
        try (Connection connection = lake.connect()) {
            for (String location : locations) {
                Table table = table(location);
                // read from the access lists themselves: information_schema's privilege views check every role
                // against every column and take minutes once a table has hundreds of grantees
                try (PreparedStatement tables = connection.prepareStatement("""
                        SELECT r.rolname
                          FROM pg_class c
                          JOIN pg_namespace n ON n.oid = c.relnamespace
                          CROSS JOIN LATERAL aclexplode(c.relacl) a
                          JOIN pg_roles r ON r.oid = a.grantee
                         WHERE n.nspname = ? AND c.relname = ? AND a.privilege_type = 'SELECT'
                           AND (r.rolname ~ ? OR r.rolname = ANY (?))""");
                        PreparedStatement columns = connection.prepareStatement("""
                        SELECT r.rolname, att.attname
                          FROM pg_class c
                          JOIN pg_namespace n ON n.oid = c.relnamespace
                          JOIN pg_attribute att ON att.attrelid = c.oid AND att.attnum > 0
                                               AND NOT att.attisdropped AND att.attacl IS NOT NULL
                          CROSS JOIN LATERAL aclexplode(att.attacl) a
                          JOIN pg_roles r ON r.oid = a.grantee
                         WHERE n.nspname = ? AND c.relname = ? AND a.privilege_type = 'SELECT'
                           AND (r.rolname ~ ? OR r.rolname = ANY (?))
                           AND NOT EXISTS (SELECT 1 FROM aclexplode(c.relacl) t
                                            WHERE t.grantee = a.grantee AND t.privilege_type = 'SELECT')""")) {
                    for (PreparedStatement query : List.of(tables, columns)) {
                        query.setString(1, table.schema());
                        query.setString(2, table.name());
                        query.setString(3, "^" + ROLE_CLASS);
                        // mapped login roles by name: never a regex built from configuration
                        query.setArray(4, connection.createArrayOf("text", mappedRoles()));
                    }
                    try (ResultSet rows = tables.executeQuery()) {
                        while (rows.next()) {
                            actual.add(new ActualGrant(rows.getString(1), location, null, "SELECT"));
                        }
                    }
                    try (ResultSet rows = columns.executeQuery()) {
                        while (rows.next()) {
                            actual.add(new ActualGrant(rows.getString(1), location, rows.getString(2), "SELECT"));
                        }
                    }
                }
            }
            return actual;
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot read the grants of the lake database: " + failed.getMessage(), failed);
        }
    }

    // --- internals ------------------------------------------------------------------------------------------

    record Table(String schema, String name) {
        String quoted() {
            return quote(schema) + "." + quote(name);
        }

        @Override
        public String toString() {
            return new PostgresName(schema, name).toString();
        }
    }

    /** The table of a location in PostgreSQL's own syntax (lake."Order Items"); a lone name is in public. */
    static Table table(String location) {
        PostgresName name = PostgresName.of(location);
        return name.isSchema() ? new Table("public", name.schema()) : new Table(name.schema(), name.table());
    }

    /** A quoted identifier: double quotes around, inner quotes doubled. */
    static String quote(String identifier) {
        return PostgresName.quote(identifier);
    }

    private static String columnList(List<String> columns) {
        return columns.isEmpty() ? "" : " (" + String.join(", ", columns.stream().map(PostgresGrantEngine::quote).toList()) + ")";
    }

    /**
     * Waits until no other worker (of any instance) changes privileges in the table's schema. GRANT and REVOKE
     * rewrite the table's and the schema's access list in the catalog; two transactions doing so at once make one
     * fail with "tuple concurrently updated". The lock is held until this transaction ends.
     */
    private static void lockPrivilegesOf(Connection connection, Table table) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, "agora.grants.schema:" + table.schema());
            lock.execute();
        }
    }

    private static void ensureGroupRole(Connection connection, String role) throws SQLException {
        if (roleExists(connection, role)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            // another worker may create it at the same moment: the savepoint keeps this transaction usable
            var savepoint = connection.setSavepoint();
            try {
                statement.execute("CREATE ROLE " + quote(role) + " NOLOGIN");
                connection.releaseSavepoint(savepoint);
            } catch (SQLException raced) {
                connection.rollback(savepoint);
                if (!roleExists(connection, role)) {
                    throw raced;
                }
            }
        }
    }

    private static boolean roleExists(Connection connection, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean tableExists(Connection connection, Table table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT to_regclass(format('%I.%I', ?::text, ?::text)) IS NOT NULL")) {
            query.setString(1, table.schema());
            query.setString(2, table.name());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /** Whether the role already has exactly what the grant asks for. */
    private static boolean holds(Connection connection, String role, Table table, List<String> columns)
            throws SQLException {
        if (columns.isEmpty()) {
            return tablePrivilege(connection, role, table);
        }
        for (String column : columns) {
            if (!columnPrivilege(connection, role, table, column)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holdsAny(Connection connection, String role, Table table, List<String> columns)
            throws SQLException {
        if (columns.isEmpty()) {
            return tablePrivilege(connection, role, table);
        }
        for (String column : columns) {
            if (columnPrivilege(connection, role, table, column)) {
                return true;
            }
        }
        return false;
    }

    private static boolean tablePrivilege(Connection connection, String role, Table table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT has_table_privilege(?, format('%I.%I', ?::text, ?::text), 'SELECT')")) {
            query.setString(1, role);
            query.setString(2, table.schema());
            query.setString(3, table.name());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static boolean columnPrivilege(Connection connection, String role, Table table, String column)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT has_column_privilege(?, format('%I.%I', ?::text, ?::text), ?, 'SELECT')")) {
            query.setString(1, role);
            query.setString(2, table.schema());
            query.setString(3, table.name());
            query.setString(4, column);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static boolean selectsAnythingIn(Connection connection, String role, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM information_schema.role_table_grants
                                WHERE grantee = ? AND table_schema = ? AND privilege_type = 'SELECT')
                    OR EXISTS (SELECT 1 FROM information_schema.column_privileges
                                WHERE grantee = ? AND table_schema = ? AND privilege_type = 'SELECT')""")) {
            query.setString(1, role);
            query.setString(2, schema);
            query.setString(3, role);
            query.setString(4, schema);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private String[] mappedRoles() {
        return userRoles.values().stream().distinct().toArray(String[]::new);
    }

    /** Connection trouble and lock conflicts pass; anything else about the statement will not. */
    private static GrantOutcome classify(SQLException failed) {
        String state = failed.getSQLState() == null ? "" : failed.getSQLState();
        if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")) {
            return new GrantOutcome.RetryLater(failed.getMessage());
        }
        // someone outside Agora changed the same access list at the same moment: a later attempt will pass
        if (String.valueOf(failed.getMessage()).contains("tuple concurrently updated")) {
            return new GrantOutcome.RetryLater(failed.getMessage());
        }
        if (String.valueOf(failed.getMessage()).contains("row is too big")) {
            // a table's access list lives in one catalog row that cannot grow past a page: about 500 grantees
            return new GrantOutcome.Failed("the table's access list is full (PostgreSQL holds about 500 grantees "
                    + "per table): grant to a team instead of to each person (" + failed.getMessage() + ")");
        }
        return new GrantOutcome.Failed(failed.getMessage());
    }
}
