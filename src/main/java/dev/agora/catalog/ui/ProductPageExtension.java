package dev.agora.catalog.ui;

import com.vaadin.flow.component.Component;
import dev.agora.catalog.ProductDetails;
import java.util.List;

/**
 * What other features add to a product page (requesting access, following, webhooks, activity …), so that the
 * catalog need not know them. Implementations are CDI beans; each decides from the viewer what it shows.
 */
public interface ProductPageExtension {

    /** Buttons beside the product's own (request access, follow …). */
    List<Component> actions(ProductDetails product, String viewer);

    /** Notices right below the product's header, for what needs attention first (a held breaking change …). */
    default List<Component> notices(ProductDetails product, String viewer) {
        return List.of();
    }

    /** Sections below the product's versions (activity, webhooks …), in the order of {@link #order()}. */
    default List<Component> sections(ProductDetails product, String viewer) {
        return List.of();
    }

    /** Where this extension's sections go among the others': lower first. */
    default int order() {
        return 100;
    }
}
