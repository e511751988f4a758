package dev.agora.catalog.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import dev.agora.catalog.PublishingReadiness;
import java.util.List;

/** The publishing checklist: each requirement ticked, or what is missing. */
final class ReadinessChecklist {

    private ReadinessChecklist() {
    }

    static void show(Div target, boolean ready, List<PublishingReadiness.Item> items) {
        target.removeAll();
        target.addClassNames("card", "readiness");
        target.add(new H4(ready ? "Ready to publish" : "Before it can be published"));
        for (PublishingReadiness.Item item : items) {
            Span mark = new Span(item.met() ? "✓ " : "✗ ");
            mark.addClassName(item.met() ? "met" : "unmet");
            Div line = new Div(mark, new Span(item.met() ? item.requirement() : "Missing: " + item.missing()));
            line.addClassName("readiness-item");
            target.add(line);
        }
    }
}
