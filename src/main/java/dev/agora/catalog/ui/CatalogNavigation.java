package dev.agora.catalog.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/** The one public way into the catalog's views: links to a product page, the search, the publish form. */
public final class CatalogNavigation {

    private CatalogNavigation() {
    }

    public static RouterLink linkToProduct(String text, String slug) {
        return new RouterLink(text, ProductPage.class, new RouteParameters(ProductPage.SLUG, slug));
    }

    public static void toProduct(String slug) {
        UI.getCurrent().navigate(ProductPage.class, new RouteParameters(ProductPage.SLUG, slug));
    }

    public static void toSearch() {
        UI.getCurrent().navigate(CatalogView.class);
    }

    public static RouterLink linkToPublishForm(String text) {
        return new RouterLink(text, ProductForm.class);
    }
}
