package dev.agora.catalog.schema;

import dev.agora.catalog.ProductConsumers;

import java.time.Instant;
import java.util.List;

/** A held (or decided) breaking schema change as owners and consumers see it. */
public record HeldChangeView(long id, String product, String status, Instant detectedAt, String ports,
        List<HeldSchemaChange.StoredDifference> differences, List<ProductConsumers.Consumer> consumers,
        String decidedBy, Instant decidedAt, String releasedVersion) {

    static HeldChangeView of(HeldSchemaChange change, String product) {
        return new HeldChangeView(change.id, product, change.status.name(), change.detectedAt, change.ports,
                change.assessment, change.consumers, change.decidedBy, change.decidedAt, change.releasedVersion);
    }

    public boolean isHeld() {
        return HeldSchemaChange.Status.HELD.name().equals(status);
    }
}
