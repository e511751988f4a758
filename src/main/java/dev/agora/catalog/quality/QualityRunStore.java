package dev.agora.catalog.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where quality runs and their results are kept (quality_runs, quality_results) and the schedule's claims. */
@ApplicationScoped
class QualityRunStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final EntityManager entities;
    private final ObjectMapper json;

    QualityRunStore(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    /** Keeps the run and its results, and prunes the product's history to the newest {@code kept} runs. */
    @Transactional(Transactional.TxType.MANDATORY)
    QualityRun insert(long productId, QualityRun.Trigger trigger, String actor, Instant started, Instant finished,
            List<RuleResult> results, int kept) {
        Double score = QualityRun.scoreOf(results);
        int passed = count(results, RuleResult.Outcome.PASSED);
        int failed = count(results, RuleResult.Outcome.FAILED);
        int errors = count(results, RuleResult.Outcome.ERROR);
        long id = ((Number) entities.createNativeQuery("""
                INSERT INTO quality_runs (product_id, trigger, actor, started_at, finished_at, score, passed, failed,
                                          errors)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id""")
                .setParameter(1, productId).setParameter(2, trigger.name()).setParameter(3, actor)
                .setParameter(4, Timestamp.from(started)).setParameter(5, Timestamp.from(finished))
                .setParameter(6, score).setParameter(7, passed).setParameter(8, failed).setParameter(9, errors)
                .getSingleResult()).longValue();
        for (RuleResult result : results) {
            entities.createNativeQuery("""
                    INSERT INTO quality_results (run_id, port, rule, kind, outcome, observed, detail, samples,
                                                 checked_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS jsonb), ?9)""")
                    .setParameter(1, id).setParameter(2, result.port()).setParameter(3, result.rule())
                    .setParameter(4, result.kind()).setParameter(5, result.outcome().name())
                    .setParameter(6, result.observed()).setParameter(7, result.detail())
                    .setParameter(8, write(result.samples())).setParameter(9, Timestamp.from(result.checkedAt()))
                    .executeUpdate();
        }
        entities.createNativeQuery("""
                DELETE FROM quality_runs WHERE product_id = ?1 AND id NOT IN (
                    SELECT id FROM quality_runs WHERE product_id = ?1 ORDER BY id DESC LIMIT ?2)""")
                .setParameter(1, productId).setParameter(2, Math.max(1, kept)).executeUpdate();
        return new QualityRun(id, productId, trigger, actor, started, finished, score, passed, failed, errors,
                results);
    }

    /** The product's latest run, with its results. */
    @Transactional
    Optional<QualityRun> latest(long productId) {
        return runs(productId, 1).stream().findFirst().map(run -> withResults(run));
    }

    /** The product's newest runs (without results), newest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    List<QualityRun> runs(long productId, int limit) {
        List<Object[]> rows = entities.createNativeQuery("""
                SELECT id, trigger, actor, started_at, finished_at, score, passed, failed, errors FROM quality_runs
                 WHERE product_id = ?1 ORDER BY id DESC LIMIT ?2""")
                .setParameter(1, productId).setParameter(2, limit).getResultList();
        List<QualityRun> runs = new ArrayList<>();
        for (Object[] row : rows) {
            runs.add(new QualityRun(((Number) row[0]).longValue(), productId,
                    QualityRun.Trigger.valueOf((String) row[1]), (String) row[2], SqlTimes.instant(row[3]),
                    SqlTimes.instant(row[4]), row[5] == null ? null : ((Number) row[5]).doubleValue(),
                    ((Number) row[6]).intValue(), ((Number) row[7]).intValue(), ((Number) row[8]).intValue(),
                    List.of()));
        }
        return runs;
    }

    /** The run with its results, in the order they were checked. */
    @Transactional
    @SuppressWarnings("unchecked")
    QualityRun withResults(QualityRun run) {
        List<Object[]> rows = entities.createNativeQuery("""
                SELECT port, rule, kind, outcome, observed, detail, CAST(samples AS text), checked_at
                  FROM quality_results WHERE run_id = ?1 ORDER BY id""")
                .setParameter(1, run.id()).getResultList();
        List<RuleResult> results = new ArrayList<>();
        for (Object[] row : rows) {
            results.add(new RuleResult((String) row[0], (String) row[1], (String) row[2],
                    RuleResult.Outcome.valueOf((String) row[3]), (String) row[4], (String) row[5],
                    SqlTimes.instant(row[7]), read((String) row[6])));
        }
        return new QualityRun(run.id(), run.productId(), run.trigger(), run.actor(), run.startedAt(),
                run.finishedAt(), run.score(), run.passed(), run.failed(), run.errors(), results);
    }

    /** The outcome of each rule ("port/rule") in the product's latest run, before a new one is kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    Map<String, RuleResult.Outcome> lastOutcomes(long productId) {
        List<Object[]> rows = entities.createNativeQuery("""
                SELECT r.port, r.rule, r.outcome FROM quality_results r
                 WHERE r.run_id = (SELECT max(id) FROM quality_runs WHERE product_id = ?1)""")
                .setParameter(1, productId).getResultList();
        Map<String, RuleResult.Outcome> outcomes = new LinkedHashMap<>();
        for (Object[] row : rows) {
            outcomes.put(row[0] + "/" + row[1], RuleResult.Outcome.valueOf((String) row[2]));
        }
        return outcomes;
    }

    // --- the schedule -----------------------------------------------------------------------------------------

    /** The product is next due at this time, and no longer claimed. */
    @Transactional(Transactional.TxType.MANDATORY)
    void dueAgainAt(long productId, Instant next) {
        entities.createNativeQuery("""
                INSERT INTO quality_schedule (product_id, next_run_at, claimed_until) VALUES (?1, ?2, NULL)
                ON CONFLICT (product_id) DO UPDATE SET next_run_at = excluded.next_run_at, claimed_until = NULL""")
                .setParameter(1, productId).setParameter(2, Timestamp.from(next)).executeUpdate();
    }

    /**
     * Claims up to {@code limit} published products with quality rules that are due (never run, or their next run
     * time has come) and not claimed by another instance, until {@code claimedUntil}. Safe with several instances:
     * candidates are locked with SKIP LOCKED, and the claim is an upsert that only takes an unclaimed row.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    List<Long> claimDue(Instant now, int limit, Instant claimedUntil) {
        List<Number> ids = entities.createNativeQuery("""
                WITH due AS (
                    SELECT c.product_id FROM data_contracts c
                      JOIN data_products p ON p.id = c.product_id
                      LEFT JOIN quality_schedule s ON s.product_id = c.product_id
                     WHERE p.status = 'PUBLISHED'
                       AND EXISTS (SELECT 1 FROM jsonb_each(c.quality_rules) AS port (name, rules)
                                    WHERE jsonb_typeof(port.rules) = 'array' AND jsonb_array_length(port.rules) > 0)
                       AND (s.product_id IS NULL
                            OR (s.next_run_at <= ?1 AND (s.claimed_until IS NULL OR s.claimed_until < ?1)))
                     ORDER BY s.next_run_at NULLS FIRST, c.product_id
                     LIMIT ?2
                     FOR UPDATE OF c SKIP LOCKED)
                INSERT INTO quality_schedule (product_id, next_run_at, claimed_until)
                SELECT product_id, ?1, ?3 FROM due
                ON CONFLICT (product_id) DO UPDATE SET claimed_until = excluded.claimed_until
                 WHERE quality_schedule.next_run_at <= ?1
                   AND (quality_schedule.claimed_until IS NULL OR quality_schedule.claimed_until < ?1)
                RETURNING product_id""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit)
                .setParameter(3, Timestamp.from(claimedUntil)).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** A claimed run could not be done: try again at {@code retryAt}. */
    @Transactional
    void release(long productId, Instant retryAt) {
        entities.createNativeQuery(
                "UPDATE quality_schedule SET claimed_until = NULL, next_run_at = ?2 WHERE product_id = ?1")
                .setParameter(1, productId).setParameter(2, Timestamp.from(retryAt)).executeUpdate();
    }

    private static int count(List<RuleResult> results, RuleResult.Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    private String write(List<String> samples) {
        try {
            return json.writeValueAsString(samples);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private List<String> read(String samples) {
        try {
            return samples == null ? List.of() : json.readValue(samples, STRINGS);
        } catch (JsonProcessingException unreadable) {
            return List.of();
        }
    }
}
