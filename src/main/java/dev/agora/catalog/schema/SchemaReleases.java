package dev.agora.catalog.schema;

import dev.agora.audit.ChangeJournal;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.SchemaCompatibility.Assessment;
import dev.agora.catalog.SchemaCompatibility.Difference;
import dev.agora.catalog.SemanticVersion;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a changed schema becomes a version of the product: a compatible change as the next minor version, a breaking
 * one as a new major version whose predecessor stays usable for a deprecation window. The schema watch's decisions
 * and the contract upload (a breaking change declared with a new major version) both release through here.
 */
@ApplicationScoped
public class SchemaReleases {

    /** What the catalog accepts as a changelog (ProductRules' note length). */
    private static final int MAX_CHANGELOG = 5000;

    private final CatalogService catalog;
    private final ChangeJournal journal;
    private final SchemaWatchSettings settings;
    private final Clock clock;

    SchemaReleases(CatalogService catalog, ChangeJournal journal, SchemaWatchSettings settings, Clock clock) {
        this.catalog = catalog;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
    }

    /** A compatible change: the next minor version, with the differences as its changelog. */
    @Transactional
    public ProductDetails releaseMinor(String product, Assessment assessment,
            Map<String, List<ColumnSchema>> newColumnsByPort, String actor) {
        if (assessment.isBreaking()) {
            throw Refusal.conflict("A breaking change needs a new major version: " + lines(assessment.breaking()));
        }
        SemanticVersion current = currentVersion(product, actor);
        SemanticVersion next = new SemanticVersion(current.major(), current.minor() + 1, 0, null);
        return catalog.adoptSchema(product, newColumnsByPort, next, changelog("Compatible schema change", assessment),
                null, actor);
    }

    /**
     * A breaking change as a new major version (the next one when {@code version} is null): the columns of the named
     * ports become {@code newColumnsByPort}, the changelog lists the differences, and the version it supersedes is
     * usable until the end of the deprecation window (the default when null; at most the configured maximum).
     * Consumers keep their access; the event {@code catalog.product.major-version-released} tells them the diff.
     */
    @Transactional
    public ProductDetails releaseMajor(String product, Assessment assessment,
            Map<String, List<ColumnSchema>> newColumnsByPort, SemanticVersion version, Duration deprecationWindow,
            String actor) {
        SemanticVersion current = currentVersion(product, actor);
        SemanticVersion next = version == null ? new SemanticVersion(current.major() + 1, 0, 0, null) : version;
        if (next.major() <= current.major()) {
            throw Refusal.invalid("version", "a breaking change needs a new major version, greater than "
                    + current.major() + ".x (it is " + current + ")");
        }
        Duration window = deprecationWindow == null ? Duration.ofDays(settings.defaultDeprecationDays())
                : deprecationWindow;
        if (window.isNegative() || window.compareTo(Duration.ofDays(settings.maxDeprecationDays())) > 0) {
            throw Refusal.invalid("deprecationDays", "must be between 0 and " + settings.maxDeprecationDays()
                    + " days");
        }
        Instant usableUntil = clock.instant().plus(window);
        ProductDetails released = catalog.adoptSchema(product, newColumnsByPort, next,
                changelog("Breaking schema change", assessment), usableUntil, actor);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("product", released.slug());
        details.put("name", released.name());
        details.put("ownerTeam", released.ownerTeam());
        details.put("version", released.version());
        details.put("previousVersion", current.toString());
        details.put("previousUsableUntil", usableUntil.toString());
        details.put("differences", differences(assessment));
        // a held change of the product is decided by this release, whoever asked for it (the hold, a contract upload)
        HeldSchemaChange.<HeldSchemaChange>find("productId = ?1 and status = ?2", released.id(),
                HeldSchemaChange.Status.HELD).firstResultOptional().ifPresent(change -> {
                    change.status = HeldSchemaChange.Status.RELEASED_MAJOR;
                    change.decidedBy = actor;
                    change.decidedAt = clock.instant();
                    change.releasedVersion = released.version();
                    details.put("changeId", change.id);
                });
        journal.record(actor, "catalog.product.major-version-released", "data-product", released.slug(), details);
        return released;
    }

    /** The differences as event data: [{port, column, kind, from, to, verdict, line}]. */
    static List<Map<String, Object>> differences(Assessment assessment) {
        return assessment.differences().stream().map(difference -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("port", difference.port());
            data.put("column", difference.column());
            data.put("kind", difference.kind().name());
            data.put("from", difference.from());
            data.put("to", difference.to());
            data.put("verdict", difference.verdict().name());
            data.put("line", difference.describe());
            return data;
        }).toList();
    }

    private SemanticVersion currentVersion(String product, String actor) {
        return catalog.find(product, actor).map(found -> SemanticVersion.parse("version", found.version()))
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + product + "'."));
    }

    /** The changelog: a heading and a line per difference, cut to what a changelog may hold. */
    static String changelog(String heading, Assessment assessment) {
        String text = heading + ":\n" + assessment.changelog();
        return text.length() <= MAX_CHANGELOG ? text : text.substring(0, MAX_CHANGELOG - 1) + "…";
    }

    private static String lines(List<Difference> differences) {
        return String.join("; ", differences.stream().map(Difference::describe).toList());
    }
}
