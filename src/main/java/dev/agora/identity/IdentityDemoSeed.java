package dev.agora.identity;

import dev.agora.platform.DemoLake;
import dev.agora.platform.DemoSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The demo organisation: two domains, a team in each and four people who show the four ways of using Agora.
 * Idempotent: it creates what is missing and never touches what exists (a changed password stays changed).
 */
@ApplicationScoped
public class IdentityDemoSeed {

    public static final String ACTOR = "system:demo-seed";
    public static final int STARTUP_PRIORITY = DemoLake.STARTUP_PRIORITY + 10;

    private static final Logger LOG = Logger.getLogger(IdentityDemoSeed.class);

    record DemoDomain(String slug, String name, String description) {}

    record DemoTeam(String slug, String name, String description, String domain) {}

    record DemoUser(String username, String displayName, String email, PlatformRole role) {}

    record DemoMembership(String team, String username, TeamRole role) {}

    static final List<DemoDomain> DOMAINS = List.of(
            new DemoDomain("sales", "Sales", "Orders, customers and revenue of the web shop"),
            new DemoDomain("marketing", "Marketing", "Campaigns, channels and their effect on sales"));

    static final List<DemoTeam> TEAMS = List.of(
            new DemoTeam("sales-analytics", "Sales Analytics", "Publishes the order and customer data products",
                    "sales"),
            new DemoTeam("marketing-insights", "Marketing Insights", "Measures campaigns and attributes revenue",
                    "marketing"));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Ada Admin", "admin@agora.example", PlatformRole.ADMIN),
            new DemoUser("olivia", "Olivia Owner", "olivia@agora.example", PlatformRole.USER),
            new DemoUser("marco", "Marco Consumer", "marco@agora.example", PlatformRole.USER),
            new DemoUser("stella", "Stella Steward", "stella@agora.example", PlatformRole.USER));

    static final List<DemoMembership> MEMBERSHIPS = List.of(
            new DemoMembership("sales-analytics", "olivia", TeamRole.OWNER),
            new DemoMembership("marketing-insights", "marco", TeamRole.MEMBER),
            new DemoMembership("sales-analytics", "stella", TeamRole.STEWARD));

    private final Directory directory;
    private final LocalAccounts accounts;
    /**
     * With single sign-on configured, the groups of the demo realm (docker/keycloak/agora-realm.json) mapped to the
     * demo organisation, so that the compose demo's Keycloak users arrive with their teams.
     */
    private static final List<GroupMappings.NewMapping> GROUP_MAPPINGS = List.of(
            new GroupMappings.NewMapping("agora-admins", "ADMIN", null, null),
            new GroupMappings.NewMapping("sales-owners", "OWNER", "sales-analytics", null),
            new GroupMappings.NewMapping("sales-members", "MEMBER", "sales-analytics", null),
            new GroupMappings.NewMapping("sales-stewards", "STEWARD", null, "sales"),
            new GroupMappings.NewMapping("marketing-owners", "OWNER", "marketing-insights", null),
            new GroupMappings.NewMapping("marketing-members", "MEMBER", "marketing-insights", null));

    private final DemoSettings demo;
    private final GroupMappings mappings;
    private final OidcSettings oidc;

    IdentityDemoSeed(Directory directory, LocalAccounts accounts, DemoSettings demo, GroupMappings mappings,
            OidcSettings oidc) {
        this.directory = directory;
        this.accounts = accounts;
        this.demo = demo;
        this.mappings = mappings;
        this.oidc = oidc;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent start) {
        if (demo.enabled()) {
            int created = seed();
            LOG.infof("Demo mode: %d demo records created; sign in as %s with the password from AGORA_DEMO_PASSWORD "
                    + "(default agora-demo). Set AGORA_DEMO=false for a real deployment.", created,
                    USERS.stream().map(DemoUser::username).toList());
        }
    }

    /** Creates what is missing of the demo organisation and tells how many records it created. */
    public int seed() {
        int created = 0;
        for (DemoDomain domain : DOMAINS) {
            created += count(directory.ensureDomain(domain.slug(), domain.name(), domain.description(), ACTOR));
        }
        for (DemoTeam team : TEAMS) {
            created += count(directory.ensureTeam(team.slug(), team.name(), team.description(), team.domain(), ACTOR));
        }
        for (DemoUser user : USERS) {
            if (!accounts.exists(user.username())) {
                accounts.openDemoAccount(new LocalAccounts.NewAccount(user.username(), user.displayName(),
                        user.email(), demo.password(), user.role()), ACTOR);
                created++;
            }
        }
        for (DemoMembership membership : MEMBERSHIPS) {
            created += count(directory.ensureMembership(membership.team(), membership.username(), membership.role(),
                    ACTOR));
        }
        if (oidc.enabled() && mappings.list(java.util.Optional.empty()).isEmpty()) {
            // only into an empty table: mappings an admin deleted or changed are not brought back at restart
            for (GroupMappings.NewMapping mapping : GROUP_MAPPINGS) {
                created += count(mappings.put(mapping, ACTOR).created());
            }
        }
        return created;
    }

    private static int count(boolean created) {
        return created ? 1 : 0;
    }
}
