package dev.agora.catalog;

import dev.agora.audit.ChangeJournal;
import dev.agora.catalog.harvest.SchemaHarvester;
import dev.agora.catalog.harvest.SchemaHarvesters;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.DataLocations;
import dev.agora.identity.Directory;
import dev.agora.identity.Domain;
import dev.agora.identity.Slug;
import dev.agora.identity.SystemActor;
import dev.agora.identity.Team;
import dev.agora.identity.TeamRole;
import dev.agora.platform.Decision;
import dev.agora.platform.Refusal;
import dev.agora.platform.Refusal.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's use cases: producers create, revise, publish, version and deprecate data products; everyone
 * reads what they may see. Only members of the owner team (and administrators) change a product.
 */
@ApplicationScoped
public class CatalogService {

    private final Directory directory;
    private final DataLocations locations;
    private final SchemaHarvesters harvesters;
    private final ChangeJournal journal;
    private final Event<CatalogChanged> changed;
    private final Event<ProductRoutingChanged> routingChanged;
    private final ClassificationHistory history;
    private final Clock clock;
    private final ProductConsumers consumers;

    CatalogService(Directory directory, DataLocations locations, SchemaHarvesters harvesters, ChangeJournal journal,
            Event<CatalogChanged> changed, Event<ProductRoutingChanged> routingChanged, ClassificationHistory history,
            Clock clock, ProductConsumers consumers) {
        this.consumers = consumers;
        this.directory = directory;
        this.locations = locations;
        this.harvesters = harvesters;
        this.journal = journal;
        this.changed = changed;
        this.routingChanged = routingChanged;
        this.history = history;
        this.clock = clock;
    }

    /** Creates the product as a draft that only its owner team sees until it is published. */
    @Transactional
    public ProductDetails create(ProductDraft draft, String actor) {
        Checked checked = check(draft, actor);
        refuseArchivedHome(checked.domain(), checked.team(), null);
        refuseSecondProductOfTheSameName(checked);
        SemanticVersion version = draft.version() == null || draft.version().isBlank()
                ? new SemanticVersion(0, 1, 0, null) : SemanticVersion.parse("version", draft.version());
        String slug = slugFor(draft);
        DataProduct product = DataProduct.draft(slug, checked.content(), checked.domain(), checked.team(), version,
                actor, clock.instant());
        product.persist();
        recordChange(actor, "created", product);
        history.record(product.id(), product.classification(), actor, clock.instant());
        return details(product);
    }

    /**
     * Replaces what the producer describes. {@code expectedRowVersion}, when given, must be the version the
     * producer read: someone else's change in between is refused instead of overwritten.
     */
    @Transactional
    public ProductDetails revise(String idOrSlug, ProductDraft draft, Long expectedRowVersion, String actor) {
        DataProduct product = changeable(idOrSlug, actor);
        if (expectedRowVersion != null && expectedRowVersion != product.rowVersion()) {
            throw Refusal.preconditionFailed("'" + product.slug() + "' was changed by someone else since you read "
                    + "it (If-Match " + expectedRowVersion + ", now " + product.rowVersion() + "); reload it and apply "
                    + "your change again.");
        }
        if (draft.version() != null && !draft.version().isBlank()
                && !SemanticVersion.parse("version", draft.version()).equals(product.version())) {
            throw Refusal.invalid("version", "changes with POST /api/v1/products/" + product.slug()
                    + "/versions, with a changelog; it is " + product.version());
        }
        if (draft.slug() != null && !draft.slug().isBlank() && !draft.slug().equals(product.slug())) {
            throw Refusal.invalid("slug", "cannot change: consumers and access requests refer to it");
        }
        Checked checked = check(draft, actor);
        refuseArchivedHome(checked.domain(), checked.team(), product);
        Routing before = routing(product);
        Map<String, List<ColumnSchema>> columnsBefore = SchemaChange.columnsOf(product.ports());
        SemanticVersion current = product.version();
        product.revise(classified(product, checked.content(), actor), checked.domain(), checked.team(),
                clock.instant());
        refuseUnannouncedBreakingChange(product, columnsBefore, current, null);
        recordChange(actor, "revised", product);
        recordSchemaChange(actor, product, columnsBefore);
        follow(product, before, actor);
        return details(product);
    }

    @Transactional
    public ProductDetails publish(String idOrSlug, String actor) {
        DataProduct product = changeable(idOrSlug, actor);
        // the data may have been unregistered since the draft was saved
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < product.ports().size(); i++) {
            OutputPort port = product.ports().get(i);
            String field = "outputPorts[" + i + "].location";
            locations.portProblem(port.type().wireName(), port.location(), product.ownerTeam().slug())
                    .ifPresent(problem -> problems.add(new FieldProblem(field, problem)));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(summary(problems), problems);
        }
        if (product.status() == ProductStatus.DRAFT) {
            // a draft made before the archiving would otherwise appear as a new product of the archived domain
            refuseArchivedHome(product.domain(), product.ownerTeam(), null);
        }
        product.publish(clock.instant());
        recordChange(actor, "published", product);
        return details(product);
    }

    /** Records a new version with its changelog; the draft, when given, replaces the content at the same time. */
    @Transactional
    public ProductDetails addVersion(String idOrSlug, String version, String changelog, ProductDraft draft,
            String actor) {
        refuseLongNote("changelog", changelog);
        DataProduct product = changeable(idOrSlug, actor);
        SemanticVersion next = SemanticVersion.parse("version", version);
        Routing before = routing(product);
        Map<String, List<ColumnSchema>> columnsBefore = SchemaChange.columnsOf(product.ports());
        SemanticVersion current = product.version();
        if (draft != null) {
            Checked checked = check(draft, actor);
            refuseArchivedHome(checked.domain(), checked.team(), product);
            product.revise(classified(product, checked.content(), actor), checked.domain(), checked.team(),
                    clock.instant());
            refuseUnannouncedBreakingChange(product, columnsBefore, current, next);
        }
        product.addVersion(next, changelog, actor, clock.instant());
        recordChange(actor, "version-added", product);
        recordSchemaChange(actor, product, columnsBefore);
        follow(product, before, actor);
        return details(product);
    }

    /**
     * Takes over the columns a port's data has now as a new version (the schema watch, a contract release): the
     * other ports and everything the producer describes stay as they are. A major release gives the version it
     * supersedes a deprecation window ({@code previousUsableUntil}); a minor one passes null.
     */
    @Transactional
    public ProductDetails adoptSchema(String idOrSlug, Map<String, List<ColumnSchema>> columnsByPort,
            SemanticVersion version, String changelog, Instant previousUsableUntil, String actor) {
        refuseLongNote("changelog", changelog);
        DataProduct product = changeable(idOrSlug, actor);
        Map<String, List<ColumnSchema>> columnsBefore = SchemaChange.columnsOf(product.ports());
        product.adoptSchema(columnsByPort, version, changelog, previousUsableUntil, actor, clock.instant());
        recordChange(actor, "version-added", product);
        recordSchemaChange(actor, product, columnsBefore);
        return details(product);
    }

    @Transactional
    public ProductDetails deprecate(String idOrSlug, String reason, String actor) {
        refuseLongNote("reason", reason);
        DataProduct product = changeable(idOrSlug, actor);
        product.deprecate(reason, clock.instant());
        recordChange(actor, "deprecated", product);
        return details(product);
    }

    /** The product, if it exists and the viewer may see it (drafts: the owner team and administrators). */
    @Transactional
    public Optional<ProductDetails> find(String idOrSlug, String viewer) {
        AccountProfile profile = profile(viewer);
        return lookUp(idOrSlug).filter(product -> visibleTo(product, profile)).map(this::details);
    }

    /** The product, if it exists and the team as a whole may see it ({@link ProductPermissions#teamMaySee}). */
    @Transactional
    public Optional<ProductSummary> findForTeam(String slug, String team) {
        return DataProduct.<DataProduct>find("slug", slug).firstResultOptional()
                .filter(product -> ProductPermissions.teamMaySee(team, product.status(), product.ownerTeam().slug())
                        .allowed())
                .map(ProductSummary::of);
    }

    /** The products a team may see, by name, at most {@code limit}: for choosing among them. */
    @Transactional
    public List<ProductSummary> visibleToTeam(String team, int limit) {
        return DataProduct.<DataProduct>find("(status <> ?1 or ownerTeam.slug = ?2) order by name, id",
                ProductStatus.DRAFT, team).page(0, limit).list().stream().map(ProductSummary::of).toList();
    }

    /** Whether the viewer may change the product: members of its owner team and administrators. */
    public boolean mayChange(ProductDetails product, String viewer) {
        return ProductPermissions.mayChange(profile(viewer), product.ownerTeam(), product.slug()).allowed();
    }

    /** Whether the viewer may agree to the product's proposed lower classification. */
    public Decision mayDecideClassificationProposal(ProductDetails product, String viewer) {
        return ProductPermissions.mayDecideClassificationProposal(profile(viewer), product.ownerTeam(),
                product.domain());
    }

    /** Whether the viewer may turn down (or, as an owner, withdraw) the product's proposed classification. */
    public Decision mayWithdrawClassificationProposal(ProductDetails product, String viewer) {
        return ProductPermissions.mayWithdrawClassificationProposal(profile(viewer), product.ownerTeam(),
                product.domain());
    }

    // --- classification ---------------------------------------------------------------------------------------

    /** A steward of the domain (or an administrator) agrees: the proposed lower classification applies. */
    @Transactional
    public ProductDetails agreeToClassificationProposal(String idOrSlug, String actor) {
        AccountProfile profile = profile(actor);
        DataProduct product = visible(idOrSlug, profile);
        ClassificationProposal proposal = product.classificationProposal().orElseThrow(() -> Refusal.conflict(
                "No lower classification of '" + product.slug() + "' waits for a decision."));
        ProductPermissions.mayDecideClassificationProposal(profile, product.ownerTeam().slug(),
                product.domain().slug()).orRefuse();
        Routing before = routing(product);
        Classification was = product.classification();
        product.applyProposedClassification(clock.instant());
        journal.record(actor, "catalog.product.classification-proposal-approved", "data-product", product.slug(),
                Map.of("product", product.slug(), "from", was.name(), "to", proposal.classification().name(),
                        "proposedBy", proposal.proposedBy()));
        recordChange(actor, "revised", product);
        follow(product, before, actor);
        return details(product);
    }

    /** A steward or an administrator turns the proposal down, or an owner of the team withdraws it. */
    @Transactional
    public ProductDetails rejectClassificationProposal(String idOrSlug, String reason, String actor) {
        AccountProfile profile = profile(actor);
        DataProduct product = visible(idOrSlug, profile);
        ClassificationProposal proposal = product.classificationProposal().orElseThrow(() -> Refusal.conflict(
                "No lower classification of '" + product.slug() + "' waits for a decision."));
        ProductPermissions.mayWithdrawClassificationProposal(profile, product.ownerTeam().slug(),
                product.domain().slug()).orRefuse();
        product.dropClassificationProposal();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("product", product.slug());
        details.put("classification", product.classification().name());
        details.put("proposed", proposal.classification().name());
        details.put("proposedBy", proposal.proposedBy());
        if (reason != null && !reason.isBlank()) {
            details.put("reason", reason.strip());
        }
        journal.record(actor, "catalog.product.classification-proposal-rejected", "data-product", product.slug(),
                details);
        recordChange(actor, "revised", product);
        return details(product);
    }

    /** The classification requests for the product are routed by: the strictest it had within the memory. */
    @Transactional
    public Classification routingClassification(long productId) {
        DataProduct product = DataProduct.<DataProduct>findByIdOptional(productId)
                .orElseThrow(() -> Refusal.notFound("There is no data product " + productId + "."));
        return history.strictest(productId, product.classification(), clock.instant());
    }

    /** The newest published products. */
    @Transactional
    public List<ProductSummary> newest(int limit) {
        return DataProduct.<DataProduct>find("status = ?1 order by publishedAt desc, id desc",
                        ProductStatus.PUBLISHED)
                .page(0, limit).list().stream().map(ProductSummary::of).toList();
    }

    /** The products of the viewer's teams, drafts included, newest change first. */
    @Transactional
    public List<ProductSummary> ofMyTeams(String viewer, int limit) {
        List<String> teams = profile(viewer).memberships().stream().map(AccountProfile.Membership::team).toList();
        if (teams.isEmpty()) {
            return List.of();
        }
        return DataProduct.<DataProduct>find("ownerTeam.slug in ?1 order by updatedAt desc, id desc", teams)
                .page(0, limit).list().stream().map(ProductSummary::of).toList();
    }

    /** The teams whose products the viewer may create: their own teams, or every team for administrators. */
    public List<String> teamsForNewProducts(String viewer) {
        AccountProfile profile = profile(viewer);
        if (profile.isAdmin()) {
            return directory.teams().stream().map(Directory.TeamSummary::slug).toList();
        }
        return profile.memberships().stream().map(AccountProfile.Membership::team).distinct().toList();
    }

    /**
     * Reads a port's columns from where its data lives, for the publish form's "read columns" button: only for
     * someone who may change the team's products, and only on a location registered to that team, so that it
     * cannot be used to find out which tables exist.
     */
    @Transactional
    public SchemaHarvester.Outcome harvest(PortType type, String location, String ownerTeam, String actor) {
        if (ownerTeam == null || ownerTeam.isBlank() || directory.team(ownerTeam).isEmpty()) {
            throw Refusal.invalid("ownerTeam", "choose the owner team first: Agora reads only its data");
        }
        mayChangeProductsOf(ownerTeam, actor);
        Optional<String> problem = PortLocation.problem(type, location == null ? "" : location);
        if (problem.isPresent()) {
            return new SchemaHarvester.Outcome.NotFound(problem.get());
        }
        Optional<String> notOwned = locations.portProblem(type.wireName(), location, ownerTeam);
        if (notOwned.isPresent()) {
            return new SchemaHarvester.Outcome.NotFound(notOwned.get());
        }
        return harvesters.harvest(type, location.strip());
    }

    // --- internals ------------------------------------------------------------------------------------------

    private record Checked(ProductContent content, Domain domain, Team team) {}

    /** Checks the draft as a whole (every problem at once), harvests missing schemas and the actor's right. */
    private Checked check(ProductDraft draft, String actor) {
        List<FieldProblem> problems = new ArrayList<>(ProductRules.check(draft));
        Optional<Team> team = directory.team(draft.ownerTeam());
        if (draft.ownerTeam() != null && !draft.ownerTeam().isBlank() && team.isEmpty()) {
            problems.add(new FieldProblem("ownerTeam", "there is no team '" + draft.ownerTeam() + "'"));
        }
        Optional<Domain> domain = team.map(Team::domain);
        if (draft.domain() != null && !draft.domain().isBlank()) {
            Optional<Domain> named = directory.domain(draft.domain());
            if (named.isEmpty()) {
                problems.add(new FieldProblem("domain", "there is no domain '" + draft.domain() + "'"));
            } else if (team.isPresent() && !team.get().domain().slug().equals(draft.domain())) {
                problems.add(new FieldProblem("ownerTeam", "team '" + team.get().slug() + "' belongs to domain '"
                        + team.get().domain().slug() + "', not '" + draft.domain() + "'"));
            }
        }
        if (draft.version() != null && !draft.version().isBlank()) {
            try {
                SemanticVersion.parse("version", draft.version());
            } catch (Refusal refusal) {
                problems.addAll(refusal.fieldProblems());
            }
        }
        if (team.isPresent()) {
            // before any location is looked at: harvesting must not tell strangers which tables exist
            mayChangeProductsOf(team.get().slug(), actor);
        }
        if (problems.isEmpty()) {
            ownedPorts(draft, team.get().slug(), problems);
        }
        List<PortContent> ports = problems.isEmpty() ? harvestedPorts(draft, problems) : List.of();
        if (!problems.isEmpty()) {
            throw Refusal.invalid(summary(problems), problems);
        }
        return new Checked(new ProductContent(draft.name().strip(), draft.description(),
                ProductRules.normalisedTags(draft), draft.classification(), draft.contact(), draft.freshness(), ports),
                domain.orElseThrow(), team.get());
    }

    /** Every port must name data registered to the product's owner team (and never Agora's or PostgreSQL's own). */
    private void ownedPorts(ProductDraft draft, String ownerTeam, List<FieldProblem> problems) {
        for (int i = 0; i < draft.ports().size(); i++) {
            ProductDraft.PortDraft port = draft.ports().get(i);
            String field = "outputPorts[" + i + "].location";
            locations.portProblem(port.type().wireName(), port.location().strip(), ownerTeam)
                    .ifPresent(problem -> problems.add(new FieldProblem(field, problem)));
        }
    }

    private void mayChangeProductsOf(String teamSlug, String actor) {
        ProductPermissions.mayPublishFor(profile(actor), teamSlug).orRefuse();
    }

    private List<PortContent> harvestedPorts(ProductDraft draft, List<FieldProblem> problems) {
        List<PortContent> ports = new ArrayList<>();
        for (int i = 0; i < draft.ports().size(); i++) {
            ProductDraft.PortDraft port = draft.ports().get(i);
            String location = port.location().strip();
            if (port.columns() != null) {
                ports.add(new PortContent(port.name(), port.type(), location, port.columns()));
                continue;
            }
            if (port.type() == PortType.S3_PREFIX || port.type() == PortType.KINESIS_STREAM) {
                ports.add(new PortContent(port.name(), port.type(), location, List.of()));
                continue;
            }
            SchemaHarvester.Outcome outcome = harvesters.harvest(port.type(), location);
            if (outcome instanceof SchemaHarvester.Outcome.Found found) {
                ports.add(new PortContent(port.name(), port.type(), location, found.columns()));
            } else if (outcome instanceof SchemaHarvester.Outcome.NotFound notFound) {
                problems.add(new FieldProblem("outputPorts[" + i + "].location", notFound.reason()));
            } else if (outcome instanceof SchemaHarvester.Outcome.Unavailable unavailable) {
                problems.add(new FieldProblem("outputPorts[" + i + "].columns",
                        "Agora cannot read them (" + unavailable.reason() + "); send the columns"));
            }
        }
        return ports;
    }

    private DataProduct changeable(String idOrSlug, String actor) {
        AccountProfile profile = profile(actor);
        DataProduct product = visible(idOrSlug, profile);
        ProductPermissions.mayChange(profile, product.ownerTeam().slug(), product.slug()).orRefuse();
        return product;
    }

    private static DataProduct visible(String idOrSlug, AccountProfile profile) {
        return lookUp(idOrSlug).filter(p -> visibleTo(p, profile))
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + idOrSlug + "'."));
    }

    /** What access requests to the product are routed by. */
    private record Routing(String ownerTeam, String domain, Classification routedBy) {}

    private Routing routing(DataProduct product) {
        return new Routing(product.ownerTeam().slug(), product.domain().slug(),
                history.strictest(product.id(), product.classification(), clock.instant()));
    }

    /**
     * The content to store: a higher (or the same) classification as asked; a lower one as asked only from a
     * steward of the domain or an administrator, as a proposal from an owner of the team, refused otherwise.
     */
    private ProductContent classified(DataProduct product, ProductContent asked, String actor) {
        Classification current = product.classification();
        Classification wanted = asked.classification();
        if (wanted == null || wanted.compareTo(current) >= 0) {
            if (wanted != null && wanted != current) {
                product.dropClassificationProposal();
            }
            return asked;
        }
        AccountProfile profile = profile(actor);
        String domain = product.domain().slug();
        if (ProductPermissions.mayLowerClassification(profile, product.ownerTeam().slug(), domain).allowed()) {
            product.dropClassificationProposal();
            return asked;
        }
        Decision propose = ProductPermissions.mayProposeLowerClassification(profile, product.ownerTeam().slug(),
                domain);
        propose.orRefuse();
        Instant now = clock.instant();
        product.proposeClassification(wanted, actor, now);
        journal.record(actor, "catalog.product.classification-proposed", "data-product", product.slug(),
                Map.of("product", product.slug(), "classification", current.name(), "proposed", wanted.name()));
        return new ProductContent(asked.name(), asked.description(), asked.tags(), current, asked.contact(),
                asked.freshness(), asked.ports());
    }

    /** Records the classification in the history and tells whoever routes by it what changed. */
    private void follow(DataProduct product, Routing before, String actor) {
        Instant now = clock.instant();
        history.record(product.id(), product.classification(), actor, now);
        Routing after = routing(product);
        if (!after.equals(before)) {
            routingChanged.fire(new ProductRoutingChanged(product.id(), product.slug(), product.name(),
                    after.domain(), after.ownerTeam(), after.routedBy(), before.ownerTeam(), before.routedBy(),
                    actor));
        }
    }

    private static Optional<DataProduct> lookUp(String idOrSlug) {
        if (idOrSlug == null || idOrSlug.isBlank()) {
            return Optional.empty();
        }
        if (idOrSlug.chars().allMatch(Character::isDigit) && idOrSlug.length() < 18) {
            Optional<DataProduct> byId = DataProduct.findByIdOptional(Long.parseLong(idOrSlug));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return DataProduct.find("slug", idOrSlug).firstResultOptional();
    }

    private static boolean visibleTo(DataProduct product, AccountProfile viewer) {
        return ProductPermissions.maySee(viewer, product.status(), product.ownerTeam().slug()).allowed();
    }

    private AccountProfile profile(String username) {
        if (SystemActor.is(username)) {
            return SystemActor.profile(username);
        }
        return directory.profile(username)
                .orElseThrow(() -> Refusal.forbidden("There is no account '" + username + "'."));
    }

    private static void refuseLongNote(String field, String text) {
        List<FieldProblem> problems = new ArrayList<>();
        ProductRules.checkNote(field, text, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(summary(problems), problems);
        }
    }

    /** A pipeline that runs twice must not make "order-items-2": the second run hears which product exists. */
    /**
     * An archived domain or team takes no new products: neither a new draft, nor the publishing of a draft, nor a
     * product moved into it. What it already holds stays changeable ({@code existing} is the product as it was).
     */
    private static void refuseArchivedHome(Domain domain, Team team, DataProduct existing) {
        if (domain.archived() && (existing == null || !existing.domain().id().equals(domain.id()))) {
            throw Refusal.invalid("domain", "domain '" + domain.slug() + "' is archived: it takes no new products");
        }
        if (team.archived() && (existing == null || !existing.ownerTeam().id().equals(team.id()))) {
            throw Refusal.invalid("ownerTeam", "team '" + team.slug() + "' is archived: it takes no new products");
        }
    }

    private static void refuseSecondProductOfTheSameName(Checked checked) {
        DataProduct.<DataProduct>find("ownerTeam = ?1 and lower(name) = lower(?2)", checked.team(),
                        checked.content().name())
                .firstResultOptional()
                .ifPresent(existing -> {
                    throw Refusal.conflict("Team '" + checked.team().slug() + "' already has a data product named '"
                            + existing.name() + "': '" + existing.slug() + "'. Change it with PUT /api/v1/products/"
                            + existing.slug() + ".", Map.of("existing", existing.slug()));
                });
    }

    private String slugFor(ProductDraft draft) {
        if (draft.slug() != null && !draft.slug().isBlank()) {
            String wanted = draft.slug().strip();
            try {
                new Slug(wanted);
            } catch (Refusal refusal) {
                throw Refusal.invalid("slug", refusal.reason().replaceFirst("^slug: ", ""));
            }
            if (DataProduct.count("slug", wanted) > 0) {
                throw Refusal.conflict("The slug '" + wanted + "' is taken by another data product.");
            }
            return wanted;
        }
        String base = slugOf(draft.name());
        String candidate = base;
        for (int n = 2; DataProduct.count("slug", candidate) > 0; n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "product" : slug;
    }

    private void recordChange(String actor, String what, DataProduct product) {
        Map<String, Object> details = new LinkedHashMap<>();
        // every event about a product names it as data.product; "slug" stays for existing consumers
        details.put("product", product.slug());
        details.put("slug", product.slug());
        details.put("name", product.name());
        details.put("domain", product.domain().slug());
        details.put("ownerTeam", product.ownerTeam().slug());
        details.put("classification", product.classification().name());
        details.put("status", product.status().name());
        details.put("version", product.version().toString());
        product.persistAndFlush();
        details.put("id", product.id());
        journal.record(actor, "catalog.product." + what, "data-product", product.slug(), details);
        changed.fire(new CatalogChanged(product.slug()));
    }

    /**
     * A breaking change of the columns of a product that has consumers reaches them only as a new major version
     * (issue 14): a revision, or a version under the same major, that breaks them is refused and rolled back. The
     * schema watch holds such a change of the data itself; this is the same promise for a change the producer types.
     */
    private void refuseUnannouncedBreakingChange(DataProduct product, Map<String, List<ColumnSchema>> before,
            SemanticVersion current, SemanticVersion next) {
        if (product.status() == ProductStatus.DRAFT || (next != null && next.major() > current.major())) {
            return;
        }
        SchemaCompatibility.Assessment assessment = SchemaCompatibility.assess(before,
                SchemaChange.columnsOf(product.ports()));
        if (!assessment.isBreaking() || consumers.of(product.id()).isEmpty()) {
            return;
        }
        String breaking = String.join("; ", assessment.breaking().stream()
                .map(SchemaCompatibility.Difference::describe).toList());
        throw Refusal.conflict("'" + product.slug() + "' has consumers, and this change breaks them: " + breaking
                + ". Publish it as a new major version (" + (current.major() + 1) + ".0.0 or later, with POST "
                + "/api/v1/products/" + product.slug() + "/versions or PUT /api/v1/products/" + product.slug()
                + "/contract, which also gives the current version a deprecation window).",
                Map.of("breakingChanges", breaking, "requiredVersion", (current.major() + 1) + ".0.0"));
    }

    /** Tells consumers, in the same transaction, when the columns of a port really changed (not descriptions). */
    private void recordSchemaChange(String actor, DataProduct product, Map<String, List<ColumnSchema>> before) {
        SchemaChange change = SchemaChange.between(before, SchemaChange.columnsOf(product.ports()));
        if (change.isEmpty()) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("product", product.slug());
        details.put("version", product.version().toString());
        details.put("ports", change.asData());
        journal.record(actor, "catalog.product.schema-changed", "data-product", product.slug(), details);
    }

    private ProductDetails details(DataProduct product) {
        return ProductDetails.of(product, directory.membersWithRole(product.ownerTeam().slug(), TeamRole.OWNER));
    }

    private static String summary(List<FieldProblem> problems) {
        return "The data product is not valid: " + problems.stream()
                .map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse("") + ".";
    }
}
