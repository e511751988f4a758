package dev.agora.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of the start page that a feature contributes (newest products, the inbox …), so that the shell shows
 * them without depending on the features. Implementations are CDI beans; the home page shows them by order.
 */
public interface HomeSection {

    /** Lower comes first. */
    int order();

    /** The section for this signed-in person, or nothing when it has nothing to say to them. */
    Optional<Component> render(String username);
}
