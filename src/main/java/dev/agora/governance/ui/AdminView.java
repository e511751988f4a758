package dev.agora.governance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.agora.audit.AuditLog;
import dev.agora.identity.AccountAdministration;
import dev.agora.identity.AccountLinks;
import dev.agora.identity.AccountSearch;
import dev.agora.identity.DataLocations;
import dev.agora.identity.Directory;
import dev.agora.identity.GroupMappings;
import dev.agora.identity.PersonalTokens;
import dev.agora.grants.GrantHealth;
import dev.agora.grants.Reconciler;
import dev.agora.identity.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import dev.agora.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** The governance console: the organisation (accounts, teams, domains) and the audit trail. */
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Admin · Agora")
@Menu(order = 10, title = "Admin", icon = "vaadin:cogs")
@RolesAllowed(Roles.ADMIN)
@AccessDeniedErrorRouter
class AdminView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** A line of the audit trail as the console lists it. */
    record AuditLine(String time, String actor, String action, String subject) {}

    AdminView(Directory directory, AuditLog audit, GrantHealth grantHealth, Reconciler reconciler,
            DataLocations locations, GroupMappings mappings, AccountLinks links, SecurityIdentity identity,
            PersonalTokens tokens, AccountSearch accountSearch, AccountAdministration accountAdministration) {
        addClassName("admin-view");
        setSizeFull();
        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add("Users", new AccountsPanel(accountSearch, accountAdministration, links, tokens,
                identity.getPrincipal().getName()));
        tabs.add("Teams", teams(directory.teams()));
        tabs.add("Domains", domains(directory.domains()));
        tabs.add("Data locations", new DataLocationsPanel(locations,
                directory.teams().stream().map(Directory.TeamSummary::slug).toList(), identity.getPrincipal().getName()));
        tabs.add("Group mappings", new GroupMappingsPanel(mappings,
                directory.teams().stream().map(Directory.TeamSummary::slug).toList(),
                directory.domains().stream().map(Directory.DomainSummary::slug).toList(),
                identity.getPrincipal().getName()));
        tabs.add("Audit trail", auditTrail(audit));
        // built when first opened: it asks every engine's bookkeeping, which the other tabs need not wait for
        com.vaadin.flow.component.html.Div grantTab = new com.vaadin.flow.component.html.Div();
        grantTab.setWidthFull();
        var grantHealthTab = tabs.add("Grant health", grantTab);
        tabs.addSelectedChangeListener(event -> {
            if (event.getSelectedTab() == grantHealthTab && grantTab.getChildren().findAny().isEmpty()) {
                grantTab.add(new GrantHealthPanel(grantHealth, reconciler, identity.getPrincipal().getName()));
            }
        });
        add(new H2("Administration"), tabs);
    }

    private static Grid<Directory.TeamSummary> teams(List<Directory.TeamSummary> teams) {
        Grid<Directory.TeamSummary> grid = grid(teams);
        grid.addColumn(Directory.TeamSummary::slug).setHeader("Team").setSortable(true);
        grid.addColumn(Directory.TeamSummary::name).setHeader("Name");
        grid.addColumn(Directory.TeamSummary::domain).setHeader("Domain").setSortable(true);
        grid.addColumn(t -> t.members().entrySet().stream()
                        .map(e -> e.getKey().name().toLowerCase() + ": " + e.getValue().stream()
                                .map(name -> t.providerMembers().contains(name) ? name + " (from provider)" : name)
                                .collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("; ")))
                .setHeader("Members").setFlexGrow(2);
        grid.setId("teams-grid");
        return grid;
    }

    private static Grid<Directory.DomainSummary> domains(List<Directory.DomainSummary> domains) {
        Grid<Directory.DomainSummary> grid = grid(domains);
        grid.addColumn(Directory.DomainSummary::slug).setHeader("Domain").setSortable(true);
        grid.addColumn(Directory.DomainSummary::name).setHeader("Name");
        grid.addColumn(Directory.DomainSummary::description).setHeader("Description").setFlexGrow(2);
        grid.addColumn(d -> String.join(", ", d.teams())).setHeader("Teams");
        grid.addColumn(d -> String.join(", ", d.stewards())).setHeader("Stewards");
        grid.setId("domains-grid");
        return grid;
    }

    private static Grid<AuditLine> auditTrail(AuditLog audit) {
        List<AuditLine> lines = audit.latest(500).stream()
                .map(e -> new AuditLine(TIME.format(e.occurredAt()), e.actor(), e.action(),
                        e.subjectType() + " " + e.subjectId()))
                .toList();
        Grid<AuditLine> grid = grid(lines);
        grid.addColumn(AuditLine::time).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditLine::actor).setHeader("Who").setSortable(true);
        grid.addColumn(AuditLine::action).setHeader("What").setSortable(true);
        grid.addColumn(AuditLine::subject).setHeader("Subject");
        grid.setId("audit-grid");
        return grid;
    }

    private static <T> Grid<T> grid(List<T> items) {
        Grid<T> grid = new Grid<>();
        grid.setItems(items);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        return grid;
    }
}
