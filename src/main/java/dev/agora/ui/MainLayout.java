package dev.agora.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.PersonalTokens;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.Instance;

/**
 * The shell around every signed-in view: the side navigation, built from the views the user may open (so an
 * admin-only view is not even listed for others), and the user menu with password change, API tokens and sign-out.
 */

@PermitAll
public class MainLayout extends AppLayout {

    private final SecurityIdentity identity;
    private final SignOut signOut;
    private final LocalAccounts accounts;
    private final PersonalTokens tokens;

    public MainLayout(SecurityIdentity identity, SignOut signOut, LocalAccounts accounts, PersonalTokens tokens,
            Instance<NotificationSource> notifications) {
        this.identity = identity;
        this.tokens = tokens;
        this.signOut = signOut;
        this.accounts = accounts;
        setPrimarySection(Section.DRAWER);
        Div spacer = new Div();
        spacer.addClassName("navbar-spacer");
        addToNavbar(new DrawerToggle(), spacer);
        if (!identity.isAnonymous() && notifications.isResolvable()) {
            addToNavbar(new NotificationBell(notifications.get(), identity.getPrincipal().getName()));
        }
        addToDrawer(brand(), new Scroller(navigation()), userMenu());
    }

    private static Header brand() {
        H1 name = new H1("Agora");
        name.addClassName("brand-name");
        Span tagline = new Span("data marketplace");
        tagline.addClassName("brand-tagline");
        Anchor home = new Anchor("", name, tagline);
        home.addClassName("brand");
        return new Header(home);
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null && entry.icon().contains(":")) {
                String[] icon = entry.icon().split(":", 2);
                item.setPrefixComponent(new Icon(icon[0], icon[1]));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private Footer userMenu() {
        String username = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        String displayName = identity.getAttribute("displayName") instanceof String name ? name : username;

        Avatar avatar = new Avatar(displayName);
        avatar.addClassName("user-avatar");
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("user-menu");
        Div who = new Div(avatar, new Span(displayName));
        who.addClassName("user-menu-who");
        MenuItem account = menu.addItem(who);
        account.getSubMenu().addItem("Change password", click -> new ChangePasswordDialog(accounts, username).open());
        account.getSubMenu().addItem("API tokens", click -> PersonalTokensDialog.own(tokens, username).open());
        account.getSubMenu().addItem("Sign out", click -> signOut.signOut());
        return new Footer(menu);
    }
}
