package dev.agora.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;

/** The page around every view: title, icon and the CSS-only Agora theme (frontend/themes/agora). */
@Theme("agora")
public class AgoraAppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Agora");
        settings.addFavIcon("icon", "icons/agora.svg", "any");
        settings.addMetaTag("description", "Agora: the self-serve data marketplace of the data mesh");
    }
}
