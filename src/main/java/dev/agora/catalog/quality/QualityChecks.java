package dev.agora.catalog.quality;

import dev.agora.catalog.CatalogService;
import dev.agora.catalog.PortType;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.contract.ContractRules;
import dev.agora.catalog.contract.ContractTerms;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.contract.ServiceLevels;
import dev.agora.catalog.harvest.SchemaHarvester;
import dev.agora.platform.Refusal;
import dev.agora.platform.Refusal.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The publish form's live "check now": one rule against one port's data, before the product (or the rule) is
 * saved; the result is shown, not kept. Guarded like "read columns": only someone who may publish for the team,
 * only on data registered to that team, and only a rule the contract would accept.
 */
@ApplicationScoped
public class QualityChecks {

    /** The product id of the checks of a product not yet saved (the reader role then reads only that table). */
    static final long UNSAVED_PRODUCT = 0L;
    private static final String PORT = "check";

    private final CatalogService catalog;
    private final QualityProbes probes;
    private final Clock clock;

    QualityChecks(CatalogService catalog, QualityProbes probes, Clock clock) {
        this.catalog = catalog;
        this.probes = probes;
        this.clock = clock;
    }

    public RuleResult checkNow(String ownerTeam, PortType type, String location, QualityRule rule, String actor) {
        if (type == null) {
            throw Refusal.invalid("type", "choose the port's type first");
        }
        if (rule == null) {
            throw Refusal.invalid("rule", "choose a rule to check");
        }
        // the team, the actor's right and the location's owner are checked here, in this order (CatalogService)
        SchemaHarvester.Outcome columns = catalog.harvest(type, location, ownerTeam, actor);
        if (columns instanceof SchemaHarvester.Outcome.NotFound notFound) {
            throw Refusal.invalid("location", notFound.reason());
        }
        if (columns instanceof SchemaHarvester.Outcome.Unavailable unavailable) {
            return new RuleResult(location, rule.name(), rule.kind(), RuleResult.Outcome.ERROR, null,
                    unavailable.reason(), clock.instant());
        }
        ProductDetails.Port port = new ProductDetails.Port(null, PORT, type, location.strip(),
                ((SchemaHarvester.Outcome.Found) columns).columns());
        List<FieldProblem> problems = ContractRules.check(
                new ContractTerms(ServiceLevels.NONE, Map.of(PORT, List.of(rule))), List.of(port));
        if (!problems.isEmpty()) {
            List<FieldProblem> named = problems.stream()
                    .map(p -> new FieldProblem(p.field().replace("ports[" + PORT + "].rules[0]", "rule"),
                            p.message()))
                    .toList();
            throw Refusal.invalid("The rule is not valid: " + named.stream().map(p -> p.field() + " " + p.message())
                    .reduce((a, b) -> a + "; " + b).orElse("") + ".", named);
        }
        RuleResult result = probes.evaluate(UNSAVED_PRODUCT, type, location.strip(), location.strip(), List.of(rule))
                .get(0);
        return result;
    }
}
