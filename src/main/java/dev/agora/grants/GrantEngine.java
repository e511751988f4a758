package dev.agora.grants;

import java.util.Collection;
import java.util.List;

/**
 * Where permissions are really granted: PostgreSQL roles on the embedded default, AWS Lake Formation in the
 * cloud. Operations are idempotent and say what happened rather than throwing.
 */
public interface GrantEngine {

    /** "postgres", "lakeformation". */
    String name();

    /** Whether this engine grants on resources of this type ("postgres-table", "glue-table" …). */
    boolean handles(String resourceType);

    /** The grantee as this engine knows it, or why there is none (a team without an IAM principal …). */
    GranteeResolution resolve(Grantee grantee);

    GrantOutcome grant(GrantSpec spec);

    GrantOutcome revoke(GrantSpec spec);

    /**
     * What is actually granted on these resources to grantees Agora manages, read from the engine itself: the
     * ground truth reconciliation compares with what Agora approved.
     */
    List<ActualGrant> actual(Collection<String> locations);

    /** The grantee as the engine names it, or the reason it cannot be named. */
    record GranteeResolution(String grantee, String problem) {

        public static GranteeResolution of(String grantee) {
            return new GranteeResolution(grantee, null);
        }

        public static GranteeResolution impossible(String problem) {
            return new GranteeResolution(null, problem);
        }

        public boolean resolved() {
            return grantee != null;
        }
    }
}
