package dev.agora.governance.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.agora.governance.AuditTrail;
import dev.agora.identity.AccountAdministration;
import dev.agora.identity.AccountLinks;
import dev.agora.identity.AccountSearch;
import dev.agora.identity.DataLocations;
import dev.agora.identity.Directory;
import dev.agora.identity.GroupMappings;
import dev.agora.identity.Organisation;
import dev.agora.identity.PersonalTokens;
import dev.agora.access.application.AccessPolicies;
import dev.agora.access.application.TeamChannels;
import dev.agora.governance.Dashboard;
import dev.agora.grants.GrantHealth;
import dev.agora.grants.GrantRepairs;
import dev.agora.grants.Reconciler;
import dev.agora.identity.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import dev.agora.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * The governance console: a dashboard, the organisation (people, teams, domains), data locations, group mappings,
 * policies, the audit trail and grant health. Admins only: each panel's service checks again.
 */
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Admin · Agora")
@Menu(order = 10, title = "Admin", icon = "vaadin:cogs")
@RolesAllowed(Roles.ADMIN)
@AccessDeniedErrorRouter
class AdminView extends VerticalLayout {

    AdminView(Directory directory, GrantHealth grantHealth, Reconciler reconciler,
            DataLocations locations, GroupMappings mappings, AccountLinks links, SecurityIdentity identity,
            PersonalTokens tokens, Organisation organisation, AuditTrail auditTrail, Dashboard dashboard,
            AccessPolicies accessPolicies, GrantRepairs grantRepairs, AccountSearch accountSearch,
            AccountAdministration accountAdministration, TeamChannels channels) {
        addClassName("admin-view");
        setSizeFull();
        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add("Dashboard", new DashboardPanel(dashboard, identity.getPrincipal().getName()));
        tabs.add("Users", new AccountsPanel(accountSearch, accountAdministration, links, tokens,
                identity.getPrincipal().getName()));
        tabs.add("Teams", new TeamsAdminPanel(directory, organisation, channels,
                identity.getPrincipal().getName()));
        tabs.add("Domains", new DomainsAdminPanel(directory, organisation, identity.getPrincipal().getName()));
        tabs.add("Data locations", new DataLocationsPanel(locations,
                directory.teams().stream().map(Directory.TeamSummary::slug).toList(), identity.getPrincipal().getName()));
        tabs.add("Group mappings", new GroupMappingsPanel(mappings,
                directory.teams().stream().map(Directory.TeamSummary::slug).toList(),
                directory.domains().stream().map(Directory.DomainSummary::slug).toList(),
                identity.getPrincipal().getName()));
        tabs.add("Policies", new PoliciesPanel(accessPolicies, identity.getPrincipal().getName()));
        tabs.add("Audit trail", new AuditTrailPanel(auditTrail, identity.getPrincipal().getName()));
        // built when first opened: it asks every engine's bookkeeping, which the other tabs need not wait for
        com.vaadin.flow.component.html.Div grantTab = new com.vaadin.flow.component.html.Div();
        grantTab.setWidthFull();
        var grantHealthTab = tabs.add("Grant health", grantTab);
        tabs.addSelectedChangeListener(event -> {
            if (event.getSelectedTab() == grantHealthTab && grantTab.getChildren().findAny().isEmpty()) {
                grantTab.add(new GrantHealthPanel(grantHealth, reconciler, grantRepairs,
                        identity.getPrincipal().getName()));
            }
        });
        add(new H2("Administration"), tabs);
    }
}
