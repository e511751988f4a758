package dev.agora.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.agora.catalog.CatalogService;
import dev.agora.catalog.ProductStatus;
import dev.agora.catalog.ProductSummary;
import dev.agora.catalog.quality.QualityStanding;
import dev.agora.catalog.quality.QualityStandings;
import dev.agora.ui.HomeSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The storefront of the start page: the newest products, and the products of one's own teams. */
final class CatalogHomeSections {

    private CatalogHomeSections() {
    }

    static Component shelf(String title, String id, List<ProductSummary> products,
            Map<Long, QualityStanding> standings) {
        Div shelf = new Div();
        shelf.addClassName("shelf");
        shelf.setId(id);
        shelf.add(new H3(title));
        Div items = new Div();
        items.addClassName("shelf-items");
        for (ProductSummary product : products) {
            Div card = new Div();
            card.addClassName("shelf-card");
            HorizontalLayout header = new HorizontalLayout(CatalogNavigation.linkToProduct(product.name(),
                    product.slug()), Badges.classification(product.classification()));
            if (product.status() != ProductStatus.PUBLISHED) {
                header.add(Badges.status(product.status()));
            }
            QualityStanding standing = standings.get(product.id());
            if (standing != null) {
                Badges.quality(standing.score(), standing.hasIssue()).forEach(header::add);
            }
            header.setAlignItems(FlexComponent.Alignment.BASELINE);
            Span owner = new Span(product.domain() + " · " + product.ownerTeam() + " · v" + product.version());
            owner.addClassName("product-owner");
            Span summary = new Span(product.summary());
            summary.addClassName("shelf-summary");
            card.add(header, owner, summary);
            items.add(card);
        }
        shelf.add(items);
        return shelf;
    }

    private static List<Long> ids(List<ProductSummary> products) {
        return products.stream().map(ProductSummary::id).toList();
    }

    /** The newest published products of the whole mesh. */
    @ApplicationScoped
    static class Newest implements HomeSection {

        private final CatalogService catalog;
        private final QualityStandings standings;

        Newest(CatalogService catalog, QualityStandings standings) {
            this.catalog = catalog;
            this.standings = standings;
        }

        @Override
        public int order() {
            return 20;
        }

        @Override
        public Optional<Component> render(String username) {
            List<ProductSummary> newest = catalog.newest(6);
            return newest.isEmpty() ? Optional.empty()
                    : Optional.of(shelf("Newest data products", "newest-products", newest,
                    standings.of(ids(newest))));
        }
    }

    /** The products the signed-in person's teams own, drafts included. */
    @ApplicationScoped
    static class OfMyTeams implements HomeSection {

        private final CatalogService catalog;
        private final QualityStandings standings;

        OfMyTeams(CatalogService catalog, QualityStandings standings) {
            this.catalog = catalog;
            this.standings = standings;
        }

        @Override
        public int order() {
            return 30;
        }

        @Override
        public Optional<Component> render(String username) {
            List<ProductSummary> mine = catalog.ofMyTeams(username, 6);
            return mine.isEmpty() ? Optional.empty()
                    : Optional.of(shelf("Your teams' data products", "team-products", mine,
                    standings.of(ids(mine))));
        }
    }
}
