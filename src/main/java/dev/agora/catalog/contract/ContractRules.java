package dev.agora.catalog.contract;

import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.ProductDetails;
import dev.agora.platform.Refusal.FieldProblem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes contract terms acceptable, every problem at once: rules name existing ports and columns, bounds are in
 * order, and every input is bounded (Agora runs these rules against real data on a schedule).
 */
public final class ContractRules {

    public static final int MAX_RULES_PER_PORT = 50;
    public static final int MAX_ACCEPTED_VALUES = 200;
    public static final int MAX_VALUE_LENGTH = 200;
    public static final int MAX_SQL_LENGTH = 4_000;
    public static final int MAX_TEXT = 500;
    public static final int MAX_KEY_COLUMNS = 16;
    private static final Pattern RULE_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Duration LONGEST = Duration.ofDays(3660);

    private ContractRules() {
    }

    public static List<FieldProblem> check(ContractTerms terms, List<ProductDetails.Port> ports) {
        List<FieldProblem> problems = new ArrayList<>();
        checkServiceLevels(terms.serviceLevels(), problems);
        for (Map.Entry<String, List<QualityRule>> entry : terms.rulesByPort().entrySet()) {
            String field = "ports[" + entry.getKey() + "]";
            ProductDetails.Port port = ports.stream().filter(p -> p.name().equals(entry.getKey())).findFirst()
                    .orElse(null);
            if (port == null) {
                problems.add(new FieldProblem(field, "the product has no port '" + entry.getKey() + "'"));
                continue;
            }
            List<QualityRule> rules = entry.getValue();
            if (rules.size() > MAX_RULES_PER_PORT) {
                problems.add(new FieldProblem(field + ".rules", "at most " + MAX_RULES_PER_PORT + " rules per port"));
                continue;
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < rules.size(); i++) {
                checkRule(field + ".rules[" + i + "]", rules.get(i), port.columns(), names, problems);
            }
        }
        return problems;
    }

    private static void checkServiceLevels(ServiceLevels levels, List<FieldProblem> problems) {
        positive("serviceLevels.freshness", levels.freshness(), problems);
        positive("serviceLevels.updateFrequency", levels.updateFrequency(), problems);
        positive("serviceLevels.responseTime", levels.responseTime(), problems);
        if (levels.updateFrequency() != null && levels.updateFrequency().compareTo(Duration.ofMinutes(5)) < 0) {
            problems.add(new FieldProblem("serviceLevels.updateFrequency", "must be at least 5 minutes"));
        }
        text("serviceLevels.supportChannel", levels.supportChannel(), problems);
    }

    private static void checkRule(String field, QualityRule rule, List<ColumnSchema> columns, Set<String> names,
            List<FieldProblem> problems) {
        if (rule == null) {
            problems.add(new FieldProblem(field, "is empty"));
            return;
        }
        if (rule.name() == null || !RULE_NAME.matcher(rule.name()).matches()) {
            problems.add(new FieldProblem(field + ".name", "must be 1 to 64 lower-case letters, digits and dashes"));
        } else if (!names.add(rule.name())) {
            problems.add(new FieldProblem(field + ".name", "'" + rule.name() + "' is used twice in this port"));
        }
        text(field + ".description", rule.description(), problems);
        for (String column : rule.columns()) {
            if (column == null || columns.stream().noneMatch(c -> c.name().equals(column))) {
                problems.add(new FieldProblem(field + ".column", "the port has no column '" + column + "'"));
            }
        }
        if (rule instanceof QualityRule.RowCount count) {
            if (count.min() == null && count.max() == null) {
                problems.add(new FieldProblem(field, "needs a minimum, a maximum or both"));
            } else if ((count.min() != null && count.min() < 0)
                    || (count.min() != null && count.max() != null && count.min() > count.max())) {
                problems.add(new FieldProblem(field, "needs 0 <= minimum <= maximum"));
            }
        } else if (rule instanceof QualityRule.NullRate rate) {
            if (rate.maxPercent() == null || rate.maxPercent().signum() < 0
                    || rate.maxPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(new FieldProblem(field + ".maxPercent", "must be between 0 and 100"));
            }
        } else if (rule instanceof QualityRule.Unique unique) {
            if (unique.keyColumns() == null || unique.keyColumns().isEmpty()
                    || unique.keyColumns().size() > MAX_KEY_COLUMNS) {
                problems.add(new FieldProblem(field + ".columns", "needs 1 to " + MAX_KEY_COLUMNS + " columns"));
            }
        } else if (rule instanceof QualityRule.AcceptedValues accepted) {
            if (accepted.values() == null || accepted.values().isEmpty()
                    || accepted.values().size() > MAX_ACCEPTED_VALUES) {
                problems.add(new FieldProblem(field + ".values", "needs 1 to " + MAX_ACCEPTED_VALUES + " values"));
            } else if (accepted.values().stream().anyMatch(v -> v == null || v.length() > MAX_VALUE_LENGTH)) {
                problems.add(new FieldProblem(field + ".values", "each value must be given, at most "
                        + MAX_VALUE_LENGTH + " characters"));
            }
        } else if (rule instanceof QualityRule.ValueRange range) {
            if (range.min() == null && range.max() == null) {
                problems.add(new FieldProblem(field, "needs a minimum, a maximum or both"));
            } else if (range.min() != null && range.max() != null && range.min().compareTo(range.max()) > 0) {
                problems.add(new FieldProblem(field, "needs minimum <= maximum"));
            }
        } else if (rule instanceof QualityRule.Freshness fresh) {
            if (fresh.maxAge() == null) {
                problems.add(new FieldProblem(field + ".maxAge", "must say how old the newest value may be"));
            } else {
                positive(field + ".maxAge", fresh.maxAge(), problems);
            }
        } else if (rule instanceof QualityRule.CustomSql custom) {
            checkSql(field + ".sql", custom.sql(), problems);
        }
    }

    /**
     * A custom check is one query that reads: a SELECT (or WITH … SELECT) without a statement separator. What it
     * may read is limited where it runs (a read-only transaction under a role that sees only the port's data).
     */
    private static void checkSql(String field, String sql, List<FieldProblem> problems) {
        if (sql == null || sql.isBlank()) {
            problems.add(new FieldProblem(field, "must be a query that returns the offending rows"));
            return;
        }
        if (sql.length() > MAX_SQL_LENGTH) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_SQL_LENGTH + " characters"));
            return;
        }
        String start = sql.strip().toLowerCase(Locale.ROOT);
        if (!(start.startsWith("select") || start.startsWith("with"))) {
            problems.add(new FieldProblem(field, "must be a SELECT query (or WITH … SELECT)"));
        }
        if (sql.strip().replaceFirst(";$", "").contains(";")) {
            problems.add(new FieldProblem(field, "must be a single query"));
        }
    }

    private static void positive(String field, Duration duration, List<FieldProblem> problems) {
        if (duration != null && (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST) > 0)) {
            problems.add(new FieldProblem(field, "must be a positive duration of at most 10 years"));
        }
    }

    private static void text(String field, String text, List<FieldProblem> problems) {
        if (text != null && text.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }
}
