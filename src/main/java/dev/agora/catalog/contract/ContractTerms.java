package dev.agora.catalog.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a contract adds to the schema of a product's ports: its service levels and the quality rules of each port
 * (by port name). The schema itself is the ports' columns, kept with the ports.
 */
public record ContractTerms(ServiceLevels serviceLevels, Map<String, List<QualityRule>> rulesByPort) {

    public static final ContractTerms NONE = new ContractTerms(ServiceLevels.NONE, Map.of());

    public ContractTerms {
        serviceLevels = serviceLevels == null ? ServiceLevels.NONE : serviceLevels;
        Map<String, List<QualityRule>> copy = new LinkedHashMap<>();
        if (rulesByPort != null) {
            rulesByPort.forEach((port, rules) -> copy.put(port, rules == null ? List.of() : List.copyOf(rules)));
        }
        rulesByPort = java.util.Collections.unmodifiableMap(copy);
    }

    public List<QualityRule> rulesOf(String port) {
        return rulesByPort.getOrDefault(port, List.of());
    }
}
