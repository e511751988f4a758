package dev.agora.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import dev.agora.access.application.AccessQueries;
import dev.agora.access.application.AccessRequests;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.ProductStatus;
import dev.agora.catalog.ui.ProductPageExtension;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** "Request access" and "Add to basket" on the page of a published product. */
@ApplicationScoped
class AccessProductActions implements ProductPageExtension {

    private final AccessRequests requests;
    private final AccessQueries queries;
    private final Directory directory;

    AccessProductActions(AccessRequests requests, AccessQueries queries, Directory directory) {
        this.requests = requests;
        this.queries = queries;
        this.directory = directory;
    }

    @Override
    public List<Component> actions(ProductDetails product, String viewer) {
        if (product.status() != ProductStatus.PUBLISHED) {
            return List.of();
        }
        Button request = new Button("Request access", VaadinIcon.KEY.create(), click -> {
            List<String> teams = directory.profile(viewer).map(AccountProfile::memberships).orElse(List.of())
                    .stream().map(AccountProfile.Membership::team).toList();
            new RequestAccessDialog(product, teams, queries.policyFor(product.classification()), requests, viewer)
                    .open();
        });
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        request.setId("request-access");
        Button basket = new Button(Basket.contains(product.slug()) ? "In the basket" : "Add to basket",
                VaadinIcon.CART.create());
        basket.setEnabled(!Basket.contains(product.slug()));
        basket.addClickListener(click -> {
            Basket.add(product.slug(), product.name());
            basket.setText("In the basket");
            basket.setEnabled(false);
            Notification.show(product.name() + " is in your basket.", 2500, Notification.Position.BOTTOM_START);
        });
        basket.setId("add-to-basket");
        return List.of(request, basket);
    }
}
