package dev.agora.catalog.quality.postgres;

import dev.agora.catalog.PortLocation;
import dev.agora.catalog.PortType;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.quality.QualityProbe;
import dev.agora.catalog.quality.QualitySettings;
import dev.agora.catalog.quality.RuleResult;
import dev.agora.catalog.quality.RuleResult.Outcome;
import dev.agora.platform.LakeDatabase;
import dev.agora.platform.PostgresName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Checks quality rules of postgres-table ports in the lake database, one SQL statement per rule. Every check runs
 * in a read-only transaction with a statement timeout, under a reader role of its own that may SELECT the port's
 * table and nothing else ({@link #readerRole}); custom SQL, which is the producer's and may be hostile, runs inside a
 * SECURITY DEFINER function owned by that role, where PostgreSQL refuses to change {@code role} or
 * {@code session_authorization} (so {@code set_config('role', 'none', …)} cannot lead back to Agora's own user).
 * Identifiers are quoted by {@link PostgresName}, values travel as bind parameters. ADR 0016.
 */
@ApplicationScoped
public class PostgresQualityProbe implements QualityProbe {

    private static final Logger LOG = Logger.getLogger(PostgresQualityProbe.class);
    /** The schema of Agora's check functions in the lake database. */
    static final String SCHEMA = "agora_quality";
    private static final int MAX_SAMPLE_CHARS = 500;
    private static final int MAX_MESSAGE_CHARS = 400;

    private final LakeDatabase lake;
    private final QualitySettings settings;
    private final Clock clock;

    PostgresQualityProbe(LakeDatabase lake, QualitySettings settings, Clock clock) {
        this.lake = lake;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public PortType portType() {
        return PortType.POSTGRES_TABLE;
    }

    /**
     * The reader role of a product's port: "agora_quality_" with the product id and a digest of the table's name,
     * so that each role only ever reads one table (no grant of a former port lingers where a check could use it).
     * Product 0 stands for a product not yet created (the publish form's "check now").
     */
    public static String readerRole(long productId, PortLocation.TableName table) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((table.schema() + "\u0000" + table.table()).getBytes(StandardCharsets.UTF_8));
            return "agora_quality_" + productId + "_" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    // outside any transaction of the caller: these checks run on their own connection and transactions
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<RuleResult> evaluate(long productId, String port, String location, List<QualityRule> rules) {
        PortLocation.TableName table = PortLocation.postgresTable(location);
        String role = readerRole(productId, table);
        List<RuleResult> results = new ArrayList<>();
        try (Connection connection = lake.connect()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                String problem = ensureReader(connection, role, table);
                for (QualityRule rule : rules) {
                    results.add(problem != null ? error(port, rule, problem) : check(connection, role, port, table,
                            rule));
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException failed) {
            LOG.warnf("Quality checks of %s could not run: %s", table, failed.getMessage());
            String reason = "the lake database could not be read: " + message(failed);
            for (int i = results.size(); i < rules.size(); i++) {
                results.add(error(port, rules.get(i), reason));
            }
        }
        return results;
    }

    // --- the reader role --------------------------------------------------------------------------------------

    /**
     * Creates the reader role and its check function if missing and grants it SELECT on the table (idempotent,
     * committed on its own); why not, if the table is missing.
     */
    private String ensureReader(Connection connection, String role, PortLocation.TableName table)
            throws SQLException {
        String quotedRole = PostgresName.quote(role);
        String quotedTable = new PostgresName(table.schema(), table.table()).quoted();
        try {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "agora-quality:" + role);
                lock.execute();
            }
            if (!exists(connection, "SELECT to_regclass(?) IS NOT NULL", quotedTable)) {
                connection.rollback();
                return "there is no table " + table + " in " + lake.describe();
            }
            try (Statement ddl = connection.createStatement()) {
                if (!exists(connection, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)", role)) {
                    // roles are cluster-wide: another database of the same server may create it at the same time
                    ddl.execute("SAVEPOINT create_role");
                    try {
                        ddl.execute("CREATE ROLE " + quotedRole + " NOLOGIN NOINHERIT");
                        ddl.execute("RELEASE SAVEPOINT create_role");
                    } catch (SQLException taken) {
                        ddl.execute("ROLLBACK TO SAVEPOINT create_role");
                    }
                }
                if (!exists(connection, "SELECT pg_has_role(current_user, ?, 'USAGE')", role)) {
                    ddl.execute("GRANT " + quotedRole + " TO CURRENT_USER");
                }
                ddl.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
                ddl.execute("REVOKE ALL ON SCHEMA " + SCHEMA + " FROM PUBLIC");
                ddl.execute("GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + quotedRole);
                ddl.execute("GRANT USAGE ON SCHEMA " + PostgresName.quote(table.schema()) + " TO " + quotedRole);
                try (PreparedStatement granted = connection.prepareStatement(
                        "SELECT has_table_privilege(?, ?::regclass, 'SELECT')")) {
                    granted.setString(1, role);
                    granted.setString(2, quotedTable);
                    try (ResultSet row = granted.executeQuery()) {
                        row.next();
                        if (!row.getBoolean(1)) {
                            ddl.execute("GRANT SELECT ON " + quotedTable + " TO " + quotedRole);
                        }
                    }
                }
                ensureCheckFunction(connection, ddl, role);
            }
            connection.commit();
            return null;
        } catch (SQLException failed) {
            connection.rollback();
            throw failed;
        }
    }

    /**
     * The function that runs a custom check: SECURITY DEFINER and owned by the reader role, so the producer's
     * query runs as that role and cannot change role from inside. It counts the offending rows and returns a few.
     */
    private static void ensureCheckFunction(Connection connection, Statement ddl, String role) throws SQLException {
        String function = SCHEMA + "." + PostgresName.quote(role);
        try (PreparedStatement owned = connection.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                                WHERE n.nspname = ? AND p.proname = ? AND p.proowner = (SELECT oid FROM pg_roles
                                WHERE rolname = ?) AND p.prosecdef)""")) {
            owned.setString(1, SCHEMA);
            owned.setString(2, role);
            owned.setString(3, role);
            try (ResultSet row = owned.executeQuery()) {
                row.next();
                if (row.getBoolean(1)) {
                    return;
                }
            }
        }
        ddl.execute("CREATE OR REPLACE FUNCTION " + function + """
                (query text, samples integer)
                RETURNS TABLE (offending bigint, sample text) LANGUAGE plpgsql SECURITY DEFINER AS $check$
                BEGIN
                  EXECUTE 'SELECT count(*) FROM (' || query || E'\\n) AS offending' INTO offending;
                  sample := NULL;
                  RETURN NEXT;
                  IF offending > 0 AND samples > 0 THEN
                    FOR sample IN EXECUTE 'SELECT row_to_json(o)::text FROM (' || query || E'\\n) AS o LIMIT $1'
                        USING samples LOOP
                      offending := NULL;
                      RETURN NEXT;
                    END LOOP;
                  END IF;
                END
                $check$""");
        String quotedRole = PostgresName.quote(role);
        // the new owner needs CREATE on the schema only for the change of owner
        ddl.execute("GRANT CREATE ON SCHEMA " + SCHEMA + " TO " + quotedRole);
        ddl.execute("ALTER FUNCTION " + function + "(text, integer) OWNER TO " + quotedRole);
        ddl.execute("REVOKE CREATE ON SCHEMA " + SCHEMA + " FROM " + quotedRole);
        ddl.execute("REVOKE ALL ON FUNCTION " + function + "(text, integer) FROM PUBLIC");
    }

    private static boolean exists(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    // --- one rule ---------------------------------------------------------------------------------------------

    private RuleResult check(Connection connection, String role, String port, PortLocation.TableName location,
            QualityRule rule) throws SQLException {
        String table = new PostgresName(location.schema(), location.table()).quoted();
        try (Statement setup = connection.createStatement()) {
            setup.execute("SET TRANSACTION READ ONLY");
            setup.execute("SET LOCAL statement_timeout = " + Math.max(1, settings.statementTimeout().toMillis()));
            setup.execute("SET LOCAL ROLE " + PostgresName.quote(role));
            return verdict(connection, role, port, table, rule);
        } catch (SQLException failed) {
            if ("08".equals(failed.getSQLState() == null ? null : failed.getSQLState().substring(0, 2))) {
                throw failed;
            }
            return error(port, rule, reason(failed));
        } finally {
            connection.rollback();
        }
    }

    private RuleResult verdict(Connection connection, String role, String port, String table, QualityRule rule)
            throws SQLException {
        if (rule instanceof QualityRule.RowCount count) {
            long rows = single(connection, "SELECT count(*) FROM " + table);
            boolean ok = (count.min() == null || rows >= count.min()) && (count.max() == null || rows <= count.max());
            return result(port, rule, ok, rows + " rows", ok ? null : "expected " + bounds(count.min(), count.max())
                    + " rows", List.of());
        }
        if (rule instanceof QualityRule.NullRate rate) {
            String column = PostgresName.quote(rate.column());
            try (PreparedStatement query = connection.prepareStatement("SELECT count(*), count(*) FILTER (WHERE "
                    + column + " IS NULL) FROM " + table); ResultSet row = query.executeQuery()) {
                row.next();
                long rows = row.getLong(1);
                long nulls = row.getLong(2);
                BigDecimal percent = rows == 0 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(nulls * 100).divide(BigDecimal.valueOf(rows), 2, RoundingMode.HALF_UP);
                boolean ok = percent.compareTo(rate.maxPercent()) <= 0;
                return result(port, rule, ok, percent.toPlainString() + " % (" + nulls + " of " + rows + " rows)",
                        ok ? null : "at most " + rate.maxPercent().toPlainString() + " % may be empty", List.of());
            }
        }
        if (rule instanceof QualityRule.Unique unique) {
            String keys = unique.keyColumns().stream().map(PostgresName::quote).collect(Collectors.joining(", "));
            String present = unique.keyColumns().stream().map(c -> PostgresName.quote(c) + " IS NOT NULL")
                    .collect(Collectors.joining(" AND "));
            long duplicated = single(connection, "SELECT count(*) FROM (SELECT 1 FROM " + table + " WHERE " + present
                    + " GROUP BY " + keys + " HAVING count(*) > 1) AS duplicated");
            boolean ok = duplicated == 0;
            return result(port, rule, ok, duplicated + " duplicated keys", ok ? null
                    : duplicated + " values of (" + String.join(", ", unique.keyColumns()) + ") occur more than once",
                    List.of());
        }
        if (rule instanceof QualityRule.AcceptedValues accepted) {
            String column = PostgresName.quote(accepted.column());
            String others = " FROM " + table + " WHERE " + column + " IS NOT NULL AND " + column
                    + "::text <> ALL (?)";
            long count;
            try (PreparedStatement query = connection.prepareStatement("SELECT count(*)" + others)) {
                query.setArray(1, connection.createArrayOf("text", accepted.values().toArray()));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    count = row.getLong(1);
                }
            }
            List<String> samples = new ArrayList<>();
            if (count > 0 && settings.sampleRows() > 0) {
                try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT " + column + "::text"
                        + others + " LIMIT " + settings.sampleRows())) {
                    query.setArray(1, connection.createArrayOf("text", accepted.values().toArray()));
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            samples.add(bounded(rows.getString(1)));
                        }
                    }
                }
            }
            boolean ok = count == 0;
            return result(port, rule, ok, count + " rows with other values", ok ? null
                    : count + " rows of " + accepted.column() + " hold a value not accepted", samples);
        }
        if (rule instanceof QualityRule.ValueRange range) {
            String column = PostgresName.quote(range.column());
            List<String> outside = new ArrayList<>();
            if (range.min() != null) {
                outside.add(column + " < ?");
            }
            if (range.max() != null) {
                outside.add(column + " > ?");
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE "
                    + column + " IS NOT NULL AND (" + String.join(" OR ", outside) + ")")) {
                int index = 1;
                if (range.min() != null) {
                    query.setBigDecimal(index++, range.min());
                }
                if (range.max() != null) {
                    query.setBigDecimal(index, range.max());
                }
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    long count = row.getLong(1);
                    boolean ok = count == 0;
                    return result(port, rule, ok, count + " rows outside", ok ? null : count + " values of "
                            + range.column() + " lie outside " + bounds(range.min(), range.max()), List.of());
                }
            }
        }
        if (rule instanceof QualityRule.Freshness fresh) {
            String column = PostgresName.quote(fresh.column());
            Instant now = clock.instant();
            try (PreparedStatement query = connection.prepareStatement("SELECT max(" + column
                    + ")::timestamptz FROM " + table); ResultSet row = query.executeQuery()) {
                row.next();
                Timestamp newest = row.getTimestamp(1);
                if (newest == null) {
                    return result(port, rule, false, "no values", fresh.column() + " holds no timestamp", List.of());
                }
                Duration age = Duration.between(newest.toInstant(), now);
                boolean ok = age.compareTo(fresh.maxAge()) <= 0;
                return result(port, rule, ok, "newest " + newest.toInstant() + " (" + human(age) + " old)",
                        ok ? null : "the newest value may be at most " + human(fresh.maxAge()) + " old", List.of());
            }
        }
        if (rule instanceof QualityRule.CustomSql custom) {
            String sql = custom.sql().strip().replaceFirst(";\\s*$", "");
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT offending, sample FROM " + SCHEMA + "." + PostgresName.quote(role) + "(?, ?)")) {
                query.setString(1, sql);
                query.setInt(2, Math.max(0, settings.sampleRows()));
                long count = 0;
                List<String> samples = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String sample = rows.getString(2);
                        if (sample == null) {
                            count = rows.getLong(1);
                        } else {
                            samples.add(bounded(sample));
                        }
                    }
                }
                boolean ok = count == 0;
                return result(port, rule, ok, count + " offending rows", ok ? null
                        : "the check's query found " + count + " rows", samples);
            }
        }
        throw new IllegalArgumentException("no check for " + rule.kind());
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private RuleResult result(String port, QualityRule rule, boolean ok, String observed, String detail,
            List<String> samples) {
        return new RuleResult(port, rule.name(), rule.kind(), ok ? Outcome.PASSED : Outcome.FAILED, observed,
                detail, clock.instant(), samples);
    }

    private RuleResult error(String port, QualityRule rule, String reason) {
        return new RuleResult(port, rule.name(), rule.kind(), Outcome.ERROR, null, reason, clock.instant());
    }

    /** Why a check could not run, as PostgreSQL said it (timeouts and refused reads named as such). */
    private String reason(SQLException failed) {
        String state = failed.getSQLState() == null ? "" : failed.getSQLState();
        if (state.equals("57014")) {
            return "the check ran longer than " + human(settings.statementTimeout()) + " and was cancelled";
        }
        if (state.equals("42501")) {
            return "the check may read only the port's own table: " + message(failed);
        }
        if (state.equals("25006")) {
            return "checks only read: " + message(failed);
        }
        return "the check could not run: " + message(failed);
    }

    private static String message(SQLException failed) {
        String text = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
        // the driver appends "Where: PL/pgSQL function …" and positions on further lines: the first says it
        String first = text.lines().findFirst().orElse(text).replaceFirst("^ERROR: ", "");
        return first.length() > MAX_MESSAGE_CHARS ? first.substring(0, MAX_MESSAGE_CHARS) + "…" : first;
    }

    private static String bounded(String sample) {
        return sample.length() > MAX_SAMPLE_CHARS ? sample.substring(0, MAX_SAMPLE_CHARS) + "…" : sample;
    }

    private static String bounds(Object min, Object max) {
        if (min != null && max != null) {
            return "between " + plain(min) + " and " + plain(max);
        }
        return min != null ? "at least " + plain(min) : "at most " + plain(max);
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    static String human(Duration duration) {
        Duration d = duration.isNegative() ? Duration.ZERO : duration;
        if (d.toDays() >= 2) {
            return d.toDays() + " days";
        }
        if (d.toHours() >= 2) {
            return d.toHours() + " hours";
        }
        if (d.toMinutes() >= 2) {
            return d.toMinutes() + " minutes";
        }
        return d.toSeconds() + " s";
    }
}
