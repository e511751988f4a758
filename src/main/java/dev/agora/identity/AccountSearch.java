package dev.agora.identity;

import dev.agora.platform.Refusal;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finding accounts for the console and the admin API: a search by name, display name or e-mail, paged in the
 * database (the console's grid asks for one page at a time), and one account in full. Administrators only.
 */
@ApplicationScoped
public class AccountSearch {

    /** Longer search text finds nothing a shorter one would not, and only costs the database. */
    public static final int MAX_QUERY = 200;
    public static final int MAX_PAGE_SIZE = 200;

    /** An account as an administrator opens it. */
    public record AccountDetails(String username, String displayName, String email, PlatformRole platformRole,
            MembershipSource platformRoleSource, Status status, AccountKind kind, List<String> signsInWith,
            String ssoIssuer, String ssoSubject, Instant createdAt, Instant lastSignInAt,
            List<AccountProfile.Membership> memberships, List<String> stewardOf, long liveApiTokens) {}

    /** Whether the account may sign in. */
    public enum Status { ACTIVE, DEACTIVATED }

    private final Directory directory;
    private final Clock clock;

    AccountSearch(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The accounts matching the search text (all when blank), by username, from {@code offset}. */
    @ActivateRequestContext
    public List<Directory.UserSummary> find(String actor, String query, long offset, int limit) {
        Administrators.require(actor);
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw Refusal.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (offset < 0 || offset > Integer.MAX_VALUE - limit) {
            throw Refusal.invalid("page", "is beyond the last account");
        }
        Matching matching = Matching.of(query);
        List<User> users = User.<User>find(matching.where() + " order by username", matching.parameters())
                .range((int) offset, (int) offset + limit - 1)
                .list();
        if (users.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> teamsByUser = TeamMembership.<TeamMembership>find(
                        "select m from TeamMembership m join fetch m.team where m.user in ?1 order by m.team.slug",
                        users).list()
                .stream()
                .collect(Collectors.groupingBy(m -> m.user().id(), LinkedHashMap::new,
                        Collectors.mapping(m -> m.team().slug() + " (" + m.role()
                                        + (m.source() == MembershipSource.PROVIDER ? ", from provider" : "") + ")",
                                Collectors.toList())));
        return users.stream()
                .map(u -> new Directory.UserSummary(u.username(), u.displayName(), u.email(), u.platformRole(),
                        u.enabled(), u.hasLocalPassword(), teamsByUser.getOrDefault(u.id(), List.of()), u.kind(),
                        Directory.signsInWith(u), u.ssoIssuer().orElse(null), u.ssoSubject().orElse(null)))
                .toList();
    }

    /** How many accounts match the search text. */
    @ActivateRequestContext
    public long count(String actor, String query) {
        Administrators.require(actor);
        Matching matching = Matching.of(query);
        return User.count(matching.where(), matching.parameters());
    }

    /** One account in full. */
    @ActivateRequestContext
    public AccountDetails details(String actor, String username) {
        Administrators.require(actor);
        return detailsOf(User.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> Refusal.notFound("There is no account named '" + username + "'.")));
    }

    AccountDetails detailsOf(User user) {
        AccountProfile profile = directory.profile(user.username()).orElseThrow();
        long tokens = PersonalToken.count("user = ?1 and revokedAt is null and expiresAt > ?2", user,
                clock.instant());
        return new AccountDetails(user.username(), user.displayName(), user.email(), user.platformRole(),
                user.platformRoleSource(), user.enabled() ? Status.ACTIVE : Status.DEACTIVATED, user.kind(),
                Directory.signsInWith(user), user.ssoIssuer().orElse(null), user.ssoSubject().orElse(null),
                user.createdAt(), user.lastSignInAt().orElse(null), profile.memberships(), profile.stewardOf(),
                tokens);
    }

    /** The search text as a case-insensitive containment test on username, display name and e-mail. */
    private record Matching(String where, Parameters parameters) {

        static Matching of(String query) {
            String text = query == null ? "" : query.strip();
            if (text.length() > MAX_QUERY) {
                throw Refusal.invalid("q", "must be at most " + MAX_QUERY + " characters");
            }
            if (text.chars().anyMatch(Character::isISOControl)) {
                throw Refusal.invalid("q", "must be a single line without control characters");
            }
            if (text.isEmpty()) {
                return new Matching("1 = 1", new Parameters());
            }
            // the text is matched literally: % and _ are what a person typed, not wildcards
            String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            return new Matching("(lower(username) like :text escape '\\' or lower(displayName) like :text escape '\\'"
                    + " or lower(coalesce(email, '')) like :text escape '\\')", Parameters.with("text", pattern));
        }
    }
}
