package dev.agora.grants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A permission Agora manages: what it should be, and where it stands in its engine. */
@Entity
@Table(name = "grants")
public class GrantRecord extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false)
    private UUID orderId;

    @Column(nullable = false)
    private String engine;

    @Column(name = "resource_type", nullable = false)
    private String resourceType;

    @Column(nullable = false)
    private String location;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> columns;

    @Column(name = "principal_type", nullable = false)
    private String principalType;

    @Column(name = "principal_name", nullable = false)
    private String principalName;

    private String grantee;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> permissions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GrantStatus status;

    /** the team owning the product the grant serves; null only on grants older than data locations */
    @Column(name = "owner_team")
    private String ownerTeam;

    /** the slug of the product the grant serves, to name it in events; null on older grants and other orders */
    private String product;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "applied_at")
    private Instant appliedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected GrantRecord() {
        // for JPA
    }

    GrantRecord(UUID orderId, String engine, GrantTarget target, String grantee, Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.engine = engine;
        this.resourceType = target.resourceType();
        this.location = target.location();
        this.columns = List.copyOf(target.columns());
        this.principalType = target.grantee().type();
        this.principalName = target.grantee().name();
        this.grantee = grantee;
        this.permissions = target.permissions().stream().sorted().toList();
        this.ownerTeam = target.ownerTeam();
        this.product = target.product();
        this.status = GrantStatus.PENDING;
        this.createdAt = now;
    }

    GrantSpec spec() {
        return new GrantSpec(resourceType, location, columns, grantee, Set.copyOf(permissions));
    }

    void applied(Instant now) {
        status = GrantStatus.ACTIVE;
        appliedAt = now;
        lastError = null;
    }

    void failed(String error) {
        status = GrantStatus.FAILED;
        lastError = error;
    }

    void revoking() {
        status = GrantStatus.REVOKING;
    }

    void revoked(Instant now) {
        status = GrantStatus.REVOKED;
        revokedAt = now;
        lastError = null;
    }

    void retrying(String error) {
        lastError = error;
    }

    void resolvedAs(String grantee) {
        this.grantee = grantee;
    }

    void pending() {
        status = GrantStatus.PENDING;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public String engine() {
        return engine;
    }

    public String resourceType() {
        return resourceType;
    }

    public String location() {
        return location;
    }

    public List<String> columns() {
        return columns;
    }

    public Grantee principal() {
        return new Grantee(principalType, principalName);
    }

    public String grantee() {
        return grantee;
    }

    public List<String> permissions() {
        return permissions;
    }

    public String ownerTeam() {
        return ownerTeam;
    }

    public java.util.Optional<String> product() {
        return java.util.Optional.ofNullable(product);
    }

    public GrantStatus status() {
        return status;
    }

    public String lastError() {
        return lastError;
    }

    public Instant appliedAt() {
        return appliedAt;
    }
}
