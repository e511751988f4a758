package dev.agora.catalog.contract;

import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.PortType;
import java.time.Instant;
import java.util.List;

/**
 * A product's contract as readers see it: the product's version, its service levels and, port by port, the schema
 * (columns with type, nullability, primary key and PII) and the quality rules. {@code updatedAt}/{@code updatedBy}
 * are null while the producer has set no terms (the contract is then the schema alone).
 */
public record DataContract(long productId, String product, String name, String version, String status,
        String ownerTeam, String domain, String description, ServiceLevels serviceLevels, List<Port> ports,
        Instant updatedAt, String updatedBy) {

    /** One port's part of the contract. */
    public record Port(String name, PortType type, String location, List<ColumnSchema> columns,
            List<QualityRule> rules) {}

    public ContractTerms terms() {
        java.util.Map<String, List<QualityRule>> rules = new java.util.LinkedHashMap<>();
        ports.forEach(port -> rules.put(port.name(), port.rules()));
        return new ContractTerms(serviceLevels, rules);
    }
}
