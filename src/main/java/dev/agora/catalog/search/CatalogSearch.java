package dev.agora.catalog.search;

import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/** Finding data products: what a searcher may see, narrowed by text and facets, one page at a time. */
@ApplicationScoped
public class CatalogSearch {

    public static final int DEFAULT_SIZE = 20;
    public static final int SUGGESTIONS = 8;

    private final SearchIndex index;
    private final Directory directory;

    CatalogSearch(SearchIndex index, Directory directory) {
        this.index = index;
        this.directory = directory;
    }

    public SearchResult search(SearchQuery query) {
        if (query.page() < 0) {
            throw Refusal.invalid("page", "must be 0 or more");
        }
        if (query.size() < 1 || query.size() > SearchQuery.MAX_SIZE) {
            throw Refusal.invalid("size", "must be between 1 and " + SearchQuery.MAX_SIZE);
        }
        if ((long) (query.page() + 1) * query.size() > SearchQuery.MAX_WINDOW) {
            throw Refusal.invalid("page", "goes beyond the first " + SearchQuery.MAX_WINDOW
                    + " results; narrow the search instead");
        }
        return index.search(query);
    }

    public List<Suggestion> suggest(String typed, Visibility visibility) {
        return index.suggest(typed, visibility, SUGGESTIONS);
    }

    /**
     * What this person may find: drafts of their own teams, every draft for administrators. Remembered for a few
     * seconds, so that typing in the search box does not ask the database for the same teams at every letter.
     */
    public Visibility visibilityOf(String username) {
        long now = System.nanoTime();
        Remembered known = visibilities.get(username);
        if (known != null && now - known.at() < REMEMBER_NANOS) {
            return known.visibility();
        }
        AccountProfile profile = directory.profile(username)
                .orElseThrow(() -> Refusal.forbidden("There is no account '" + username + "'."));
        Visibility visibility = new Visibility(profile.isAdmin(), profile.memberships().stream()
                .map(AccountProfile.Membership::team).collect(Collectors.toSet()));
        if (visibilities.size() > 10_000) {
            visibilities.clear();
        }
        visibilities.put(username, new Remembered(visibility, now));
        return visibility;
    }

    private record Remembered(Visibility visibility, long at) {}

    private static final long REMEMBER_NANOS = java.time.Duration.ofSeconds(5).toNanos();
    private final java.util.Map<String, Remembered> visibilities = new java.util.concurrent.ConcurrentHashMap<>();
}
