package dev.agora.catalog.quality;

import dev.agora.support.Locations;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * The quality specs' own lake data, in schemas of their own in the test database: {@code quality_spec} (registered
 * to sales-analytics) and {@code quality_spec_marketing} (registered to marketing-insights, the other team's data a
 * hostile check tries to read). Rebuilt by every spec that calls {@link #ensure()}, with times from Agora's clock.
 */
final class QualitySpecLake {

    static final String ORDERS = "quality_spec.orders";
    static final String SECRETS = "quality_spec_marketing.secrets";

    private QualitySpecLake() {
    }

    /**
     * Four orders: order 2 occurs twice, three of four have no coupon, one is refunded with a negative amount, the
     * newest was updated two hours ago (by Agora's clock).
     */
    static synchronized void ensure() {
        Clock clock = Arc.container().instance(Clock.class).get();
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS quality_spec");
            statement.execute("CREATE SCHEMA IF NOT EXISTS quality_spec_marketing");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS quality_spec.orders (order_id bigint, status text, coupon text,
                        amount numeric, updated_at timestamptz)""");
            for (String column : new String[] {"order_id", "status", "coupon", "amount", "updated_at"}) {
                statement.execute("COMMENT ON COLUMN quality_spec.orders." + column + " IS 'The order''s " + column
                        + "'");
            }
            statement.execute("CREATE TABLE IF NOT EXISTS quality_spec_marketing.secrets (secret text)");
            statement.execute("TRUNCATE quality_spec.orders, quality_spec_marketing.secrets");
            statement.execute("INSERT INTO quality_spec_marketing.secrets VALUES ('the marketing plan')");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO quality_spec.orders VALUES (?, ?, ?, ?, ?)")) {
                Object[][] rows = {{1L, "paid", "WELCOME", "10", 5}, {2L, "paid", null, "20", 4},
                        {2L, "refunded", null, "-5", 3}, {3L, "paid", null, "30", 2}};
                for (Object[] row : rows) {
                    insert.setLong(1, (Long) row[0]);
                    insert.setString(2, (String) row[1]);
                    insert.setString(3, (String) row[2]);
                    insert.setBigDecimal(4, new java.math.BigDecimal((String) row[3]));
                    insert.setTimestamp(5, Timestamp.from(clock.instant().minus(Duration.ofHours((Integer) row[4]))));
                    insert.execute();
                }
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
        Locations.register("sales-analytics", "postgres-table", "quality_spec");
        Locations.register("marketing-insights", "postgres-table", "quality_spec_marketing");
    }
}
