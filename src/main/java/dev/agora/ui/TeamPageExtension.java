package dev.agora.ui;

import com.vaadin.flow.component.Component;
import dev.agora.identity.Directory.TeamSummary;
import java.util.List;

/**
 * Sections other features add to a team's page (its webhooks, its notification channel …), so that the page need
 * not know them. Implementations are CDI beans; each decides from the viewer what it shows and allows.
 */
public interface TeamPageExtension {

    List<Component> sections(TeamSummary team, String viewer);

    /** Where this extension's sections go among the others': lower first. */
    default int order() {
        return 100;
    }
}
