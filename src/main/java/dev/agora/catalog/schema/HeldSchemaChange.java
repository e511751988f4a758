package dev.agora.catalog.schema;

import dev.agora.catalog.ProductConsumers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A breaking change of a product's data that consumers have not been told of yet: held until an owner publishes a
 * new major version or the old schema is back.
 */
@Entity
@Table(name = "held_schema_changes")
public class HeldSchemaChange extends PanacheEntityBase {

    public enum Status { HELD, RELEASED_MAJOR, RESTORED }

    /** One difference as stored (SchemaCompatibility.Difference without behaviour). */
    public record StoredDifference(String port, String column, String kind, String from, String to, String verdict,
            String reason, String line) {}

    /** A column of the lake as stored. */
    public record StoredColumn(String name, String type, String description, boolean pii, boolean nullable,
            boolean primaryKey) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "product_id", nullable = false)
    long productId;

    @Column(nullable = false)
    String ports;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<StoredDifference> assessment;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "columns_after", nullable = false)
    Map<String, List<StoredColumn>> columnsAfter;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<ProductConsumers.Consumer> consumers;

    @Column(name = "detected_at", nullable = false)
    Instant detectedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Status status;

    @Column(name = "decided_by")
    String decidedBy;

    @Column(name = "decided_at")
    Instant decidedAt;

    @Column(name = "released_version")
    String releasedVersion;

    public Long id() {
        return id;
    }

    public long productId() {
        return productId;
    }

    public Status status() {
        return status;
    }
}
