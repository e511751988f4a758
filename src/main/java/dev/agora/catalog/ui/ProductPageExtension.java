package dev.agora.catalog.ui;

import com.vaadin.flow.component.Component;
import dev.agora.catalog.ProductDetails;
import java.util.List;

/**
 * Actions other features add to a product page (requesting access …), so that the catalog need not know them.
 * Implementations are CDI beans.
 */
public interface ProductPageExtension {

    List<Component> actions(ProductDetails product, String viewer);
}
