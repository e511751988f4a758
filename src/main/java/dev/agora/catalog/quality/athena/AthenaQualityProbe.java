package dev.agora.catalog.quality.athena;

import dev.agora.catalog.PortLocation;
import dev.agora.catalog.PortType;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.quality.QualityProbe;
import dev.agora.catalog.quality.RuleResult;
import dev.agora.catalog.quality.RuleResult.Outcome;
import dev.agora.platform.AwsClients;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;

/**
 * Checks the quality rules of glue-table ports as Amazon Athena queries: one aggregate query per rule over the
 * Glue table ({@code StartQueryExecution} in the configured workgroup, {@code GetQueryExecution} polled with a
 * doubling pause until it ends or the timeout stops it, {@code GetQueryResults}), and for a failing rule one more
 * query for a few offending values. Switched on with {@code AGORA_QUALITY_ATHENA=aws}; credentials come from the
 * standard AWS provider chain. Every failure becomes an ERROR result with a reason, never an exception.
 *
 * <p>Athena has no per-query role: custom SQL reads what Agora's IAM role may read (the query is checked to be one
 * SELECT when the contract is saved and runs wrapped as a subquery), so {@code productId} cannot narrow it here —
 * the role and workgroup given to Agora do (README).
 */
@ApplicationScoped
@LookupIfProperty(name = "agora.quality.athena", stringValue = "aws")
public class AthenaQualityProbe implements QualityProbe {

    /** How many offending values or rows a failed rule quotes; Athena pages are small, and so are cards. */
    static final int SAMPLE_SIZE = 5;
    private static final int SAMPLE_VALUE_LENGTH = 60;
    private static final Logger LOG = Logger.getLogger(AthenaQualityProbe.class);
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,12})?)?))?(?: ?([A-Za-z][\\w/+-]*|Z|[+-]\\d{2}:?\\d{2}))?$");

    /** What the probe needs of the configuration; a record so that specs can give it directly. */
    public record Settings(String workgroup, Optional<String> outputLocation, Duration pollInterval,
            Duration pollIntervalCap, Duration timeout, boolean customSql) {

        static Settings of(AthenaConfig config) {
            return new Settings(config.workgroup(), config.outputLocation(), config.pollInterval(),
                    config.pollIntervalCap(), config.timeout(), config.customSql());
        }
    }

    /**
     * Athena has no per-query role: a custom query runs with everything Agora's IAM role may read, so a producer
     * could read another team's tables through it. Off until the operator says that role reads only product data.
     */
    static final String CUSTOM_SQL_OFF = "custom SQL checks of Glue tables are off: Athena would run them with "
            + "Agora's own IAM role, which may read more than this product (AGORA_ATHENA_CUSTOM_SQL=on allows them "
            + "once that role reads only product tables)";

    private final Supplier<AthenaClient> athena;
    private final Settings settings;
    private final Clock clock;
    private volatile AthenaClient client;

    @Inject
    AthenaQualityProbe(AwsClients aws, AthenaConfig config, Clock clock) {
        this(() -> aws.build(AthenaClient.builder(), config.endpoint(), config.region()), Settings.of(config), clock);
    }

    /** For a client built elsewhere, such as one pointed at a test stub. */
    public AthenaQualityProbe(AthenaClient client, Settings settings, Clock clock) {
        this(() -> client, settings, clock);
    }

    private AthenaQualityProbe(Supplier<AthenaClient> athena, Settings settings, Clock clock) {
        this.athena = athena;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public PortType portType() {
        return PortType.GLUE_TABLE;
    }

    @Override
    public List<RuleResult> evaluate(long productId, String port, String location, List<QualityRule> rules) {
        PortLocation.TableName table;
        try {
            table = PortLocation.glueTable(location);
        } catch (IllegalArgumentException malformed) {
            return rules.stream().map(rule -> error(port, rule, "the port's location '" + location
                    + "' is not a Glue table as database/table")).toList();
        }
        List<RuleResult> results = new ArrayList<>();
        String unreachable = null;
        for (QualityRule rule : rules) {
            if (unreachable != null) {
                // the SDK has already retried; the port's other rules would each wait through the same retries
                results.add(error(port, rule, unreachable + " (not tried again for this port's other rules)"));
                continue;
            }
            try {
                results.add(check(port, table, rule));
            } catch (SdkClientException failed) {
                unreachable = "Athena could not be reached: " + failed.getMessage();
                results.add(error(port, rule, unreachable));
            }
        }
        return results;
    }

    /** The rule's verdict, or ERROR with a reason; only Athena being out of reach is left to the caller. */
    private RuleResult check(String port, PortLocation.TableName table, QualityRule rule) {
        try {
            Verdict verdict = verdict(table, rule);
            return new RuleResult(port, rule.name(), rule.kind(), verdict.outcome(), verdict.observed(),
                    verdict.detail(), clock.instant(), verdict.samples());
        } catch (QueryFailed | IllegalArgumentException failed) {
            return error(port, rule, failed.getMessage());
        } catch (AthenaException refused) {
            return error(port, rule, "Athena refused the check: " + refused.awsErrorDetails().errorMessage());
        } catch (SdkClientException unreachable) {
            throw unreachable;
        } catch (SdkException failed) {
            return error(port, rule, "Athena could not run the check: " + failed.getMessage());
        } catch (RuntimeException unexpected) {
            LOG.warnf(unexpected, "quality rule %s of port %s could not be checked in Athena", rule.name(), port);
            return error(port, rule, "the check could not be run: " + unexpected);
        }
    }

    private RuleResult error(String port, QualityRule rule, String reason) {
        return new RuleResult(port, rule.name(), rule.kind(), Outcome.ERROR, null, reason, clock.instant());
    }

    private Verdict verdict(PortLocation.TableName name, QualityRule rule) {
        String table = AthenaQuery.table(name);
        String database = name.schema();
        if (rule instanceof QualityRule.RowCount count) {
            long rows = number(first(database, AthenaQuery.of("SELECT count(*) FROM " + table, List.of())));
            boolean passed = (count.min() == null || rows >= count.min()) && (count.max() == null || rows <= count.max());
            return new Verdict(passed, Long.toString(rows), rows + " rows; " + expectedRows(count) + " expected");
        }
        if (rule instanceof QualityRule.NullRate rate) {
            String column = AthenaQuery.identifier(rate.column());
            List<String> row = first(database, AthenaQuery.of(
                    "SELECT count(*), count_if(" + column + " IS NULL) FROM " + table, List.of()));
            long rows = number(row.get(0));
            long nulls = number(row.get(1));
            if (rows == 0) {
                return new Verdict(true, "0", "the table has no rows");
            }
            BigDecimal percent = BigDecimal.valueOf(nulls).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(rows), 2, RoundingMode.HALF_UP).stripTrailingZeros();
            // compared exactly (nulls / rows <= max / 100), not after rounding the percentage
            boolean passed = BigDecimal.valueOf(nulls).multiply(BigDecimal.valueOf(100))
                    .compareTo(rate.maxPercent().multiply(BigDecimal.valueOf(rows))) <= 0;
            return new Verdict(passed, percent.toPlainString(), nulls + " of " + rows + " rows have no "
                    + rate.column() + " (" + percent.toPlainString() + " %); at most "
                    + rate.maxPercent().stripTrailingZeros().toPlainString() + " % allowed");
        }
        if (rule instanceof QualityRule.Unique unique) {
            String keys = AthenaQuery.columns(unique.keyColumns());
            String present = unique.keyColumns().stream().map(c -> AthenaQuery.identifier(c) + " IS NOT NULL")
                    .collect(Collectors.joining(" AND "));
            String duplicates = "FROM " + table + " WHERE " + present + " GROUP BY " + keys + " HAVING count(*) > 1";
            long keysTwice = number(first(database, AthenaQuery.of(
                    "SELECT count(*) FROM (SELECT 1 " + duplicates + ") AS duplicates", List.of())));
            if (keysTwice == 0) {
                return new Verdict(true, "0", "no two rows share a " + String.join(", ", unique.keyColumns()));
            }
            List<List<String>> sample = rows(database, AthenaQuery.of(
                    "SELECT " + keys + ", count(*) " + duplicates + " LIMIT " + SAMPLE_SIZE, List.of()), SAMPLE_SIZE);
            List<String> examples = sample.stream().map(r -> "(" + quoted(r.subList(0, r.size() - 1)) + ") "
                    + r.get(r.size() - 1) + " times").toList();
            return Verdict.failed(Long.toString(keysTwice), keysTwice + " values of "
                    + String.join(", ", unique.keyColumns()) + " occur more than once", examples);
        }
        if (rule instanceof QualityRule.AcceptedValues accepted) {
            String column = AthenaQuery.identifier(accepted.column());
            String outside = " FROM " + table + " WHERE " + column + " IS NOT NULL AND CAST(" + column
                    + " AS varchar) NOT IN (" + AthenaQuery.placeholders(accepted.values().size()) + ")";
            List<String> values = accepted.values().stream().map(AthenaQuery::text).toList();
            long rows = number(first(database, AthenaQuery.of("SELECT count(*)" + outside, values)));
            if (rows == 0) {
                return new Verdict(true, "0", "every " + accepted.column() + " is one of the accepted values");
            }
            List<String> examples = sample(database, AthenaQuery.of("SELECT DISTINCT CAST(" + column
                    + " AS varchar)" + outside + " LIMIT " + SAMPLE_SIZE, values));
            return Verdict.failed(Long.toString(rows), rows + " rows have " + article(accepted.column())
                    + accepted.column() + " outside the accepted values", examples);
        }
        if (rule instanceof QualityRule.ValueRange range) {
            String column = AthenaQuery.identifier(range.column());
            List<String> conditions = new ArrayList<>();
            List<String> bounds = new ArrayList<>();
            if (range.min() != null) {
                conditions.add(column + " < ?");
                bounds.add(AthenaQuery.number(range.min()));
            }
            if (range.max() != null) {
                conditions.add(column + " > ?");
                bounds.add(AthenaQuery.number(range.max()));
            }
            String outside = " FROM " + table + " WHERE " + String.join(" OR ", conditions);
            long rows = number(first(database, AthenaQuery.of("SELECT count(*)" + outside, bounds)));
            String expected = expectedRange(range);
            if (rows == 0) {
                return new Verdict(true, "0", "every " + range.column() + " is " + expected);
            }
            List<String> examples = sample(database, AthenaQuery.of("SELECT DISTINCT " + column + outside
                    + " LIMIT " + SAMPLE_SIZE, bounds));
            return Verdict.failed(Long.toString(rows), rows + " rows have " + article(range.column())
                    + range.column() + " not " + expected, examples);
        }
        if (rule instanceof QualityRule.Freshness fresh) {
            String newestText = first(database, AthenaQuery.of(
                    "SELECT max(" + AthenaQuery.identifier(fresh.column()) + ") FROM " + table, List.of())).get(0);
            if (newestText == null) {
                return new Verdict(false, null, fresh.column() + " has no values: nothing is fresh");
            }
            Instant newest = instant(fresh.column(), newestText);
            Duration age = Duration.between(newest, clock.instant());
            boolean passed = age.compareTo(fresh.maxAge()) <= 0;
            return new Verdict(passed, newest.toString(), "the newest " + fresh.column() + " is " + newest + ", "
                    + words(age.isNegative() ? Duration.ZERO : age) + " old; at most " + words(fresh.maxAge())
                    + " allowed");
        }
        if (rule instanceof QualityRule.CustomSql custom) {
            if (!settings.customSql()) {
                throw new IllegalArgumentException(CUSTOM_SQL_OFF);
            }
            // on lines of its own, so that a trailing "-- comment" in the producer's query ends there
            String offending = "(\n" + custom.sql().strip().replaceFirst(";\\s*$", "") + "\n) AS offending";
            long rows = number(first(database, AthenaQuery.of("SELECT count(*) FROM " + offending, List.of())));
            if (rows == 0) {
                return new Verdict(true, "0", "the query finds no offending rows");
            }
            List<List<String>> sample = rows(database, AthenaQuery.of("SELECT * FROM " + offending + " LIMIT "
                    + SAMPLE_SIZE, List.of()), SAMPLE_SIZE);
            return Verdict.failed(Long.toString(rows), "the query finds " + rows + " offending rows",
                    sample.stream().map(r -> "(" + quoted(r) + ")").toList());
        }
        throw new IllegalArgumentException("Athena cannot check rules of kind " + rule.kind());
    }

    /** The first row after the header; an aggregate query always has one. */
    private List<String> first(String database, AthenaQuery query) {
        List<List<String>> rows = rows(database, query, 1);
        if (rows.isEmpty()) {
            throw new QueryFailed("Athena returned no result row");
        }
        return rows.get(0);
    }

    private List<String> sample(String database, AthenaQuery query) {
        return rows(database, query, SAMPLE_SIZE).stream().map(row -> quoted(java.util.Collections.singletonList(
                row.get(0)))).toList();
    }

    private List<List<String>> rows(String database, AthenaQuery query, int limit) {
        StartQueryExecutionRequest.Builder start = StartQueryExecutionRequest.builder()
                .queryString(query.sql())
                .queryExecutionContext(context -> context.database(database))
                .workGroup(settings.workgroup());
        settings.outputLocation().ifPresent(location -> start.resultConfiguration(r -> r.outputLocation(location)));
        if (!query.parameters().isEmpty()) {
            start.executionParameters(query.parameters());
        }
        String id = client().startQueryExecution(start.build()).queryExecutionId();
        awaitSuccess(id);
        List<Row> rows = client().getQueryResults(request -> request.queryExecutionId(id).maxResults(limit + 1))
                .resultSet().rows();
        // the first row of a SELECT's results is the header with the column names
        return rows.stream().skip(1).limit(limit)
                .map(row -> row.data().stream().map(Datum::varCharValue).toList()).toList();
    }

    private void awaitSuccess(String id) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        Duration pause = settings.pollInterval();
        while (true) {
            QueryExecutionStatus status = client().getQueryExecution(request -> request.queryExecutionId(id))
                    .queryExecution().status();
            switch (status.state()) {
                case SUCCEEDED:
                    return;
                case FAILED:
                    throw new QueryFailed("Athena could not run the check: " + reason(status));
                case CANCELLED:
                    throw new QueryFailed("the Athena query was cancelled: " + reason(status));
                default:
                    break;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                stop(id);
                throw new QueryFailed("the Athena query did not finish within " + words(settings.timeout())
                        + "; Agora stopped it");
            }
            try {
                Thread.sleep(Math.max(1, Math.min(pause.toMillis(), Duration.ofNanos(left).toMillis())));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                stop(id);
                throw new QueryFailed("the check was interrupted (Agora is stopping); the Athena query was stopped");
            }
            pause = pause.multipliedBy(2).compareTo(settings.pollIntervalCap()) > 0 ? settings.pollIntervalCap()
                    : pause.multipliedBy(2);
        }
    }

    private void stop(String id) {
        try {
            client().stopQueryExecution(request -> request.queryExecutionId(id));
        } catch (SdkException failed) {
            // the query ends on its own at the workgroup's limit; the rule's ERROR already says what happened
            LOG.warnf("could not stop Athena query %s: %s", id, failed.getMessage());
        }
    }

    private static String reason(QueryExecutionStatus status) {
        if (status.stateChangeReason() != null && !status.stateChangeReason().isBlank()) {
            return status.stateChangeReason();
        }
        if (status.athenaError() != null && status.athenaError().errorMessage() != null) {
            return status.athenaError().errorMessage();
        }
        return "Athena gave no reason";
    }

    private static long number(List<String> row) {
        return number(row.get(0));
    }

    private static long number(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException notACount) {
            throw new QueryFailed("Athena returned '" + value + "' where Agora expected a count");
        }
    }

    /** A timestamp as Athena writes it ("2026-12-01 21:05:00.000", with a zone or none: UTC), or a date. */
    static Instant instant(String column, String text) {
        Matcher parts = TIMESTAMP.matcher(text.strip());
        if (!parts.matches()) {
            throw new QueryFailed("the newest " + column + " is '" + text + "', which is not a timestamp or date");
        }
        try {
            LocalDate day = LocalDate.parse(parts.group(1));
            LocalTime time = parts.group(2) == null ? LocalTime.MIDNIGHT : LocalTime.parse(parts.group(2));
            ZoneId zone = parts.group(3) == null || parts.group(3).equals("UTC") ? ZoneOffset.UTC
                    : ZoneId.of(parts.group(3));
            return day.atTime(time).atZone(zone).toInstant();
        } catch (java.time.DateTimeException unreadable) {
            throw new QueryFailed("the newest " + column + " is '" + text + "', which Agora cannot read as a time");
        }
    }

    private static String quoted(List<String> values) {
        return values.stream().map(value -> value == null ? "null" : "'" + (value.length() > SAMPLE_VALUE_LENGTH
                ? value.substring(0, SAMPLE_VALUE_LENGTH) + "…" : value) + "'").collect(Collectors.joining(", "));
    }

    private static String article(String noun) {
        return "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ";
    }

    private static String expectedRows(QualityRule.RowCount count) {
        if (count.min() != null && count.max() != null) {
            return count.min() + " to " + count.max();
        }
        return count.min() != null ? "at least " + count.min() : "at most " + count.max();
    }

    private static String expectedRange(QualityRule.ValueRange range) {
        if (range.min() != null && range.max() != null) {
            return "between " + range.min().toPlainString() + " and " + range.max().toPlainString();
        }
        return range.min() != null ? "at least " + range.min().toPlainString()
                : "at most " + range.max().toPlainString();
    }

    /** PT26H → "26h", PT0.3S → "0.3s": short and unambiguous. */
    private static String words(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private AthenaClient client() {
        AthenaClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = athena.get();
                }
                current = client;
            }
        }
        return current;
    }

    /** {@code samples} are the port's data: they go to RuleResult.samples, shown to the owner team only. */
    private record Verdict(Outcome outcome, String observed, String detail, List<String> samples) {
        Verdict(boolean passed, String observed, String detail) {
            this(passed ? Outcome.PASSED : Outcome.FAILED, observed, detail, List.of());
        }

        static Verdict failed(String observed, String detail, List<String> samples) {
            return new Verdict(Outcome.FAILED, observed, detail, samples);
        }
    }

    /** A query that ran but gave no verdict; its message is the rule's ERROR reason. */
    private static final class QueryFailed extends RuntimeException {
        QueryFailed(String message) {
            super(message, null, false, false);
        }
    }
}
