package dev.agora.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a product's changelog: the version and what changed in it. */
@Entity
@Table(name = "data_product_versions")
public class ProductVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    private DataProduct product;

    @Column(nullable = false)
    private String version;

    @Column(nullable = false)
    private String changelog;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    /** Until when a version superseded by a major one stays usable (null: no window set). */
    @Column(name = "deprecated_until")
    private Instant deprecatedUntil;

    protected ProductVersion() {
        // for JPA
    }

    ProductVersion(DataProduct product, SemanticVersion version, String changelog, String createdBy, Instant at) {
        this.product = product;
        this.version = version.toString();
        this.changelog = changelog;
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    public String version() {
        return version;
    }

    public String changelog() {
        return changelog;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant deprecatedUntil() {
        return deprecatedUntil;
    }

    void deprecateUntil(Instant end) {
        this.deprecatedUntil = end;
    }
}
