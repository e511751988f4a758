package dev.agora.grants;

import java.util.List;
import java.util.Set;

/**
 * One permission to put in place: on which resource (a port's type and location, optionally narrowed to
 * columns), for whom, and what (SELECT, DESCRIBE …); {@code ownerTeam} is the team that owns the product, to
 * which the location must still be registered when the grant is applied; {@code product} is the slug of the product
 * it serves (only to name it in the grant's events: grants know nothing else of products), null for other orders.
 */
public record GrantTarget(String resourceType, String location, List<String> columns, Grantee grantee,
        Set<String> permissions, String ownerTeam, String product) {

    public GrantTarget(String resourceType, String location, List<String> columns, Grantee grantee,
            Set<String> permissions, String ownerTeam) {
        this(resourceType, location, columns, grantee, permissions, ownerTeam, null);
    }

    public GrantTarget {
        if (ownerTeam == null || ownerTeam.isBlank()) {
            throw new IllegalArgumentException("a grant needs the owner team of the data");
        }
        columns = columns == null ? List.of() : List.copyOf(columns);
        permissions = Set.copyOf(permissions);
    }
}
