package dev.agora.catalog.contract;

import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.ProductDraft;
import dev.agora.catalog.SchemaCompatibility;
import dev.agora.catalog.SchemaCompatibility.Assessment;
import dev.agora.catalog.SemanticVersion;
import dev.agora.catalog.contract.odcs.OdcsImport;
import dev.agora.catalog.contract.odcs.OdcsWriter;
import dev.agora.catalog.schema.SchemaReleases;
import dev.agora.platform.Refusal;
import dev.agora.platform.Refusal.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A product's contract as an ODCS v3.1.0 document: downloaded by everyone who sees the product, uploaded (API PUT
 * or the product page) by its owner team and administrators. An upload applies the schema and the terms in one
 * transaction, versioned by how the schema changes ({@link SchemaCompatibility}): none → the terms alone; compatible
 * → a new minor version (or the document's, if greater) with a generated changelog; breaking → refused unless the
 * document is a new major version.
 */
@ApplicationScoped
public class ContractDocuments {

    /** What an upload did: the contract now, its version, and the changelog recorded (null when none). */
    public record Applied(DataContract contract, String version, String changelog, Outcome outcome) {}

    /** How the schema of the document compared with the product's. */
    public enum Outcome { TERMS_ONLY, COMPATIBLE_VERSION, MAJOR_VERSION }

    /** The catalog's longest changelog (ProductRules.MAX_NOTE). */
    private static final int MAX_CHANGELOG = 5000;

    private final CatalogService catalog;
    private final ContractService contracts;
    private final SchemaReleases releases;

    ContractDocuments(CatalogService catalog, ContractService contracts, SchemaReleases releases) {
        this.releases = releases;
        this.catalog = catalog;
        this.contracts = contracts;
    }

    /** The ODCS YAML of the product's contract, if the viewer may see the product. */
    @Transactional
    public Optional<String> export(String idOrSlug, String viewer) {
        return contracts.contract(idOrSlug, viewer).map(OdcsWriter::yaml);
    }

    /** A strong validator of a document's text, for ETag and If-Match. */
    public static String tagOf(String yaml) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Applies an uploaded document. {@code expectedTag}, when given, must be the tag of the contract the uploader
     * read: a change in between is refused rather than overwritten.
     */
    @Transactional
    public Applied apply(String idOrSlug, String yaml, String expectedTag, String actor) {
        ProductDetails product = catalog.find(idOrSlug, actor)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + idOrSlug + "'."));
        if (!catalog.mayChange(product, actor)) {
            throw Refusal.forbidden("Only members of team '" + product.ownerTeam()
                    + "' (and administrators) can change the contract of '" + product.slug() + "'.");
        }
        if (expectedTag != null) {
            String current = tagOf(export(product.slug(), actor).orElseThrow());
            if (!current.equals(expectedTag)) {
                throw Refusal.preconditionFailed("The contract of '" + product.slug() + "' changed since you read it "
                        + "(If-Match " + expectedTag + ", now " + current + "); download it again and reapply your "
                        + "change.");
            }
        }
        OdcsImport.Imported imported = OdcsImport.read(yaml, product.slug(), product.outputPorts());
        SemanticVersion wanted = versionOf(imported);
        SemanticVersion current = SemanticVersion.parse("version", product.version());
        Map<String, List<ColumnSchema>> before = new LinkedHashMap<>();
        product.outputPorts().forEach(port -> before.put(port.name(), port.columns()));
        Assessment assessment = SchemaCompatibility.assess(before, imported.columns());
        if (assessment.isEmpty()) {
            String changelog = null;
            if (wanted.compareTo(current) > 0) {
                changelog = "Contract " + wanted + ": service levels and quality rules.";
                catalog.addVersion(product.slug(), wanted.toString(), changelog, null, actor);
            }
            DataContract contract = contracts.replaceTerms(product.slug(), imported.terms(), actor);
            return new Applied(contract, contract.version(), changelog, Outcome.TERMS_ONLY);
        }
        if (!assessment.isBreaking()) {
            SemanticVersion next = wanted.compareTo(current) > 0 ? wanted
                    : new SemanticVersion(current.major(), current.minor() + 1, 0, null);
            String changelog = changelog(next, "compatible schema changes", assessment);
            catalog.addVersion(product.slug(), next.toString(), changelog, revised(product, imported.columns()),
                    actor);
            DataContract contract = contracts.replaceTerms(product.slug(), imported.terms(), actor);
            return new Applied(contract, contract.version(), changelog, Outcome.COMPATIBLE_VERSION);
        }
        if (wanted.major() > current.major()) {
            return applyAsNewMajorVersion(product, wanted, assessment, imported, actor);
        }
        String breaking = assessment.breaking().stream().map(SchemaCompatibility.Difference::describe)
                .collect(Collectors.joining("; "));
        throw Refusal.conflict("The contract changes the schema of '" + product.slug() + "' in ways that break its "
                + "consumers: " + breaking + ". Publish it as a new major version (" + (current.major() + 1)
                + ".0.0 or later) to apply it.", Map.of("breakingChanges", breaking, "currentVersion",
                current.toString(), "requiredVersion", (current.major() + 1) + ".0.0"));
    }

    /**
     * A breaking schema change in a document of a new major version: applied as that version, with the changelog
     * of every difference. The one place where a contract upload releases a major version (the held-change flow of
     * DDL-detected changes joins here).
     */
    private Applied applyAsNewMajorVersion(ProductDetails product, SemanticVersion version, Assessment assessment,
            OdcsImport.Imported imported, String actor) {
        // the same release as an owner's decision on a held change: the previous version gets its deprecation
        // window, consumers keep their access and hear the diff, and a change held meanwhile is decided by it
        ProductDetails released = releases.releaseMajor(product.slug(), assessment, imported.columns(), version, null,
                actor);
        DataContract contract = contracts.replaceTerms(product.slug(), imported.terms(), actor);
        String changelog = released.versions().get(released.versions().size() - 1).changelog();
        return new Applied(contract, contract.version(), changelog, Outcome.MAJOR_VERSION);
    }

    private static SemanticVersion versionOf(OdcsImport.Imported imported) {
        try {
            return SemanticVersion.parse("version", imported.version());
        } catch (Refusal notAVersion) {
            String where = imported.where().getOrDefault("version", "line 1: version");
            throw Refusal.invalid("The contract is not valid: " + where + ": " + notAVersion.reason() + ".",
                    List.of(new FieldProblem(where, notAVersion.reason())));
        }
    }

    private static String changelog(SemanticVersion version, String what, Assessment assessment) {
        String text = "Contract " + version + ", " + what + ":\n" + assessment.changelog();
        return text.length() <= MAX_CHANGELOG ? text : text.substring(0, MAX_CHANGELOG - 1) + "…";
    }

    /** The product as it is, with the ports' columns of the document (type and location stay the product's). */
    private static ProductDraft revised(ProductDetails product, Map<String, List<ColumnSchema>> columns) {
        return new ProductDraft(product.name(), product.slug(), product.domain(), product.ownerTeam(),
                product.description(), product.tags(), product.classification(), null, product.contact(),
                product.freshness(), product.outputPorts().stream()
                        .map(port -> new ProductDraft.PortDraft(port.name(), port.type(), port.location(),
                                columns.get(port.name())))
                        .toList());
    }
}
