package dev.agora.catalog;

import java.time.Instant;
import java.util.List;

/** Everything about one data product as readers see it: the API's product and the product page. */
public record ProductDetails(Long id, String slug, String name, String domain, String ownerTeam,
        String ownerTeamName, List<String> owners, String description, String descriptionHtml, List<String> tags,
        Classification classification, ProductStatus status, String version, String contact, String freshness,
        String deprecationNote, List<Port> outputPorts, List<VersionEntry> versions, Instant createdAt,
        Instant updatedAt, Instant publishedAt, String createdBy, long rowVersion, Readiness readiness,
        ClassificationProposal classificationProposal) {

    /** An output port with its schema. */
    public record Port(Long id, String name, PortType type, String location, List<ColumnSchema> columns) {}

    /** A line of the changelog; a version superseded by a major one is usable until {@code deprecatedUntil}. */
    public record VersionEntry(String version, String changelog, Instant createdAt, String createdBy,
            Instant deprecatedUntil) {}

    /** Whether the product has what consumers need to be published, item by item. */
    public record Readiness(boolean ready, List<PublishingReadiness.Item> checklist) {}

    static ProductDetails of(DataProduct product, List<String> owners) {
        PublishingReadiness readiness = PublishingReadiness.of(product);
        return new ProductDetails(product.id(), product.slug(), product.name(), product.domain().slug(),
                product.ownerTeam().slug(), product.ownerTeam().name(), owners, product.description(),
                ProductDescription.toSafeHtml(product.description()), List.copyOf(product.tags()),
                product.classification(), product.status(), product.version().toString(),
                product.contact().orElse(null), product.freshness().orElse(null),
                product.deprecationNote().orElse(null),
                product.ports().stream()
                        .map(port -> new Port(port.id(), port.name(), port.type(), port.location(), port.columns()))
                        .toList(),
                product.versions().stream()
                        .map(v -> new VersionEntry(v.version(), v.changelog(), v.createdAt(), v.createdBy(),
                                v.deprecatedUntil()))
                        .toList(),
                product.createdAt(), product.updatedAt(), product.publishedAt().orElse(null), product.createdBy(),
                product.rowVersion(), new Readiness(readiness.ready(), readiness.items()),
                product.classificationProposal().orElse(null));
    }

    public boolean isDraft() {
        return status == ProductStatus.DRAFT;
    }
}
