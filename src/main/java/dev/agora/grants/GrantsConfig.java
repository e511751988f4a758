package dev.agora.grants;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** How grants are applied, retried and reconciled ({@code agora.grants.*}, set through the AGORA_* variables). */
@ConfigMapping(prefix = "agora.grants")
public interface GrantsConfig {

    /** How often the worker looks for due jobs ({@code AGORA_GRANT_WORKER_INTERVAL}). */
    @WithDefault("1s")
    String workerInterval();

    /** The first pause after a passing failure; it doubles on each attempt ({@code AGORA_GRANT_BACKOFF}). */
    @WithDefault("PT2S")
    Duration backoff();

    /** The longest pause between two attempts ({@code AGORA_GRANT_BACKOFF_CAP}). */
    @WithName("backoff-cap")
    @WithDefault("PT1M")
    Duration backoffCap();

    /**
     * How long a grant job keeps trying through passing failures before it is given up
     * ({@code AGORA_GRANT_GIVE_UP_AFTER}). Revocations are never given up.
     */
    @WithName("give-up-after")
    @WithDefault("PT1H")
    Duration giveUpAfter();

    /** When a revocation still not done is shown as overdue in grant health ({@code AGORA_REVOKE_OVERDUE_AFTER}). */
    @WithName("revoke-overdue-after")
    @WithDefault("PT15M")
    Duration revokeOverdueAfter();

    /** How long a worker holds a job before another may take it over ({@code AGORA_GRANT_LEASE}). */
    @WithDefault("PT2M")
    Duration lease();

    /** People mapped to existing PostgreSQL login roles: "marco=marco_login" ({@code AGORA_PG_USER_ROLES}). */
    @WithName("postgres.user-roles")
    Optional<String> postgresUserRoles();

    /** "aws" grants glue-table ports through AWS Lake Formation; "off" does not ({@code AGORA_LAKEFORMATION}). */
    @WithDefault("off")
    String lakeformation();

    /** People granted directly in Lake Formation: "marco=arn:aws:iam::…" ({@code AGORA_LF_USER_PRINCIPALS}). */
    @WithName("lakeformation.user-principals")
    Optional<String> lakeformationUserPrincipals();

    /** Whether reconciliation revokes grants Agora never approved ({@code AGORA_REVOKE_UNKNOWN_GRANTS}). */
    @WithName("revoke-unknown")
    @WithDefault("false")
    boolean revokeUnknown();

    /** How often reconciliation runs ({@code AGORA_RECONCILE_INTERVAL}). */
    @WithName("reconcile-interval")
    @WithDefault("15m")
    String reconcileInterval();
}
