package dev.agora.grants;

import java.time.Instant;
import java.util.List;

/** A grant as the API and the UI show it: which engine, to whom, on what, and how it stands. */
public record GrantView(String engine, String grantee, String resource, List<String> columns,
        List<String> permissions, GrantStatus status, String lastError, Instant appliedAt) {

    static GrantView of(GrantRecord grant) {
        return new GrantView(grant.engine(), grant.grantee(), grant.resourceType() + ":" + grant.location(),
                grant.columns(), grant.permissions(), grant.status(), grant.lastError(), grant.appliedAt());
    }
}
