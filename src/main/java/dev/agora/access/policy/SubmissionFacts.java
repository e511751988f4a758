package dev.agora.access.policy;

import dev.agora.access.Principal;
import dev.agora.catalog.ProductStatus;
import java.util.Map;
import java.util.Set;

/**
 * What the submission rules look at: the request as made, the product as it is, the requester's teams.
 *
 * @param portColumns for each requested port name: the columns it has (empty set if the port is unknown)
 * @param requestedColumns for each requested port name: the columns asked for (empty: all)
 */
public record SubmissionFacts(Principal principal, String requester, Set<String> requesterTeams,
        String justification, int durationDays, AccessPolicy policy, ProductStatus productStatus,
        Set<String> productPorts, Map<String, Set<String>> requestedColumns, Map<String, Set<String>> portColumns) {}
