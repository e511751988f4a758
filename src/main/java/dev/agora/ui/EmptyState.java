package dev.agora.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

/** What a list shows when there is nothing in it yet: what would be here, and how it gets here. */
public class EmptyState extends Div {

    public EmptyState(String title, String explanation) {
        addClassName("empty-state");
        add(new H3(title), new Paragraph(explanation));
    }
}
