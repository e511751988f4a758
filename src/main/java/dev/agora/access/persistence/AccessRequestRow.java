package dev.agora.access.persistence;

import dev.agora.access.AccessRequest;
import dev.agora.access.ApprovalStep;
import dev.agora.access.ApproverRole;
import dev.agora.access.Extension;
import dev.agora.access.Permission;
import dev.agora.access.Principal;
import dev.agora.access.ProductRef;
import dev.agora.access.RequestStatus;
import dev.agora.access.RequestedPort;
import dev.agora.access.Transition;
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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * How an access request is stored: its identity and what is queried on in columns, its steps, history, ports
 * and extensions as JSON. The row's version guards against concurrent decisions.
 */
@Entity
@Table(name = "access_requests")
public class AccessRequestRow extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "submission_id", nullable = false)
    UUID submissionId;

    @Column(name = "product_id", nullable = false)
    long productId;

    @Column(name = "product_slug", nullable = false)
    String productSlug;

    @Column(name = "product_name", nullable = false)
    String productName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Classification classification;

    @Column(nullable = false)
    String domain;

    @Column(name = "owner_team", nullable = false)
    String ownerTeam;

    @Enumerated(EnumType.STRING)
    @Column(name = "principal_type", nullable = false)
    Principal.Type principalType;

    @Column(name = "principal_name", nullable = false)
    String principalName;

    @Column(nullable = false)
    String requester;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Permission permission;

    @Column(nullable = false)
    String justification;

    @Column(name = "duration_days", nullable = false)
    int durationDays;

    @Column(name = "max_duration_days", nullable = false)
    int maxDurationDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    RequestStatus status;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "activated_at")
    Instant activatedAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "ended_at")
    Instant endedAt;

    @Column(name = "last_grant_error")
    String lastGrantError;

    @Column(name = "awaiting_owner_team")
    String awaitingOwnerTeam;

    @Column(name = "awaiting_steward_domain")
    String awaitingStewardDomain;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<RequestedPort> ports;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<ApprovalStep> steps;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<Transition> history;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<Extension> extensions;

    @Version
    long version;

    protected AccessRequestRow() {
        // for JPA
    }

    static AccessRequestRow of(AccessRequest request) {
        AccessRequestRow row = new AccessRequestRow();
        row.id = request.id();
        row.copy(request);
        return row;
    }

    /** Takes over the request's state (all but identity and version, which the row guards). */
    void copy(AccessRequest request) {
        AccessRequest.State state = request.state();
        submissionId = state.submissionId();
        productId = state.product().id();
        productSlug = state.product().slug();
        productName = state.product().name();
        classification = state.product().classification();
        domain = state.product().domain();
        ownerTeam = state.product().ownerTeam();
        principalType = state.principal().type();
        principalName = state.principal().name();
        requester = state.requester();
        permission = state.permission();
        justification = state.justification();
        durationDays = state.durationDays();
        maxDurationDays = state.maxDurationDays();
        status = state.status();
        createdAt = state.createdAt();
        activatedAt = state.activatedAt();
        expiresAt = state.expiresAt();
        endedAt = state.endedAt();
        lastGrantError = state.lastGrantError();
        ports = state.ports();
        steps = state.steps();
        history = state.history();
        extensions = state.extensions();
        List<ApprovalStep> awaiting = request.awaiting();
        awaitingOwnerTeam = awaiting.stream().filter(step -> step.role() == ApproverRole.OWNER)
                .map(ApprovalStep::scope).findFirst().orElse(null);
        awaitingStewardDomain = awaiting.stream().filter(step -> step.role() == ApproverRole.STEWARD)
                .map(ApprovalStep::scope).findFirst().orElse(null);
    }

    AccessRequest toRequest() {
        return AccessRequest.restore(new AccessRequest.State(id, submissionId,
                new ProductRef(productId, productSlug, productName, classification, domain, ownerTeam), ports,
                new Principal(principalType, principalName), requester, permission, justification, durationDays,
                maxDurationDays, status, steps, history, extensions, createdAt, activatedAt, expiresAt, endedAt,
                lastGrantError, version));
    }
}
