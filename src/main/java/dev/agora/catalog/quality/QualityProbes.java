package dev.agora.catalog.quality;

import dev.agora.catalog.PortType;
import dev.agora.catalog.contract.QualityRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The probe for each port type, among those configuration switched on; a port without one gets ERROR results. */
@ApplicationScoped
public class QualityProbes {

    private final Map<PortType, QualityProbe> byType = new EnumMap<>(PortType.class);
    private final Clock clock;

    QualityProbes(Instance<QualityProbe> probes, Clock clock) {
        probes.forEach(probe -> byType.put(probe.portType(), probe));
        this.clock = clock;
    }

    public List<RuleResult> evaluate(long productId, PortType type, String port, String location,
            List<QualityRule> rules) {
        QualityProbe probe = byType.get(type);
        if (probe == null) {
            String reason = switch (type) {
                case GLUE_TABLE -> "checks of Glue tables through Amazon Athena are not switched on";
                default -> "Agora cannot check the data of a " + type.wireName() + " port";
            };
            return rules.stream().map(rule -> new RuleResult(port, rule.name(), rule.kind(),
                    RuleResult.Outcome.ERROR, null, reason, clock.instant())).toList();
        }
        List<RuleResult> results = probe.evaluate(productId, port, location, rules);
        if (results.size() != rules.size()) {
            throw new IllegalStateException(type + " probe gave " + results.size() + " results for "
                    + rules.size() + " rules");
        }
        return results;
    }
}
