package dev.agora.access.persistence;

import dev.agora.access.ApproverRole;
import dev.agora.access.policy.AccessPolicy;
import dev.agora.catalog.Classification;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored policy of one classification. */
@Entity
@Table(name = "access_policies")
public class AccessPolicyRow extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    Classification classification;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    String[] approvers;

    @Column(name = "auto_approve", nullable = false)
    boolean autoApprove;

    @Column(name = "max_duration_days", nullable = false)
    int maxDurationDays;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    @Version
    long version;

    AccessPolicy toPolicy() {
        List<ApproverRole> roles = Arrays.stream(approvers).map(ApproverRole::valueOf).toList();
        return new AccessPolicy(classification, roles, autoApprove, maxDurationDays);
    }

    void take(AccessPolicy policy, String actor, Instant now) {
        approvers = policy.approvers().stream().map(Enum::name).toArray(String[]::new);
        autoApprove = policy.autoApprove();
        maxDurationDays = policy.maxDurationDays();
        updatedBy = actor;
        updatedAt = now;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
