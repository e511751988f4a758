package dev.agora.grants;

import java.util.List;
import java.util.Set;

/**
 * One permission to put in place: on which resource (a port's type and location, optionally narrowed to
 * columns), for whom, and what (SELECT, DESCRIBE …).
 */
public record GrantTarget(String resourceType, String location, List<String> columns, Grantee grantee,
        Set<String> permissions) {

    public GrantTarget {
        columns = columns == null ? List.of() : List.copyOf(columns);
        permissions = Set.copyOf(permissions);
    }
}
