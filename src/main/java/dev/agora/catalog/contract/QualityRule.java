package dev.agora.catalog.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * A check a contract promises of a port's data. Each rule has a name, unique within its port, by which its results
 * are kept over time; the kinds are those of issue 14. Stored as JSON with {@code kind} naming the record.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = QualityRule.RowCount.class, name = "row-count"),
        @JsonSubTypes.Type(value = QualityRule.NullRate.class, name = "null-rate"),
        @JsonSubTypes.Type(value = QualityRule.Unique.class, name = "unique"),
        @JsonSubTypes.Type(value = QualityRule.AcceptedValues.class, name = "accepted-values"),
        @JsonSubTypes.Type(value = QualityRule.ValueRange.class, name = "range"),
        @JsonSubTypes.Type(value = QualityRule.Freshness.class, name = "freshness"),
        @JsonSubTypes.Type(value = QualityRule.CustomSql.class, name = "custom-sql")})
public sealed interface QualityRule {

    /** Unique within the port: lower-case letters, digits and dashes. */
    String name();

    /** What the rule protects, in the producer's words (may be empty). */
    String description();

    /** The wire name of the kind ({@code row-count}, {@code null-rate} …). */
    default String kind() {
        return kindOf(getClass());
    }

    /** The columns the rule reads (none for row counts and custom SQL). */
    List<String> columns();

    static String kindOf(Class<?> type) {
        JsonSubTypes.Type[] types = QualityRule.class.getAnnotation(JsonSubTypes.class).value();
        for (JsonSubTypes.Type candidate : types) {
            if (candidate.value() == type) {
                return candidate.name();
            }
        }
        throw new IllegalArgumentException("no kind for " + type);
    }

    /** The port has at least {@code min} and at most {@code max} rows (either may be null: unbounded). */
    record RowCount(String name, String description, Long min, Long max) implements QualityRule {
        @Override
        public List<String> columns() {
            return List.of();
        }
    }

    /** At most {@code maxPercent} % of the rows have no value in {@code column}. */
    record NullRate(String name, String description, String column, BigDecimal maxPercent) implements QualityRule {
        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /** No two rows share the same values of {@code keyColumns} (one column or several). */
    record Unique(String name, String description, List<String> keyColumns) implements QualityRule {
        @Override
        public List<String> columns() {
            return keyColumns;
        }
    }

    /** Every value of {@code column} that is not null is one of {@code values}. */
    record AcceptedValues(String name, String description, String column, List<String> values)
            implements QualityRule {
        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /** Every value of {@code column} that is not null lies within [min, max] (either may be null: unbounded). */
    record ValueRange(String name, String description, String column, BigDecimal min, BigDecimal max)
            implements QualityRule {
        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /** The newest value of the timestamp {@code column} is at most {@code maxAge} old. */
    record Freshness(String name, String description, String column, Duration maxAge) implements QualityRule {
        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /** A query over the port that finds the offending rows: the rule passes when it returns none. */
    record CustomSql(String name, String description, String sql) implements QualityRule {
        @Override
        public List<String> columns() {
            return List.of();
        }
    }
}
