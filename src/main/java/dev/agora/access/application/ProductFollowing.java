package dev.agora.access.application;

import dev.agora.audit.ChangeJournal;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.ProductStatus;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.identity.SystemActor;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Following products: a person follows for themselves, members of a team (and administrators) for the team; a team
 * with ACTIVE access to a product follows it without asking, unless it said no (an unfollow by a member, which
 * stands until the team follows again). The automatic part is computed from the access requests, never copied,
 * so it ends when the access ends. Followers hear of new versions, schema changes and deprecation
 * ({@link ProductNotices}).
 */
@ApplicationScoped
public class ProductFollowing {

    /** Agora reading followers for its own notices. */
    static final String SYSTEM = "system:following";
    private static final Pattern TEAM_SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int MAX_TEAM_SLUG = 63;
    /** Never a username nor a team slug: stands for "nobody" in the follow queries. */
    private static final String NOBODY = "";

    public enum FollowerKind {
        PERSON,
        TEAM
    }

    /**
     * Whether one follower follows one product. {@code automatic}: only through the team's active access (no
     * follow of its own); such a follow ends with the access.
     */
    public record FollowState(String product, String follower, FollowerKind kind, boolean following,
            boolean automatic) {}

    /** The state after a follow, and whether this call started it (false: it was already so). */
    public record Change(FollowState state, boolean started) {}

    /** How the viewer follows a product: personally, and for each of their teams that may follow it. */
    public record ViewerState(String product, FollowState personally, List<FollowState> teams) {}

    /** Who hears of a product's changes: people by username, teams by slug. */
    public record Followers(Set<String> people, Set<String> teams) {}

    /** A product someone follows, and through which followers (the person, their teams). */
    public record FollowedProduct(String product, String name, ProductStatus status, List<FollowState> through) {}

    /** The path of a product's page inside Agora (the catalog's route "catalog/:slug"), for notices and links. */
    public static String productPath(String productSlug) {
        return "/catalog/" + productSlug;
    }

    private final EntityManager entities;
    private final CatalogService catalog;
    private final Directory directory;
    private final ChangeJournal journal;
    private final FollowingSettings settings;
    private final Clock clock;

    ProductFollowing(EntityManager entities, CatalogService catalog, Directory directory, ChangeJournal journal,
            FollowingSettings settings, Clock clock) {
        this.entities = entities;
        this.catalog = catalog;
        this.directory = directory;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Follows the product for the actor (team null or blank) or for one of the actor's teams. Following again
     * changes nothing ({@link Change#started()} false); two concurrent follows store one.
     */
    @Transactional
    public Change follow(String idOrSlug, String team, String actor) {
        AccountProfile profile = profile(actor);
        Follower follower = follower(profile, team);
        ProductDetails product = followable(idOrSlug, profile, follower);
        if (!followsExplicitly(product.id(), follower) && explicitFollows(follower) >= settings.maxPerFollower()) {
            throw Refusal.conflict(follower.describe() + " already follows " + settings.maxPerFollower()
                    + " products, the most Agora keeps; unfollow some first.");
        }
        int started = entities.createNativeQuery("""
                INSERT INTO product_follows (product_id, follower_kind, follower, following, created_by, created_at,
                                             changed_by, changed_at)
                VALUES (?1, ?2, ?3, TRUE, ?4, ?5, ?4, ?5)
                ON CONFLICT (product_id, follower_kind, follower) DO UPDATE
                   SET following = TRUE, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
                 WHERE NOT product_follows.following""")
                .setParameter(1, product.id()).setParameter(2, follower.kind().name())
                .setParameter(3, follower.name()).setParameter(4, actor).setParameter(5, clock.instant())
                .executeUpdate();
        if (started > 0) {
            record(actor, "started", product, follower);
        }
        return new Change(state(product, follower), started > 0);
    }

    /**
     * Stops following. A person's follow is removed; a team's "no" is kept, so that its active access does not
     * make it follow again. Unfollowing what one does not follow changes nothing.
     */
    @Transactional
    public FollowState unfollow(String idOrSlug, String team, String actor) {
        AccountProfile profile = profile(actor);
        Follower follower = follower(profile, team);
        ProductDetails product = followable(idOrSlug, profile, follower);
        boolean before = state(product, follower).following();
        if (follower.kind() == FollowerKind.PERSON) {
            entities.createNativeQuery("""
                    DELETE FROM product_follows WHERE product_id = ?1 AND follower_kind = 'PERSON' AND follower = ?2""")
                    .setParameter(1, product.id()).setParameter(2, follower.name()).executeUpdate();
        } else {
            entities.createNativeQuery("""
                    INSERT INTO product_follows (product_id, follower_kind, follower, following, created_by,
                                                 created_at, changed_by, changed_at)
                    VALUES (?1, 'TEAM', ?2, FALSE, ?3, ?4, ?3, ?4)
                    ON CONFLICT (product_id, follower_kind, follower) DO UPDATE
                       SET following = FALSE, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
                     WHERE product_follows.following""")
                    .setParameter(1, product.id()).setParameter(2, follower.name()).setParameter(3, actor)
                    .setParameter(4, clock.instant()).executeUpdate();
        }
        if (before) {
            record(actor, "stopped", product, follower);
        }
        return state(product, follower);
    }

    /** How the viewer, and each of their teams, follows the product (404 for a product they may not see). */
    @Transactional
    public ViewerState stateOf(String idOrSlug, String viewer) {
        AccountProfile profile = profile(viewer);
        ProductDetails product = catalog.find(idOrSlug, viewer).orElseThrow(() -> noSuchProduct(idOrSlug));
        FollowState personally = state(product, new Follower(FollowerKind.PERSON, viewer));
        List<FollowState> teams = teamsOf(profile).stream()
                .filter(team -> FollowPermissions.teamMayFollow(team, product.status(), product.ownerTeam()))
                .map(team -> state(product, new Follower(FollowerKind.TEAM, team)))
                .toList();
        return new ViewerState(product.slug(), personally, teams);
    }

    /** The products the viewer follows, personally or through their teams, by name; only those they may see. */
    @Transactional
    public List<FollowedProduct> followedBy(String viewer) {
        AccountProfile profile = profile(viewer);
        return followed(viewer, teamsOf(profile), profile);
    }

    /** The products a team follows, for its members and administrators (403 for others). */
    @Transactional
    public List<FollowedProduct> followedByTeam(String team, String viewer) {
        AccountProfile profile = profile(viewer);
        FollowPermissions.maySeeFollowsOf(profile, team).orRefuse();
        return followed(NOBODY, List.of(team), profile);
    }

    /** Whether the viewer may see (and change) what the team follows: for views. */
    public boolean maySeeFollowsOf(String team, String viewer) {
        return directory.profile(viewer).map(p -> FollowPermissions.maySeeFollowsOf(p, team).allowed())
                .orElse(false);
    }

    /** Who follows the product: people who follow it, teams that follow it explicitly or through active access. */
    @Transactional
    public Followers followers(String productSlug) {
        Optional<ProductDetails> product = catalog.find(productSlug, SYSTEM);
        if (product.isEmpty()) {
            return new Followers(Set.of(), Set.of());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                SELECT follower_kind, follower FROM product_follows WHERE product_id = ?1 AND following
                UNION
                SELECT 'TEAM', r.principal_name FROM access_requests r
                 WHERE r.product_id = ?1 AND r.principal_type = 'TEAM' AND r.status = 'ACTIVE'
                   AND NOT EXISTS (SELECT 1 FROM product_follows f
                                    WHERE f.product_id = r.product_id AND f.follower_kind = 'TEAM'
                                      AND f.follower = r.principal_name AND NOT f.following)
                ORDER BY 1, 2""")
                .setParameter(1, product.get().id()).getResultList();
        Set<String> people = new LinkedHashSet<>();
        Set<String> teams = new LinkedHashSet<>();
        for (Object[] row : rows) {
            (FollowerKind.valueOf((String) row[0]) == FollowerKind.PERSON ? people : teams).add((String) row[1]);
        }
        return new Followers(Set.copyOf(people), Set.copyOf(teams));
    }

    /** The members of the teams, every role. */
    Set<String> membersOf(Collection<String> teams) {
        Set<String> members = new LinkedHashSet<>();
        for (String team : teams) {
            directory.teamSummary(team).ifPresent(summary -> summary.members().values().forEach(members::addAll));
        }
        return members;
    }

    // --- internals ------------------------------------------------------------------------------------------

    private record Follower(FollowerKind kind, String name) {
        String describe() {
            return kind == FollowerKind.PERSON ? "You" : "Team '" + name + "'";
        }
    }

    private Follower follower(AccountProfile actor, String team) {
        if (team == null || team.isBlank()) {
            return new Follower(FollowerKind.PERSON, actor.username());
        }
        String slug = team.strip();
        if (slug.length() > MAX_TEAM_SLUG || !TEAM_SLUG.matcher(slug).matches()) {
            throw Refusal.invalid("team", "must be a team's slug: lower-case letters and digits in words joined by "
                    + "'-', at most " + MAX_TEAM_SLUG + " characters");
        }
        if (!directory.teamExists(slug)) {
            throw Refusal.invalid("team", "there is no team '" + slug + "'");
        }
        FollowPermissions.mayChangeFollowsOf(actor, slug).orRefuse();
        return new Follower(FollowerKind.TEAM, slug);
    }

    /** The product if the actor sees it and the follower may follow it; 404 otherwise, so drafts are not probed. */
    private ProductDetails followable(String idOrSlug, AccountProfile actor, Follower follower) {
        ProductDetails product = catalog.find(idOrSlug, actor.username())
                .orElseThrow(() -> noSuchProduct(idOrSlug));
        boolean may = follower.kind() == FollowerKind.PERSON
                ? FollowPermissions.personMayFollow(actor, product.status(), product.ownerTeam())
                : FollowPermissions.teamMayFollow(follower.name(), product.status(), product.ownerTeam());
        if (!may) {
            throw noSuchProduct(idOrSlug);
        }
        return product;
    }

    private FollowState state(ProductDetails product, Follower follower) {
        Optional<Boolean> own = ownFollow(product.id(), follower);
        if (own.isPresent() || follower.kind() == FollowerKind.PERSON) {
            return new FollowState(product.slug(), follower.name(), follower.kind(), own.orElse(false), false);
        }
        boolean active = hasActiveAccess(product.id(), follower.name());
        return new FollowState(product.slug(), follower.name(), follower.kind(), active, active);
    }

    private Optional<Boolean> ownFollow(long productId, Follower follower) {
        @SuppressWarnings("unchecked")
        List<Boolean> rows = entities.createNativeQuery("""
                SELECT following FROM product_follows WHERE product_id = ?1 AND follower_kind = ?2 AND follower = ?3""")
                .setParameter(1, productId).setParameter(2, follower.kind().name()).setParameter(3, follower.name())
                .getResultList();
        return rows.stream().findFirst();
    }

    private boolean followsExplicitly(long productId, Follower follower) {
        return ownFollow(productId, follower).orElse(false);
    }

    private long explicitFollows(Follower follower) {
        return ((Number) entities.createNativeQuery("""
                SELECT count(*) FROM product_follows WHERE follower_kind = ?1 AND follower = ?2 AND following""")
                .setParameter(1, follower.kind().name()).setParameter(2, follower.name()).getSingleResult())
                .longValue();
    }

    private boolean hasActiveAccess(long productId, String team) {
        return !entities.createNativeQuery("""
                SELECT 1 FROM access_requests WHERE product_id = ?1 AND principal_type = 'TEAM'
                   AND principal_name = ?2 AND status = 'ACTIVE' LIMIT 1""")
                .setParameter(1, productId).setParameter(2, team).getResultList().isEmpty();
    }

    private List<FollowedProduct> followed(String person, List<String> teams, AccountProfile viewer) {
        // IN () is not SQL: with no teams, look for a team nobody can be in
        List<String> teamSlugs = teams.isEmpty() ? List.of(NOBODY) : teams;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                WITH follows AS (
                    SELECT f.product_id, f.follower_kind AS kind, f.follower, FALSE AS automatic
                      FROM product_follows f
                     WHERE f.following AND (f.follower_kind = 'PERSON' AND f.follower = :person
                                            OR f.follower_kind = 'TEAM' AND f.follower IN (:teams))
                    UNION
                    SELECT DISTINCT r.product_id, 'TEAM', r.principal_name, TRUE
                      FROM access_requests r
                     WHERE r.status = 'ACTIVE' AND r.principal_type = 'TEAM' AND r.principal_name IN (:teams)
                       AND NOT EXISTS (SELECT 1 FROM product_follows f
                                        WHERE f.product_id = r.product_id AND f.follower_kind = 'TEAM'
                                          AND f.follower = r.principal_name))
                SELECT p.slug, p.name, p.status, t.slug AS owner_team, follows.kind, follows.follower,
                       follows.automatic
                  FROM follows
                  JOIN data_products p ON p.id = follows.product_id
                  JOIN teams t ON t.id = p.owner_team_id
                 ORDER BY lower(p.name), p.slug, follows.kind, follows.follower""")
                .setParameter("person", person).setParameter("teams", teamSlugs).getResultList();
        Map<String, FollowedProduct> products = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String slug = (String) row[0];
            ProductStatus status = ProductStatus.valueOf((String) row[2]);
            if (!FollowPermissions.personMayFollow(viewer, status, (String) row[3])) {
                continue; // e.g. a draft of a team the viewer has left
            }
            FollowState through = new FollowState(slug, (String) row[5], FollowerKind.valueOf((String) row[4]), true,
                    (Boolean) row[6]);
            products.computeIfAbsent(slug, s -> new FollowedProduct(s, (String) row[1], status, new ArrayList<>()))
                    .through().add(through);
        }
        return products.values().stream()
                .map(p -> new FollowedProduct(p.product(), p.name(), p.status(), List.copyOf(p.through())))
                .toList();
    }

    private static List<String> teamsOf(AccountProfile profile) {
        return profile.memberships().stream().map(AccountProfile.Membership::team).distinct().toList();
    }

    private void record(String actor, String what, ProductDetails product, Follower follower) {
        journal.record(actor, "access.follow." + what, "data-product", product.slug(),
                Map.of("product", product.slug(), "kind", follower.kind().name(), "follower", follower.name()));
    }

    private AccountProfile profile(String username) {
        if (SystemActor.is(username)) {
            return SystemActor.profile(username);
        }
        return directory.profile(username)
                .orElseThrow(() -> Refusal.forbidden("There is no account '" + username + "'."));
    }

    private static Refusal noSuchProduct(String idOrSlug) {
        return Refusal.notFound("There is no data product '" + idOrSlug + "'.");
    }
}
