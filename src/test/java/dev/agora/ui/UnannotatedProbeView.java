package dev.agora.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;

/**
 * A view that, against the house rule, carries no access annotation. It exists only in the tests, to prove that
 * such a view is refused to everyone, administrators included, rather than left open.
 */
@Route(value = "unannotated-probe", layout = MainLayout.class)
public class UnannotatedProbeView extends VerticalLayout {

    public static final String SECRET = "The unannotated probe view is open";

    public UnannotatedProbeView() {
        add(new H2(SECRET));
    }
}
