package dev.agora.catalog;

import java.time.Instant;
import java.util.List;

/** A product in a list: enough for a card, nothing that needs the ports loaded. */
public record ProductSummary(Long id, String slug, String name, String domain, String ownerTeam,
        Classification classification, ProductStatus status, String version, List<String> tags, String summary,
        Instant updatedAt) {

    static final int SUMMARY_LENGTH = 200;

    static ProductSummary of(DataProduct product) {
        String text = ProductDescription.toPlainText(product.description()).replaceAll("\\s+", " ");
        return new ProductSummary(product.id(), product.slug(), product.name(), product.domain().slug(),
                product.ownerTeam().slug(), product.classification(), product.status(),
                product.version().toString(), List.copyOf(product.tags()),
                text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…",
                product.updatedAt());
    }
}
