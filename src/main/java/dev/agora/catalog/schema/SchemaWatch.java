package dev.agora.catalog.schema;

import dev.agora.catalog.ProductConsumers;

import dev.agora.audit.ChangeJournal;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.DataProduct;
import dev.agora.catalog.OutputPort;
import dev.agora.catalog.PortLocation;
import dev.agora.catalog.PortType;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.ProductPermissions;
import dev.agora.catalog.ProductStatus;
import dev.agora.catalog.SchemaCompatibility;
import dev.agora.catalog.SchemaCompatibility.Assessment;
import dev.agora.catalog.SchemaCompatibility.Difference;
import dev.agora.catalog.harvest.SchemaHarvester;
import dev.agora.catalog.harvest.SchemaHarvesters;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.identity.SystemActor;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Compares the schema a published product promises with what its data has now, and decides: a compatible change
 * becomes the next minor version; a breaking one becomes a new major version when nobody consumes the product, and
 * is otherwise held until an owner publishes a major version or restores the old schema. Triggered by the lake's DDL
 * (see postgres/LakeDdlWatch), by a sweep on a schedule (Glue), and on demand.
 */
@ApplicationScoped
public class SchemaWatch {

    /** Who acts when the watch notices a change by itself. */
    public static final String ACTOR = "system:schema-watch";

    private static final Logger LOG = Logger.getLogger(SchemaWatch.class);

    private final SchemaHarvesters harvesters;
    private final SchemaReleases releases;
    private final ProductConsumers consumers;
    private final CatalogService catalog;
    private final ChangeJournal journal;
    private final Directory directory;
    private final SchemaWatchSettings settings;
    private final Clock clock;

    SchemaWatch(SchemaHarvesters harvesters, SchemaReleases releases, ProductConsumers consumers,
            CatalogService catalog, ChangeJournal journal, Directory directory, SchemaWatchSettings settings,
            Clock clock) {
        this.harvesters = harvesters;
        this.releases = releases;
        this.consumers = consumers;
        this.catalog = catalog;
        this.journal = journal;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    // --- what to check --------------------------------------------------------------------------------------

    /** The published products with a postgres-table port on this table of the lake. */
    @Transactional
    public List<Long> productsOnTable(String schema, String table) {
        PortLocation.TableName changed = new PortLocation.TableName(schema, table);
        return OutputPort.<OutputPort>find("type = ?1 and product.status = ?2", PortType.POSTGRES_TABLE,
                        ProductStatus.PUBLISHED).stream()
                .filter(port -> sameTable(port.location(), changed))
                .map(port -> port.product().id()).distinct().toList();
    }

    /** The published products with a port of one of these types whose schema Agora can read. */
    @Transactional
    public List<Long> productsWithPortsOf(List<PortType> types) {
        List<PortType> readable = types.stream().filter(harvesters::canHarvest).toList();
        if (readable.isEmpty()) {
            return List.of();
        }
        return OutputPort.<OutputPort>find("type in ?1 and product.status = ?2", readable, ProductStatus.PUBLISHED)
                .stream().map(port -> port.product().id()).distinct().toList();
    }

    private static boolean sameTable(String location, PortLocation.TableName changed) {
        try {
            PortLocation.TableName table = PortLocation.postgresTable(location);
            return table.schema().equals(changed.schema()) && table.table().equals(changed.table());
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    // --- checking -------------------------------------------------------------------------------------------

    /** "Check now": owners and administrators compare the product's schema with its data at once. */
    @Transactional
    public SchemaCheck checkNow(String idOrSlug, String actor) {
        DataProduct product = decidable(idOrSlug, actor);
        return check(product.id(), actor);
    }

    /** Compares the product's schema with its data and acts on what differs. */
    @Transactional
    public SchemaCheck check(long productId, String actor) {
        DataProduct product = DataProduct.findById(productId);
        if (product == null || product.status() != ProductStatus.PUBLISHED) {
            return new SchemaCheck.NotChecked("only published products are watched (a draft is revised freely, a "
                    + "deprecated product gets no new versions)");
        }
        Snapshot now = snapshot(product);
        Assessment assessment = now.assessment();
        Optional<HeldSchemaChange> open = openHold(product.id());
        if (open.isPresent()) {
            HeldSchemaChange change = open.get();
            if (assessment.isEmpty() && now.unreadable().isEmpty()) {
                closeAsRestored(change, product, actor);
                return new SchemaCheck.Restored(change.id);
            }
            if (!assessment.isEmpty()) {
                // the table changed again meanwhile: the hold shows what differs now
                fill(change, assessment, now.lake(), consumers.of(product.id()));
            }
            return new SchemaCheck.Held(change.id, lines(assessment));
        }
        if (!now.unreadable().isEmpty() && assessment.isEmpty()) {
            return new SchemaCheck.NotChecked(String.join("; ", now.unreadable()));
        }
        if (assessment.isEmpty()) {
            return new SchemaCheck.Unchanged();
        }
        if (!assessment.isBreaking()) {
            ProductDetails released = releases.releaseMinor(product.slug(), assessment, now.lake(), actor);
            LOG.infof("%s: compatible schema change released as %s", product.slug(), released.version());
            return new SchemaCheck.Released(released.version(), false, lines(assessment));
        }
        List<ProductConsumers.Consumer> active = consumers.of(product.id());
        if (active.isEmpty() && !now.missing().isEmpty()) {
            // a product whose table is gone gets no version without columns: that is its owners' business
            return new SchemaCheck.NotChecked("the table behind " + String.join(", ", now.missing()) + " is gone");
        }
        if (active.isEmpty()) {
            ProductDetails released = releases.releaseMajor(product.slug(), assessment, now.lake(), null, null, actor);
            LOG.infof("%s: breaking schema change released as %s (no active consumers)", product.slug(),
                    released.version());
            return new SchemaCheck.Released(released.version(), true, lines(assessment));
        }
        HeldSchemaChange change = hold(product, assessment, now.lake(), active, actor);
        LOG.infof("%s: breaking schema change held for %d consumers", product.slug(), active.size());
        return new SchemaCheck.Held(change.id, lines(assessment));
    }

    // --- decisions ------------------------------------------------------------------------------------------

    /**
     * An owner publishes the held change as a new major version: the data as it is now (it may have changed again
     * since the hold), the previous version usable for {@code deprecationDays} (the default when null). When the data
     * is back to the schema meanwhile, the hold closes as restored instead.
     */
    @Transactional
    public HeldChangeView releaseMajor(String idOrSlug, long changeId, Integer deprecationDays, String actor) {
        DataProduct product = decidable(idOrSlug, actor);
        HeldSchemaChange change = heldChange(product, changeId);
        if (deprecationDays != null && (deprecationDays < 0 || deprecationDays > settings.maxDeprecationDays())) {
            throw Refusal.invalid("deprecationDays", "must be between 0 and " + settings.maxDeprecationDays());
        }
        Snapshot now = readable(snapshot(product));
        Assessment assessment = now.assessment();
        if (assessment.isEmpty()) {
            closeAsRestored(change, product, actor);
            return HeldChangeView.of(change, product.slug());
        }
        if (!now.missing().isEmpty()) {
            throw Refusal.conflict("The table behind " + String.join(", ", now.missing()) + " is gone: a version "
                    + "without its columns helps no consumer. Restore the table, or deprecate the product.");
        }
        ProductDetails released = releases.releaseMajor(product.slug(), assessment, now.lake(), null,
                deprecationDays == null ? null : Duration.ofDays(deprecationDays), actor);
        change.status = HeldSchemaChange.Status.RELEASED_MAJOR;
        change.decidedBy = actor;
        change.decidedAt = clock.instant();
        change.releasedVersion = released.version();
        return HeldChangeView.of(change, product.slug());
    }

    /** An owner says the data is back to the schema: true only if it is (otherwise refused with what differs). */
    @Transactional
    public HeldChangeView restore(String idOrSlug, long changeId, String actor) {
        DataProduct product = decidable(idOrSlug, actor);
        HeldSchemaChange change = heldChange(product, changeId);
        Snapshot now = readable(snapshot(product));
        Assessment assessment = now.assessment();
        if (!assessment.isEmpty()) {
            String still = String.join("; ", lines(assessment));
            throw Refusal.conflict("The data of '" + product.slug() + "' still differs from its schema: " + still
                    + ".", Map.of("differences", still));
        }
        closeAsRestored(change, product, actor);
        return HeldChangeView.of(change, product.slug());
    }

    // --- queries --------------------------------------------------------------------------------------------

    /** The product's held change, if there is one and the viewer is one it concerns (owners, consumers, admins). */
    @Transactional
    public Optional<HeldChangeView> pending(String idOrSlug, String viewer) {
        return changes(idOrSlug, viewer).stream().filter(HeldChangeView::isHeld).findFirst();
    }

    /** The product's held and decided changes, newest first, for the owners, the consumers and administrators. */
    @Transactional
    public List<HeldChangeView> changes(String idOrSlug, String viewer) {
        Optional<ProductDetails> product = catalog.find(idOrSlug, viewer);
        if (product.isEmpty()) {
            throw Refusal.notFound("There is no data product '" + idOrSlug + "'.");
        }
        List<HeldSchemaChange> changes = HeldSchemaChange.<HeldSchemaChange>find(
                "productId = ?1 order by detectedAt desc, id desc", product.get().id()).list();
        if (changes.isEmpty() || !maySee(product.get(), viewer)) {
            return List.of();
        }
        return changes.stream().map(change -> HeldChangeView.of(change, product.get().slug())).toList();
    }

    /** Whether the viewer may decide about the product's held changes. */
    public boolean mayDecide(ProductDetails product, String viewer) {
        return ProductPermissions.mayDecideSchemaChange(profile(viewer), product.ownerTeam(), product.slug())
                .allowed();
    }

    private boolean maySee(ProductDetails product, String viewer) {
        AccountProfile profile = profile(viewer);
        boolean consumer = consumers.of(product.id()).stream().anyMatch(c -> c.isTeam()
                ? profile.belongsTo(c.name()) : c.name().equals(profile.username()));
        return ProductPermissions.maySeeHeldSchemaChange(profile, product.ownerTeam(), consumer).allowed();
    }

    // --- internals ------------------------------------------------------------------------------------------

    /** What the product promises (by port) and what its data has now, for the ports whose data could be read. */
    private record Snapshot(Map<String, List<ColumnSchema>> contract, Map<String, List<ColumnSchema>> lake,
            List<String> unreadable, List<String> missing) {

        Assessment assessment() {
            return SchemaCompatibility.assess(contract, lake);
        }
    }

    private Snapshot snapshot(DataProduct product) {
        Map<String, List<ColumnSchema>> contract = new LinkedHashMap<>();
        Map<String, List<ColumnSchema>> lake = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (OutputPort port : product.ports()) {
            if (!harvesters.canHarvest(port.type())) {
                continue;
            }
            SchemaHarvester.Outcome outcome = harvesters.harvest(port.type(), port.location());
            if (outcome instanceof SchemaHarvester.Outcome.Found found) {
                contract.put(port.name(), port.columns());
                lake.put(port.name(), overlay(port.columns(), found.columns()));
            } else if (outcome instanceof SchemaHarvester.Outcome.NotFound) {
                // the table is gone: every column its consumers read is removed
                contract.put(port.name(), port.columns());
                lake.put(port.name(), List.of());
                missing.add(port.name() + " (" + port.location() + ")");
            } else if (outcome instanceof SchemaHarvester.Outcome.Unavailable unavailable) {
                unreadable.add(port.name() + ": " + unavailable.reason());
            }
        }
        return new Snapshot(contract, lake, List.copyOf(unreadable), List.copyOf(missing));
    }

    private static Snapshot readable(Snapshot snapshot) {
        if (!snapshot.unreadable().isEmpty()) {
            throw Refusal.conflict("Agora cannot read the data to compare it now: "
                    + String.join("; ", snapshot.unreadable()) + ". Try again later.");
        }
        return snapshot;
    }

    /**
     * The lake's columns with what the producer said of them kept: the lake tells names, types, nullability and the
     * key; descriptions and PII flags are the producer's (the lake's comment fills only a blank description, and a
     * new column gets the harvester's PII guess).
     */
    static List<ColumnSchema> overlay(List<ColumnSchema> promised, List<ColumnSchema> found) {
        Map<String, ColumnSchema> byName = promised.stream()
                .collect(Collectors.toMap(ColumnSchema::name, c -> c, (a, b) -> a, LinkedHashMap::new));
        return found.stream().map(column -> {
            ColumnSchema known = byName.get(column.name());
            if (known == null) {
                return column;
            }
            String description = known.isDescribed() ? known.description() : column.description();
            return new ColumnSchema(column.name(), column.type(), description, known.pii(), column.nullable(),
                    column.primaryKey());
        }).toList();
    }

    private static Optional<HeldSchemaChange> openHold(long productId) {
        return HeldSchemaChange.<HeldSchemaChange>find("productId = ?1 and status = ?2", productId,
                HeldSchemaChange.Status.HELD).firstResultOptional();
    }

    private HeldSchemaChange heldChange(DataProduct product, long changeId) {
        HeldSchemaChange change = HeldSchemaChange.<HeldSchemaChange>findByIdOptional(changeId)
                .filter(found -> found.productId == product.id())
                .orElseThrow(() -> Refusal.notFound("There is no schema change " + changeId + " of '"
                        + product.slug() + "'."));
        if (change.status != HeldSchemaChange.Status.HELD) {
            throw Refusal.conflict("Schema change " + changeId + " of '" + product.slug() + "' was decided already ("
                    + change.status + " by " + change.decidedBy + ").");
        }
        return change;
    }

    private HeldSchemaChange hold(DataProduct product, Assessment assessment, Map<String, List<ColumnSchema>> lake,
            List<ProductConsumers.Consumer> active, String actor) {
        HeldSchemaChange change = new HeldSchemaChange();
        change.productId = product.id();
        change.detectedAt = clock.instant();
        change.status = HeldSchemaChange.Status.HELD;
        fill(change, assessment, lake, active);
        change.persistAndFlush();
        Map<String, Object> details = event(product, change);
        details.put("differences", SchemaReleases.differences(assessment));
        details.put("consumers", active.stream().map(c -> Map.of("type", c.type(), "name", c.name())).toList());
        journal.record(actor, "catalog.product.breaking-change-held", "data-product", product.slug(), details);
        return change;
    }

    private static void fill(HeldSchemaChange change, Assessment assessment, Map<String, List<ColumnSchema>> lake,
            List<ProductConsumers.Consumer> active) {
        change.ports = assessment.differences().stream().map(Difference::port).distinct()
                .collect(Collectors.joining(", "));
        change.assessment = assessment.differences().stream().map(d -> new HeldSchemaChange.StoredDifference(
                d.port(), d.column(), d.kind().name(), d.from(), d.to(), d.verdict().name(), d.reason(),
                d.describe())).toList();
        Map<String, List<HeldSchemaChange.StoredColumn>> columns = new LinkedHashMap<>();
        lake.forEach((port, list) -> columns.put(port, list.stream().map(c -> new HeldSchemaChange.StoredColumn(
                c.name(), c.type(), c.description(), c.pii(), c.nullable(), c.primaryKey())).toList()));
        change.columnsAfter = columns;
        change.consumers = List.copyOf(active);
    }

    private void closeAsRestored(HeldSchemaChange change, DataProduct product, String actor) {
        change.status = HeldSchemaChange.Status.RESTORED;
        change.decidedBy = actor;
        change.decidedAt = clock.instant();
        journal.record(actor, "catalog.product.schema-restored", "data-product", product.slug(),
                event(product, change));
    }

    private static Map<String, Object> event(DataProduct product, HeldSchemaChange change) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("product", product.slug());
        details.put("name", product.name());
        details.put("ownerTeam", product.ownerTeam().slug());
        details.put("version", product.version().toString());
        details.put("changeId", change.id);
        details.put("ports", change.ports);
        return details;
    }

    private DataProduct decidable(String idOrSlug, String actor) {
        ProductDetails details = catalog.find(idOrSlug, actor)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + idOrSlug + "'."));
        ProductPermissions.mayDecideSchemaChange(profile(actor), details.ownerTeam(), details.slug()).orRefuse();
        return DataProduct.findById(details.id());
    }

    private AccountProfile profile(String username) {
        if (SystemActor.is(username)) {
            return SystemActor.profile(username);
        }
        return directory.profile(username)
                .orElseThrow(() -> Refusal.forbidden("There is no account '" + username + "'."));
    }

    private static List<String> lines(Assessment assessment) {
        return assessment.differences().stream().map(Difference::describe).toList();
    }
}
