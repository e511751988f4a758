package dev.agora.access.persistence;

import dev.agora.access.AccessRequest;
import dev.agora.access.Principal;
import dev.agora.access.ProductDemand;
import dev.agora.access.RequestStatus;
import dev.agora.access.RequestedPort;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores and finds access requests. Saving checks the version the request was loaded with, so that of two
 * concurrent decisions one wins and the other is told; the open-port keys make a second open request for the
 * same principal and port fail even when both are submitted at the same moment.
 */
@ApplicationScoped
public class AccessRequestStore {

    private final EntityManager entities;

    AccessRequestStore(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(AccessRequest request) {
        for (RequestedPort port : request.ports()) {
            Optional<UUID> open = openRequestFor(request.principal(), port.portId());
            if (open.isPresent()) {
                throw Refusal.conflict("There is already an open request for " + request.principal() + " on port '"
                        + port.name() + "' of " + request.product().slug() + ": /api/v1/access-requests/" + open.get());
            }
        }
        AccessRequestRow.of(request).persist();
        entities.flush();
        for (RequestedPort port : request.ports()) {
            entities.createNativeQuery("""
                    INSERT INTO access_open_ports (principal_type, principal_name, port_id, request_id)
                    VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                    .setParameter(1, request.principal().type().name())
                    .setParameter(2, request.principal().name())
                    .setParameter(3, port.portId())
                    .setParameter(4, request.id())
                    .executeUpdate();
            // whoever inserted first holds the key; a concurrent twin finds it taken and is refused
            Optional<UUID> holder = openRequestFor(request.principal(), port.portId());
            if (holder.isPresent() && !holder.get().equals(request.id())) {
                throw Refusal.conflict("There is already an open request for " + request.principal() + " on port '"
                        + port.name() + "' of " + request.product().slug() + ": /api/v1/access-requests/"
                        + holder.get());
            }
        }
    }

    /** Writes the request's new state; refused when someone else changed it since it was loaded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(AccessRequest request) {
        AccessRequestRow row = entities.find(AccessRequestRow.class, request.id(), LockModeType.OPTIMISTIC);
        if (row == null) {
            throw Refusal.notFound("There is no access request " + request.id() + ".");
        }
        if (row.version != request.version()) {
            throw Refusal.conflict("Someone else decided on this request at the same time; reload it to see how it "
                    + "stands now.");
        }
        row.copy(request);
        entities.flush();
        if (request.status().isFinal()) {
            entities.createNativeQuery("DELETE FROM access_open_ports WHERE request_id = ?1")
                    .setParameter(1, request.id()).executeUpdate();
        }
    }

    public Optional<AccessRequest> find(UUID id) {
        return Optional.ofNullable(entities.find(AccessRequestRow.class, id)).map(AccessRequestRow::toRequest);
    }

    public List<AccessRequest> bySubmission(UUID submissionId) {
        return rows("submissionId = ?1 order by productName", submissionId);
    }

    /** Requests the person made, or made for a team they belong to. */
    public List<AccessRequest> mine(String username, Collection<String> teams, Set<RequestStatus> statuses) {
        return rows("(requester = ?1 or (principalType = ?2 and principalName in ?3)) and status in ?4 "
                + "order by createdAt desc", username, Principal.Type.TEAM, teams.isEmpty() ? List.of("") : teams,
                statuses);
    }

    /** Requests waiting for a decision by an owner of these teams or a steward of these domains. */
    public List<AccessRequest> awaiting(Collection<String> ownedTeams, Collection<String> stewardedDomains,
            String exceptRequester) {
        return rows("(awaitingOwnerTeam in ?1 or awaitingStewardDomain in ?2) and requester <> ?3 "
                + "order by createdAt", ownedTeams.isEmpty() ? List.of("") : ownedTeams,
                stewardedDomains.isEmpty() ? List.of("") : stewardedDomains, exceptRequester);
    }

    /** Requests about products of these teams (for owners' overviews), newest first. */
    public List<AccessRequest> forTeams(Collection<String> teams, Set<RequestStatus> statuses) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return rows("ownerTeam in ?1 and status in ?2 order by createdAt desc", teams, statuses);
    }

    /** The product's requests in these states, oldest first: those that follow the product when it changes. */
    public List<AccessRequest> ofProduct(long productId, Set<RequestStatus> statuses) {
        return rows("productId = ?1 and status in ?2 order by createdAt", productId, statuses);
    }

    /** Requests in these states that a person made or whose access is for that person. */
    public List<AccessRequest> ofPerson(String username, Set<RequestStatus> statuses) {
        return rows("(requester = ?1 or (principalType = ?2 and principalName = ?1)) and status in ?3 "
                + "order by createdAt", username, Principal.Type.USER, statuses);
    }

    public List<AccessRequest> withStatus(Set<RequestStatus> statuses, int limit) {
        return AccessRequestRow.<AccessRequestRow>find("status in ?1 order by createdAt desc", statuses)
                .page(0, limit).list().stream().map(AccessRequestRow::toRequest).toList();
    }

    /** Active access whose end has come, locked so that one instance expires each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> dueForExpiry(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entities.createNativeQuery("""
                SELECT id FROM access_requests WHERE status = 'ACTIVE' AND expires_at <= ?1
                 ORDER BY expires_at LIMIT ?2 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
        return ids;
    }

    /** Pending requests created before the given time: candidates for a reminder. */
    public List<AccessRequest> pendingSince(Instant before) {
        return rows("status = ?1 and createdAt <= ?2", RequestStatus.PENDING, before);
    }

    /** Active access ending before the given time: candidates for a warning. */
    public List<AccessRequest> activeEndingBefore(Instant before) {
        return rows("status = ?1 and expiresAt <= ?2", RequestStatus.ACTIVE, before);
    }

    /** How many requests each product has had, most requested first. */
    public List<ProductDemand> mostRequested(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                SELECT product_slug, product_name, count(*) AS requests FROM access_requests
                 GROUP BY product_slug, product_name ORDER BY requests DESC, product_name LIMIT ?1""")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(row -> new ProductDemand((String) row[0], (String) row[1],
                ((Number) row[2]).longValue())).toList();
    }

    private Optional<UUID> openRequestFor(Principal principal, long portId) {
        @SuppressWarnings("unchecked")
        List<UUID> holders = entities.createNativeQuery("""
                SELECT request_id FROM access_open_ports
                 WHERE principal_type = ?1 AND principal_name = ?2 AND port_id = ?3""", UUID.class)
                .setParameter(1, principal.type().name()).setParameter(2, principal.name()).setParameter(3, portId)
                .getResultList();
        return holders.stream().findFirst();
    }

    private static List<AccessRequest> rows(String query, Object... parameters) {
        return AccessRequestRow.<AccessRequestRow>list(query, parameters).stream()
                .map(AccessRequestRow::toRequest).toList();
    }
}
