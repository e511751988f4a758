package dev.agora.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.agora.access.activity.ProductActivity;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.ui.ProductPageExtension;
import dev.agora.platform.web.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** "Activity" on a product page: its events, newest first, as far as the viewer may see them; more on request. */
@ApplicationScoped
class ProductActivitySection implements ProductPageExtension {

    static final int PAGE_SIZE = 10;

    private final ProductActivity activity;
    private final Clock clock;

    ProductActivitySection(ProductActivity activity, Clock clock) {
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public List<Component> actions(ProductDetails product, String viewer) {
        return List.of();
    }

    @Override
    public List<Component> sections(ProductDetails product, String viewer) {
        Div section = new Div();
        section.setId("product-activity");
        section.addClassName("product-activity");
        section.add(new H3("Activity"));
        UnorderedList lines = new UnorderedList();
        lines.addClassName("activity-lines");
        Button more = new Button("Show more");
        more.setId("product-activity-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        int[] nextPage = {0};
        Runnable showNextPage = () -> {
            ProductActivity.Page page = activity.of(product.slug(), viewer, Optional.empty(),
                    new Paging(nextPage[0]++, PAGE_SIZE));
            page.entries().forEach(entry -> {
                ListItem line = new ListItem(ActivityLines.line(entry, clock.instant()));
                line.addClassName("activity-line");
                lines.add(line);
            });
            more.setVisible((long) nextPage[0] * PAGE_SIZE < page.total());
        };
        more.addClickListener(click -> showNextPage.run());
        showNextPage.run();
        if (lines.getChildren().findAny().isEmpty()) {
            section.add(new Paragraph("No activity yet."));
        }
        section.add(lines, more);
        return List.of(section);
    }

    @Override
    public int order() {
        return 500;
    }
}
