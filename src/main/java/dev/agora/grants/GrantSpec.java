package dev.agora.grants;

import java.util.List;
import java.util.Set;

/**
 * A grant as an engine applies it: the resource, the columns (empty: the whole table), the grantee as the engine
 * knows it (a role name, an IAM principal ARN) and the permissions.
 */
public record GrantSpec(String resourceType, String location, List<String> columns, String grantee,
        Set<String> permissions) {

    public GrantSpec {
        columns = columns == null ? List.of() : List.copyOf(columns);
        permissions = Set.copyOf(permissions);
    }

    public boolean wholeResource() {
        return columns.isEmpty();
    }
}
