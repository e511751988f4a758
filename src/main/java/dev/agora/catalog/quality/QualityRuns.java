package dev.agora.catalog.quality;

import dev.agora.audit.ChangeJournal;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.contract.ContractService;
import dev.agora.catalog.contract.ContractTerms;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.identity.DataLocations;
import dev.agora.platform.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the quality rules of a product's contract against its ports, keeps the run, records the product's standing
 * and, when a rule fails, tells it as {@code agora.quality.failed} (with the rules that newly fail, so that people
 * hear once per rule, not on every run while it keeps failing). On demand by the owner team and administrators,
 * and by the schedule ({@link QualitySchedule}).
 */
@ApplicationScoped
public class QualityRuns {

    private final CatalogService catalog;
    private final ContractService contracts;
    private final DataLocations locations;
    private final QualityProbes probes;
    private final QualityRunStore store;
    private final QualityStandings standings;
    private final ChangeJournal journal;
    private final QualitySettings settings;
    private final Clock clock;

    QualityRuns(CatalogService catalog, ContractService contracts, DataLocations locations, QualityProbes probes,
            QualityRunStore store, QualityStandings standings, ChangeJournal journal, QualitySettings settings,
            Clock clock) {
        this.catalog = catalog;
        this.contracts = contracts;
        this.locations = locations;
        this.probes = probes;
        this.store = store;
        this.standings = standings;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs every rule of the product's contract now; refused for anyone outside the owner team. */
    public QualityRun run(String productIdOrSlug, QualityRun.Trigger trigger, String actor) {
        ProductDetails product = catalog.find(productIdOrSlug, actor)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + productIdOrSlug + "'."));
        if (!catalog.mayChange(product, actor)) {
            throw Refusal.forbidden("Only members of team '" + product.ownerTeam()
                    + "' (and administrators) can run the quality checks of '" + product.slug() + "'.");
        }
        ContractTerms terms = contracts.termsOf(product.id());
        if (product.outputPorts().stream().allMatch(port -> terms.rulesOf(port.name()).isEmpty())) {
            throw Refusal.conflict("The contract of '" + product.slug() + "' has no quality rules to run yet.");
        }
        Instant started = clock.instant();
        // the checks run outside any transaction: they take their own connection to the lake, read-only
        List<RuleResult> results = new ArrayList<>();
        for (ProductDetails.Port port : product.outputPorts()) {
            List<QualityRule> rules = terms.rulesOf(port.name());
            if (rules.isEmpty()) {
                continue;
            }
            // the port's data may have been taken back from the team since it was published: re-check the link
            Optional<String> notOwned = locations.portProblem(port.type().wireName(), port.location(),
                    product.ownerTeam());
            if (notOwned.isPresent()) {
                for (QualityRule rule : rules) {
                    results.add(new RuleResult(port.name(), rule.name(), rule.kind(), RuleResult.Outcome.ERROR, null,
                            "Agora no longer checks this port: " + notOwned.get(), clock.instant()));
                }
                continue;
            }
            results.addAll(probes.evaluate(product.id(), port.type(), port.name(), port.location(), rules));
        }
        Duration frequency = Optional.ofNullable(terms.serviceLevels().updateFrequency())
                .orElse(settings.defaultFrequency());
        return QuarkusTransaction.requiringNew().call(() -> keep(product, trigger, actor, started, results, frequency));
    }

    private QualityRun keep(ProductDetails product, QualityRun.Trigger trigger, String actor, Instant started,
            List<RuleResult> results, Duration frequency) {
        Map<String, RuleResult.Outcome> before = store.lastOutcomes(product.id());
        Instant finished = clock.instant();
        QualityRun run = store.insert(product.id(), trigger, actor, started, finished, results, settings.keptRuns());
        store.dueAgainAt(product.id(), finished.plus(frequency));
        standings.record(new QualityStanding(product.id(), run.score(), run.failed(), finished));
        List<RuleResult> failing = results.stream().filter(r -> r.outcome() == RuleResult.Outcome.FAILED).toList();
        if (!failing.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("product", product.slug());
            details.put("productId", product.id());
            details.put("runId", run.id());
            details.put("score", run.score());
            details.put("failingRules", failing.stream().map(QualityRuns::described).toList());
            details.put("newlyFailing", failing.stream()
                    .filter(r -> before.get(r.port() + "/" + r.rule()) != RuleResult.Outcome.FAILED)
                    .map(QualityRuns::described).toList());
            journal.record(actor, "quality.run.failed", "data-product", product.slug(), details);
        }
        return run;
    }

    private static Map<String, Object> described(RuleResult result) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("port", result.port());
        rule.put("rule", result.rule());
        rule.put("kind", result.kind());
        rule.put("observed", result.observed());
        rule.put("detail", result.detail());
        return rule;
    }

    /**
     * The product's quality for this viewer (anyone who may see the product): the standing, the last result of
     * each rule and the recent runs; the offending sample rows only for those who may change the product.
     */
    public Optional<QualityReport> report(String productIdOrSlug, String viewer, int recentRuns) {
        Optional<ProductDetails> found = catalog.find(productIdOrSlug, viewer);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProductDetails product = found.get();
        boolean mayChange = catalog.mayChange(product, viewer);
        QualityStanding standing = standings.of(product.id());
        List<RuleResult> last = store.latest(product.id())
                .map(run -> mayChange ? run : run.withoutSamples()).map(QualityRun::results).orElse(List.of());
        List<QualityReport.RunPoint> trend = new ArrayList<>(store.runs(product.id(), Math.max(1, Math.min(recentRuns,
                settings.keptRuns()))).stream()
                .map(run -> new QualityReport.RunPoint(run.id(), run.finishedAt(), run.trigger(), run.score(),
                        run.failed(), run.errors()))
                .toList());
        java.util.Collections.reverse(trend);
        ContractTerms terms = contracts.termsOf(product.id());
        int rules = product.outputPorts().stream().mapToInt(port -> terms.rulesOf(port.name()).size()).sum();
        return Optional.of(new QualityReport(product.id(), product.slug(), standing.score(), standing.failingRules(),
                standing.lastRunAt(), last, trend, rules, mayChange));
    }
}
