package dev.agora.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import dev.agora.access.application.TeamWebhooks;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.ui.ProductPageExtension;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * "Send this product's events to a webhook" on a product page, for members of any team: the webhook dialog of the
 * chosen team with the product filled in (the service decides whether that team may see the product).
 */
@ApplicationScoped
class WebhookProductActions implements ProductPageExtension {

    private final TeamWebhooks webhooks;
    private final Directory directory;

    WebhookProductActions(TeamWebhooks webhooks, Directory directory) {
        this.webhooks = webhooks;
        this.directory = directory;
    }

    @Override
    public List<Component> actions(ProductDetails product, String viewer) {
        List<String> teams = directory.profile(viewer).map(AccountProfile::memberships).orElse(List.of()).stream()
                .map(AccountProfile.Membership::team).distinct().toList();
        if (teams.isEmpty()) {
            return List.of();
        }
        if (teams.size() == 1) {
            Button send = new Button("Send this product's events to a webhook", VaadinIcon.CONNECT.create(),
                    click -> WebhookDialogs.add(webhooks, teams.get(0), product.slug(), viewer, () -> { }));
            send.setId("product-webhook");
            return List.of(send);
        }
        MenuBar menu = new MenuBar();
        menu.setId("product-webhook");
        MenuItem root = menu.addItem("Send this product's events to a webhook of…");
        teams.forEach(team -> root.getSubMenu().addItem("team " + team,
                click -> WebhookDialogs.add(webhooks, team, product.slug(), viewer, () -> { })));
        return List.of(menu);
    }
}
