package dev.agora.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.agora.access.application.ProductFollowing;
import dev.agora.catalog.ui.CatalogNavigation;
import dev.agora.identity.Directory.TeamSummary;
import dev.agora.ui.TeamPageExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * "Followed products" on a team's page, for its members and administrators (a team follows what it has access
 * to, which is not everyone's business): each product a link, automatic follows marked as such.
 */
@ApplicationScoped
class FollowedProductsSection implements TeamPageExtension {

    private final ProductFollowing following;

    FollowedProductsSection(ProductFollowing following) {
        this.following = following;
    }

    @Override
    public List<Component> sections(TeamSummary team, String viewer) {
        if (!following.maySeeFollowsOf(team.slug(), viewer)) {
            return List.of();
        }
        List<ProductFollowing.FollowedProduct> products = following.followedByTeam(team.slug(), viewer);
        Div section = new Div();
        section.setId("followed-products");
        section.add(new H3("Followed products"));
        if (products.isEmpty()) {
            section.add(new Paragraph("None yet. Members follow a product for the team from its page; products the "
                    + "team has active access to are followed automatically."));
            return List.of(section);
        }
        UnorderedList list = new UnorderedList();
        for (ProductFollowing.FollowedProduct product : products) {
            ListItem item = new ListItem(CatalogNavigation.linkToProduct(product.name(), product.product()));
            if (product.through().stream().allMatch(ProductFollowing.FollowState::automatic)) {
                Span automatic = new Span(" · automatic, through active access");
                automatic.addClassName("follow-automatic");
                item.add(automatic);
            }
            list.add(item);
        }
        section.add(list);
        return List.of(section);
    }

    @Override
    public int order() {
        return 50;
    }
}
