package dev.agora.governance;

import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of the governance dashboard, each one SQL aggregate over the tables the features keep (access
 * requests, products, grants). Requests per week, decision times and the most requested products cover the chosen
 * period (by the day a request was made); products per domain, pending requests by age and grants by engine are
 * how things stand now. Administrators only.
 */
@ApplicationScoped
public class Dashboard {

    /** The outcomes a request can have, in the order the charts stack them: a request's current status. */
    public static final List<String> OUTCOMES = List.of("PENDING", "APPROVED", "ACTIVE", "FAILED", "REJECTED",
            "CANCELLED", "EXPIRED", "REVOKED");
    /** The ages of pending requests, youngest first. */
    public static final List<String> AGE_BUCKETS = List.of("< 1 d", "1–3 d", "3–7 d", "> 7 d");
    /** How many products the most-requested list names. */
    public static final int TOP_PRODUCTS = 10;

    // decisions the access policy took on its own (auto-approval) are immediate and would hide how long people wait
    private static final String POLICY_ACTOR = "system:policy";

    /** Everything the dashboard shows, computed at {@code computedAt}. */
    public record Figures(DashboardPeriod period, Instant computedAt, List<WeekOfRequests> requestsPerWeek,
            DecisionTimes decisionTimes, List<DomainProducts> productsPerDomain, List<RequestedProduct> mostRequested,
            List<AgeBucket> pendingByAge, List<EngineGrants> grantsByEngine) {}

    /**
     * The requests made in one week (Monday to Sunday, UTC) by their outcome so far: every outcome of
     * {@link #OUTCOMES} is a key, zero when none.
     */
    public record WeekOfRequests(LocalDate weekStarting, Map<String, Long> byOutcome, long total) {}

    /**
     * How long requests made in the period waited for a person's decision (approval or rejection), in hours; the
     * median and p90 are null when nobody decided. Auto-approved requests are counted apart.
     */
    public record DecisionTimes(long decided, Double medianHours, Double p90Hours, long autoApproved,
            List<WeekOfDecisions> perWeek) {}

    /** The decision times of the requests made in one week. */
    public record WeekOfDecisions(LocalDate weekStarting, long decided, Double medianHours, Double p90Hours) {}

    /** A domain's products by status now. */
    public record DomainProducts(String domain, String name, long draft, long published, long deprecated,
            long total) {}

    /** A product and how many requests were made for it in the period. */
    public record RequestedProduct(String slug, String name, long requests) {}

    /** How many requests have been pending for an age in the bucket's range, now. */
    public record AgeBucket(String label, long pending) {}

    /** An engine's grants by status now (revoked grants are history and left out). */
    public record EngineGrants(String engine, long pending, long active, long failed, long revoking, long total) {}

    private final EntityManager entities;
    private final Directory directory;
    private final Clock clock;

    Dashboard(EntityManager entities, Directory directory, Clock clock) {
        this.entities = entities;
        this.directory = directory;
        this.clock = clock;
    }

    /** The period the dashboard opens on. */
    public DashboardPeriod defaultPeriod() {
        return DashboardPeriod.lastWeeks(clock);
    }

    /** The period as the API receives it: ISO dates, either may be left out. */
    public DashboardPeriod period(String from, String to) {
        return DashboardPeriod.parse(from, to, clock);
    }

    /** The dashboard's figures for the period, as the administrator {@code actor} may see them. */
    @Transactional
    public Figures figures(DashboardPeriod period, String actor) {
        mayRead(actor);
        Instant now = clock.instant();
        return new Figures(period, now, requestsPerWeek(period), decisionTimes(period), productsPerDomain(),
                mostRequested(period), pendingByAge(now), grantsByEngine());
    }

    /** The one rule of who may read the dashboard: administrators, for the API and the console alike. */
    private void mayRead(String actor) {
        AccountProfile profile = directory.profile(actor)
                .orElseThrow(() -> Refusal.forbidden("There is no account '" + actor + "'."));
        if (!profile.isAdmin()) {
            throw Refusal.forbidden("Only administrators see the governance dashboard.");
        }
    }

    private List<WeekOfRequests> requestsPerWeek(DashboardPeriod period) {
        Map<LocalDate, Map<String, Long>> weeks = new LinkedHashMap<>();
        for (LocalDate week : weeksOf(period)) {
            Map<String, Long> outcomes = new LinkedHashMap<>();
            OUTCOMES.forEach(outcome -> outcomes.put(outcome, 0L));
            weeks.put(week, outcomes);
        }
        for (Object[] row : rows("""
                SELECT (date_trunc('week', created_at AT TIME ZONE 'UTC'))::date AS week, status, count(*)
                  FROM access_requests
                 WHERE created_at >= ?1 AND created_at < ?2
                 GROUP BY 1, 2""", period.start(), period.end())) {
            weeks.get(date(row[0])).merge((String) row[1], number(row[2]), Long::sum);
        }
        List<WeekOfRequests> result = new ArrayList<>();
        weeks.forEach((week, outcomes) -> result.add(new WeekOfRequests(week, outcomes,
                outcomes.values().stream().mapToLong(Long::longValue).sum())));
        return result;
    }

    private DecisionTimes decisionTimes(DashboardPeriod period) {
        Map<LocalDate, WeekOfDecisions> weeks = new LinkedHashMap<>();
        weeksOf(period).forEach(week -> weeks.put(week, new WeekOfDecisions(week, 0, null, null)));
        long decided = 0;
        Double median = null;
        Double p90 = null;
        // the first move out of PENDING to APPROVED or REJECTED in the request's history is its decision
        for (Object[] row : rows("""
                WITH decided AS (
                    SELECT (date_trunc('week', r.created_at AT TIME ZONE 'UTC'))::date AS week,
                           EXTRACT(EPOCH FROM (d.at - r.created_at)) / 3600.0 AS hours
                      FROM access_requests r
                      CROSS JOIN LATERAL (
                          SELECT (h ->> 'at')::timestamptz AS at, h ->> 'actor' AS actor
                            FROM jsonb_array_elements(r.history) AS h
                           WHERE h ->> 'from' = 'PENDING' AND h ->> 'to' IN ('APPROVED', 'REJECTED')
                           ORDER BY (h ->> 'at')::timestamptz
                           LIMIT 1) AS d
                     WHERE r.created_at >= ?1 AND r.created_at < ?2 AND d.actor <> ?3)
                SELECT week, count(*),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY hours),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY hours)
                  FROM decided
                 GROUP BY GROUPING SETS ((week), ())""", period.start(), period.end(), POLICY_ACTOR)) {
            if (row[0] == null) {
                decided = number(row[1]);
                median = decimal(row[2]);
                p90 = decimal(row[3]);
            } else {
                LocalDate week = date(row[0]);
                weeks.put(week, new WeekOfDecisions(week, number(row[1]), decimal(row[2]), decimal(row[3])));
            }
        }
        long autoApproved = number(entities.createNativeQuery("""
                SELECT count(*) FROM access_requests r
                 WHERE r.created_at >= ?1 AND r.created_at < ?2
                   AND r.history @> jsonb_build_array(jsonb_build_object('from', 'PENDING', 'to', 'APPROVED',
                                                                         'actor', ?3))""")
                .setParameter(1, period.start()).setParameter(2, period.end()).setParameter(3, POLICY_ACTOR)
                .getSingleResult());
        return new DecisionTimes(decided, median, p90, autoApproved, List.copyOf(weeks.values()));
    }

    private List<DomainProducts> productsPerDomain() {
        return rows("""
                SELECT d.slug, d.name,
                       count(p.id) FILTER (WHERE p.status = 'DRAFT'),
                       count(p.id) FILTER (WHERE p.status = 'PUBLISHED'),
                       count(p.id) FILTER (WHERE p.status = 'DEPRECATED'),
                       count(p.id)
                  FROM domains d LEFT JOIN data_products p ON p.domain_id = d.id
                 GROUP BY d.id, d.slug, d.name
                 ORDER BY count(p.id) DESC, d.slug""").stream()
                .map(row -> new DomainProducts((String) row[0], (String) row[1], number(row[2]), number(row[3]),
                        number(row[4]), number(row[5])))
                .toList();
    }

    private List<RequestedProduct> mostRequested(DashboardPeriod period) {
        return rows("""
                SELECT p.slug, p.name, count(*)
                  FROM access_requests r JOIN data_products p ON p.id = r.product_id
                 WHERE r.created_at >= ?1 AND r.created_at < ?2
                 GROUP BY p.id, p.slug, p.name
                 ORDER BY count(*) DESC, p.slug
                 LIMIT ?3""", period.start(), period.end(), TOP_PRODUCTS).stream()
                .map(row -> new RequestedProduct((String) row[0], (String) row[1], number(row[2])))
                .toList();
    }

    private List<AgeBucket> pendingByAge(Instant now) {
        Object[] row = rows("""
                SELECT count(*) FILTER (WHERE created_at > ?1),
                       count(*) FILTER (WHERE created_at <= ?1 AND created_at > ?2),
                       count(*) FILTER (WHERE created_at <= ?2 AND created_at > ?3),
                       count(*) FILTER (WHERE created_at <= ?3)
                  FROM access_requests WHERE status = 'PENDING'""",
                now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(7))).get(0);
        List<AgeBucket> buckets = new ArrayList<>();
        for (int i = 0; i < AGE_BUCKETS.size(); i++) {
            buckets.add(new AgeBucket(AGE_BUCKETS.get(i), number(row[i])));
        }
        return buckets;
    }

    private List<EngineGrants> grantsByEngine() {
        return rows("""
                SELECT engine,
                       count(*) FILTER (WHERE status = 'PENDING'),
                       count(*) FILTER (WHERE status = 'ACTIVE'),
                       count(*) FILTER (WHERE status = 'FAILED'),
                       count(*) FILTER (WHERE status = 'REVOKING'),
                       count(*)
                  FROM grants WHERE status <> 'REVOKED'
                 GROUP BY engine ORDER BY engine""").stream()
                .map(row -> new EngineGrants((String) row[0], number(row[1]), number(row[2]), number(row[3]),
                        number(row[4]), number(row[5])))
                .toList();
    }

    /** The Mondays of the weeks the period touches, in order. */
    private static List<LocalDate> weeksOf(DashboardPeriod period) {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate week = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                !week.isAfter(period.to()); week = week.plusWeeks(1)) {
            weeks.add(week);
        }
        return weeks;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = entities.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        throw new IllegalStateException("unexpected date " + value.getClass());
    }
}
