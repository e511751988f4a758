package dev.agora.catalog;

import dev.agora.identity.DataLocations;
import dev.agora.identity.IdentityDemoSeed;
import dev.agora.platform.DemoSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Registers the demo lake's tables to their teams and publishes them as data products, their schemas harvested from the lake, so that a newcomer
 * finds a live catalog. Idempotent: a product whose slug exists is left as it is.
 */
@ApplicationScoped
public class CatalogDemoSeed {

    public static final int STARTUP_PRIORITY = IdentityDemoSeed.STARTUP_PRIORITY + 10;

    private static final Logger LOG = Logger.getLogger(CatalogDemoSeed.class);

    static final List<ProductDraft> PRODUCTS = List.of(
            new ProductDraft("Orders", "orders", "sales", "sales-analytics", """
                    All confirmed web-shop orders, **one row per order**, with amount, channel, country and the \
                    campaign the order is attributed to.

                    - Updated every night from the order service's event stream
                    - Amounts include VAT, in the order's currency
                    - Returned orders keep their row with status `returned`
                    """, List.of("orders", "revenue", "web-shop"), Classification.INTERNAL, "1.0.0",
                    "sales-data@agora.example", "Daily by 06:00 UTC; complete up to the previous day",
                    List.of(new ProductDraft.PortDraft("orders", PortType.POSTGRES_TABLE, "lake.orders", null))),
            new ProductDraft("Customers", "customers", "sales", "sales-analytics", """
                    Registered web-shop customers, **one row per customer**: name, e-mail, country, segment and \
                    marketing consent.

                    Contains personal data: access is granted per purpose and for a limited time.
                    """, List.of("customers", "crm", "personal-data"), Classification.CONFIDENTIAL, "1.0.0",
                    "sales-data@agora.example", "Hourly; changes visible within 60 minutes",
                    List.of(new ProductDraft.PortDraft("customers", PortType.POSTGRES_TABLE, "lake.customers", null))),
            new ProductDraft("Campaigns", "campaigns", "marketing", "marketing-insights", """
                    Marketing campaigns with their **budget, spend and funnel**: impressions, clicks and the \
                    conversions attributed to each campaign, for every channel.
                    """, List.of("marketing", "campaigns", "attribution"), Classification.PUBLIC, "1.0.0",
                    "#marketing-insights", "Weekly on Mondays",
                    List.of(new ProductDraft.PortDraft("campaigns", PortType.POSTGRES_TABLE, "lake.campaigns",
                            null))));

    private final CatalogService catalog;
    private final DataLocations locations;
    private final DemoSettings demo;

    CatalogDemoSeed(CatalogService catalog, DataLocations locations, DemoSettings demo) {
        this.catalog = catalog;
        this.locations = locations;
        this.demo = demo;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent start) {
        if (demo.enabled()) {
            int published = seed();
            if (published > 0) {
                LOG.infof("Demo mode: published %d demo data products from the demo lake.", published);
            }
        }
    }

    /** Publishes what is missing of the demo products; tells how many it published. */
    public int seed() {
        int published = 0;
        for (ProductDraft draft : PRODUCTS) {
            // a port may name only data registered to its team: the demo lake's tables are registered first
            draft.ports().forEach(port -> locations.ensureRegistered(draft.ownerTeam(), port.type().wireName(),
                    port.location(), IdentityDemoSeed.ACTOR));
            if (catalog.find(draft.slug(), IdentityDemoSeed.ACTOR).isEmpty()) {
                catalog.create(draft, IdentityDemoSeed.ACTOR);
                catalog.publish(draft.slug(), IdentityDemoSeed.ACTOR);
                published++;
            }
        }
        return published;
    }
}
