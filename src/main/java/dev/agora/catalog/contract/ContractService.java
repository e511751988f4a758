package dev.agora.catalog.contract;

import dev.agora.audit.ChangeJournal;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ProductDetails;
import dev.agora.platform.Refusal;
import dev.agora.platform.Refusal.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contracts of data products: everyone who may see a product reads its contract; the members of its owner team
 * (and administrators) replace its terms. The schema part is the ports' columns; this service keeps the rest.
 */
@ApplicationScoped
public class ContractService {

    private final CatalogService catalog;
    private final ChangeJournal journal;
    private final Clock clock;

    ContractService(CatalogService catalog, ChangeJournal journal, Clock clock) {
        this.catalog = catalog;
        this.journal = journal;
        this.clock = clock;
    }

    /** The product's contract, if the viewer may see the product. */
    @Transactional
    public Optional<DataContract> contract(String idOrSlug, String viewer) {
        return catalog.find(idOrSlug, viewer).map(this::contractOf);
    }

    /** The terms of a product by its id, for Agora's own work (quality runs): no viewer, no permission check. */
    @Transactional
    public ContractTerms termsOf(long productId) {
        return ContractRecord.<ContractRecord>findByIdOptional(productId).map(ContractRecord::terms)
                .orElse(ContractTerms.NONE);
    }

    /** Replaces the terms as a whole; refused with every problem at once, and for anyone outside the owner team. */
    @Transactional
    public DataContract replaceTerms(String idOrSlug, ContractTerms terms, String actor) {
        ProductDetails product = catalog.find(idOrSlug, actor)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + idOrSlug + "'."));
        if (!catalog.mayChange(product, actor)) {
            throw Refusal.forbidden("Only members of team '" + product.ownerTeam()
                    + "' (and administrators) can change the contract of '" + product.slug() + "'.");
        }
        List<FieldProblem> problems = ContractRules.check(terms, product.outputPorts());
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The contract is not valid: " + problems.stream()
                    .map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse("") + ".",
                    problems);
        }
        ContractRecord record = ContractRecord.<ContractRecord>findByIdOptional(product.id()).orElseGet(() -> {
            ContractRecord created = new ContractRecord();
            created.productId = product.id();
            return created;
        });
        record.serviceLevels = terms.serviceLevels();
        record.qualityRules = new LinkedHashMap<>(terms.rulesByPort());
        record.updatedAt = clock.instant();
        record.updatedBy = actor;
        record.persistAndFlush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("product", product.slug());
        details.put("version", product.version());
        details.put("rules", terms.rulesByPort().values().stream().mapToInt(List::size).sum());
        journal.record(actor, "catalog.contract.replaced", "data-product", product.slug(), details);
        return contractOf(product);
    }

    private DataContract contractOf(ProductDetails product) {
        Optional<ContractRecord> record = ContractRecord.findByIdOptional(product.id());
        ContractTerms terms = record.map(ContractRecord::terms).orElse(ContractTerms.NONE);
        List<DataContract.Port> ports = product.outputPorts().stream()
                .map(port -> new DataContract.Port(port.name(), port.type(), port.location(), port.columns(),
                        terms.rulesOf(port.name())))
                .toList();
        return new DataContract(product.id(), product.slug(), product.name(), product.version(),
                product.status().name(), product.ownerTeam(), product.domain(), product.description(),
                terms.serviceLevels(), ports, record.map(r -> r.updatedAt).orElse(null),
                record.map(r -> r.updatedBy).orElse(null));
    }
}
