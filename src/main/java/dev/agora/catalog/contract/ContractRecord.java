package dev.agora.catalog.contract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The terms of a product's contract as stored: one row per product, replaced as a whole. */
@Entity
@Table(name = "data_contracts")
class ContractRecord extends PanacheEntityBase {

    @Id
    @Column(name = "product_id")
    Long productId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "service_levels", nullable = false)
    ServiceLevels serviceLevels = ServiceLevels.NONE;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "quality_rules", nullable = false)
    Map<String, List<QualityRule>> qualityRules = new LinkedHashMap<>();

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    @Version
    @Column(name = "row_version")
    long rowVersion;

    ContractTerms terms() {
        return new ContractTerms(serviceLevels, qualityRules);
    }
}
