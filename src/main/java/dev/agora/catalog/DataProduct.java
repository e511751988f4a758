package dev.agora.catalog;

import dev.agora.identity.Domain;
import dev.agora.identity.Team;
import dev.agora.platform.Refusal;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A data product: what a domain team publishes for others to use. The aggregate guards its life cycle
 * (draft, published, deprecated), its version history and its output ports.
 */
@Entity
@Table(name = "data_products")
public class DataProduct extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_team_id")
    private Team ownerTeam;

    @Column(nullable = false)
    private String description;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "data_product_tags", joinColumns = @JoinColumn(name = "product_id"))
    @Column(name = "tag")
    private Set<String> tags = new TreeSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Classification classification;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProductStatus status;

    @Column(name = "semantic_version", nullable = false)
    private String semanticVersion;

    private String contact;

    private String freshness;

    @Column(name = "deprecation_note")
    private String deprecationNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_classification")
    private Classification proposedClassification;

    @Column(name = "proposed_by")
    private String proposedBy;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<OutputPort> ports = new ArrayList<>();

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt, id")
    private List<ProductVersion> versions = new ArrayList<>();

    protected DataProduct() {
        // for JPA
    }

    /** A new product, as a draft only its owner team sees, with its first version in the changelog. */
    static DataProduct draft(String slug, ProductContent content, Domain domain, Team ownerTeam,
            SemanticVersion version, String actor, Instant now) {
        DataProduct product = new DataProduct();
        product.slug = slug;
        product.status = ProductStatus.DRAFT;
        product.semanticVersion = version.toString();
        product.createdAt = now;
        product.createdBy = actor;
        product.revise(content, domain, ownerTeam, now);
        product.versions.add(new ProductVersion(product, version, "First version", actor, now));
        return product;
    }

    /** Replaces what the producer describes; ports keep their identity by name, so grants on them stay valid. */
    void revise(ProductContent content, Domain domain, Team ownerTeam, Instant now) {
        this.name = content.name().strip();
        this.description = content.description();
        this.tags.clear();
        this.tags.addAll(content.tags());
        this.classification = content.classification();
        this.contact = blankToNull(content.contact());
        this.freshness = blankToNull(content.freshness());
        this.domain = domain;
        this.ownerTeam = ownerTeam;
        replacePorts(content.ports());
        this.updatedAt = now;
    }

    private void replacePorts(List<PortContent> newPorts) {
        Map<String, OutputPort> existing = ports.stream()
                .collect(Collectors.toMap(OutputPort::name, Function.identity()));
        List<OutputPort> next = new ArrayList<>();
        for (int position = 0; position < newPorts.size(); position++) {
            PortContent content = newPorts.get(position);
            OutputPort port = existing.get(content.name());
            if (port == null) {
                port = new OutputPort(this, position, content);
            } else {
                port.apply(position, content);
            }
            next.add(port);
        }
        ports.retainAll(next);
        for (OutputPort port : next) {
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        ports.sort((a, b) -> Integer.compare(next.indexOf(a), next.indexOf(b)));
    }

    /** Makes the product visible in the catalog, once it has everything consumers need. */
    void publish(Instant now) {
        if (status != ProductStatus.DRAFT) {
            throw Refusal.conflict("Only a draft can be published; '" + slug + "' is " + status + ".");
        }
        List<String> missing = PublishingReadiness.of(this).missing();
        if (!missing.isEmpty()) {
            throw Refusal.invalid("'" + slug + "' is not ready to publish: " + String.join("; ", missing) + ".",
                    missing.stream().map(item -> new Refusal.FieldProblem("readiness", item)).toList());
        }
        this.status = ProductStatus.PUBLISHED;
        this.publishedAt = now;
        this.updatedAt = now;
    }

    /** Records a new version; it must be greater than the current one. */
    void addVersion(SemanticVersion version, String changelog, String actor, Instant now) {
        if (status == ProductStatus.DEPRECATED) {
            throw Refusal.conflict("'" + slug + "' is deprecated; it gets no new versions.");
        }
        SemanticVersion current = SemanticVersion.parse("version", semanticVersion);
        if (version.compareTo(current) <= 0) {
            throw Refusal.invalid("version", "must be greater than the current version " + current);
        }
        if (changelog == null || changelog.isBlank()) {
            throw Refusal.invalid("changelog", "must say what changed in " + version);
        }
        this.semanticVersion = version.toString();
        this.versions.add(new ProductVersion(this, version, changelog.strip(), actor, now));
        this.updatedAt = now;
    }

    /**
     * Takes over the columns the lake has now (ports matched by name; other ports unchanged) as a new version; the
     * version it supersedes stays usable until {@code previousUsableUntil} when that is given (a major release).
     */
    void adoptSchema(Map<String, List<ColumnSchema>> columnsByPort, SemanticVersion version, String changelog,
            Instant previousUsableUntil, String actor, Instant now) {
        ProductVersion previous = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        List<PortContent> next = ports.stream().map(port -> columnsByPort.containsKey(port.name())
                ? new PortContent(port.name(), port.type(), port.location(), columnsByPort.get(port.name()))
                : port.content()).toList();
        addVersion(version, changelog, actor, now);
        replacePorts(next);
        if (previous != null && previousUsableUntil != null) {
            previous.deprecateUntil(previousUsableUntil);
        }
    }

    void deprecate(String note, Instant now) {
        if (status != ProductStatus.PUBLISHED) {
            throw Refusal.conflict("Only a published product can be deprecated; '" + slug + "' is " + status + ".");
        }
        if (note == null || note.isBlank()) {
            throw Refusal.invalid("reason", "must tell consumers why, and what to use instead");
        }
        this.status = ProductStatus.DEPRECATED;
        this.deprecationNote = note.strip();
        this.updatedAt = now;
    }

    /** A lower classification waits for a steward; the product keeps its own meanwhile. */
    void proposeClassification(Classification lower, String actor, Instant now) {
        proposedClassification = lower;
        proposedBy = actor;
        proposedAt = now;
    }

    /** Applies the proposed classification (a steward agreed). */
    void applyProposedClassification(Instant now) {
        classification = proposedClassification;
        dropClassificationProposal();
        updatedAt = now;
    }

    void dropClassificationProposal() {
        proposedClassification = null;
        proposedBy = null;
        proposedAt = null;
    }

    public Optional<ClassificationProposal> classificationProposal() {
        return proposedClassification == null ? Optional.empty()
                : Optional.of(new ClassificationProposal(proposedClassification, proposedBy, proposedAt));
    }

    public ProductContent content() {
        return new ProductContent(name, description, tags, classification, contact, freshness,
                ports.stream().map(OutputPort::content).toList());
    }

    public Optional<OutputPort> port(String name) {
        return ports.stream().filter(port -> port.name().equals(name)).findFirst();
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Domain domain() {
        return domain;
    }

    public Team ownerTeam() {
        return ownerTeam;
    }

    public String description() {
        return description;
    }

    public Set<String> tags() {
        return Collections.unmodifiableSet(tags);
    }

    public Classification classification() {
        return classification;
    }

    public ProductStatus status() {
        return status;
    }

    public SemanticVersion version() {
        return SemanticVersion.parse("version", semanticVersion);
    }

    public Optional<String> contact() {
        return Optional.ofNullable(contact);
    }

    public Optional<String> freshness() {
        return Optional.ofNullable(freshness);
    }

    public Optional<String> deprecationNote() {
        return Optional.ofNullable(deprecationNote);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> publishedAt() {
        return Optional.ofNullable(publishedAt);
    }

    public String createdBy() {
        return createdBy;
    }

    public long rowVersion() {
        return rowVersion;
    }

    public List<OutputPort> ports() {
        return Collections.unmodifiableList(ports);
    }

    public List<ProductVersion> versions() {
        return Collections.unmodifiableList(versions);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
