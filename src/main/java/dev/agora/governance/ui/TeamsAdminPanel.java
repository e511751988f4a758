package dev.agora.governance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.agora.identity.Directory;
import dev.agora.identity.MembershipSource;
import dev.agora.access.application.TeamChannels;
import dev.agora.identity.Organisation;
import dev.agora.identity.TeamRole;
import dev.agora.platform.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The teams: create, edit, archive, members and their roles. The rules live in Organisation. */
class TeamsAdminPanel extends VerticalLayout {

    private final Directory directory;
    private final Organisation organisation;
    private final String actor;
    private final Grid<Directory.TeamSummary> grid = new Grid<>();
    private final TextField filter = new TextField();

    TeamsAdminPanel(Directory directory, Organisation organisation, TeamChannels channels, String actor) {
        this.directory = directory;
        this.organisation = organisation;
        this.actor = actor;
        setPadding(false);
        setSizeFull();
        addClassName("teams-admin");

        Button create = new Button("New team", VaadinIcon.PLUS.create(), click -> openTeamDialog(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-team");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Directory.TeamSummary::slug).setHeader("Team").setSortable(true).setAutoWidth(true);
        grid.addColumn(Directory.TeamSummary::name).setHeader("Name").setSortable(true);
        grid.addColumn(Directory.TeamSummary::domain).setHeader("Domain").setSortable(true).setAutoWidth(true);
        grid.addColumn(TeamsAdminPanel::membersLine).setHeader("Members").setFlexGrow(2);
        grid.addColumn(t -> t.awsPrincipalArn() == null ? "" : t.awsPrincipalArn()).setHeader("AWS principal")
                .setFlexGrow(2);
        grid.addColumn(t -> t.archived() ? "archived" : "active").setHeader("Status").setAutoWidth(true);
        // where the team is told of requests, failed grants and expiring access; set on the team's page
        grid.addColumn(t -> channels.channel(t.slug(), actor).map(c -> c.kind().label() + ": " + c.host())
                .orElse("none")).setHeader("Channel").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Button edit = new Button("Edit", click -> openTeamDialog(t));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.getElement().setAttribute("aria-label", "Edit team " + t.slug());
            Button members = new Button("Members", click -> openMembersDialog(t));
            members.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            members.getElement().setAttribute("aria-label", "Members of team " + t.slug());
            members.addClassName("team-members-" + t.slug());
            // the team's page: its members, webhooks and notification channel, which administrators may change
            com.vaadin.flow.component.html.Anchor page = new com.vaadin.flow.component.html.Anchor(
                    "teams/" + t.slug(), "Team page");
            page.getElement().setAttribute("aria-label", "Page of team " + t.slug());
            return new HorizontalLayout(edit, members, page);
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        grid.setId("teams-grid");

        filter.setPlaceholder("Filter by team, name or domain");
        filter.setClearButtonVisible(true);
        filter.setMaxLength(100);
        filter.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        filter.addValueChangeListener(change -> applyFilter());
        filter.setId("teams-filter");
        HorizontalLayout toolbar = new HorizontalLayout(create, filter);

        add(new Paragraph("A team owns data products: its OWNERs decide on access requests, its STEWARDs are data "
                + "stewards of its domain. An archived team keeps its products but takes no new ones."), toolbar, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(directory.teams());
        applyFilter();
    }

    private void applyFilter() {
        String text = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(java.util.Locale.ROOT);
        grid.getListDataView().setFilter(t -> text.isEmpty() || t.slug().contains(text)
                || t.name().toLowerCase(java.util.Locale.ROOT).contains(text) || t.domain().contains(text));
    }

    static String membersLine(Directory.TeamSummary team) {
        return team.members().entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase() + ": " + e.getValue().stream()
                        .map(name -> team.providerMembers().contains(name) ? name + " (from provider)" : name)
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    /** The create dialog (team null) or the edit dialog of a team. */
    private void openTeamDialog(Directory.TeamSummary team) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(team == null ? "New team" : "Team " + team.slug());
        TextField slug = new TextField("Slug");
        slug.setMaxLength(63);
        slug.setPlaceholder("sales-operations");
        slug.setHelperText("lower-case words joined by '-'; cannot change later");
        slug.setId("team-slug");
        TextField name = new TextField("Name");
        name.setMaxLength(Organisation.MAX_NAME);
        name.setId("team-name");
        TextArea description = new TextArea("Description");
        description.setMaxLength(Organisation.MAX_DESCRIPTION);
        description.setId("team-description");
        Select<String> domain = new Select<>();
        domain.setLabel("Domain");
        domain.setItems(directory.domains().stream().filter(d -> !d.archived())
                .map(Directory.DomainSummary::slug).toList());
        domain.setId("team-domain");
        TextField principal = new TextField("AWS principal for Lake Formation");
        principal.setMaxLength(2048);
        principal.setPlaceholder("arn:aws:iam::123456789012:role/sales-operations");
        principal.setHelperText("an IAM role ARN or an IAM Identity Center group ARN; empty for none");
        principal.setId("team-principal");
        Checkbox archived = new Checkbox("Archived (takes no new products)");
        archived.setId("team-archived");
        if (team != null) {
            slug.setValue(team.slug());
            slug.setReadOnly(true);
            name.setValue(team.name());
            description.setValue(team.description() == null ? "" : team.description());
            domain.setItems(team.domain());
            domain.setValue(team.domain());
            domain.setReadOnly(true);
            principal.setValue(team.awsPrincipalArn() == null ? "" : team.awsPrincipalArn());
            archived.setValue(team.archived());
        } else {
            archived.setVisible(false);
        }
        FormLayout form = new FormLayout(slug, name, domain, principal, description, archived);
        form.setColspan(description, 2);
        form.setColspan(principal, 2);
        dialog.add(form);

        Button save = new Button(team == null ? "Create" : "Save", click -> {
            try {
                Directory.TeamSummary saved = team == null
                        ? organisation.createTeam(new Organisation.NewTeam(slug.getValue(), name.getValue(),
                                description.getValue(), domain.getValue(), principal.getValue()), actor)
                        : organisation.changeTeam(team.slug(), new Organisation.TeamChange(name.getValue(),
                                description.getValue(), archived.getValue(), principal.getValue()), actor);
                ConsoleNotices.done((team == null ? "Created team " : "Saved team ") + saved.slug() + ".");
                dialog.close();
                refresh();
            } catch (Refusal refusal) {
                ConsoleNotices.refused(refusal);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-team");
        Button cancel = new Button("Cancel", click -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.setWidth("40em");
        dialog.open();
    }

    private void openMembersDialog(Directory.TeamSummary team) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Members of " + team.slug());
        Grid<Organisation.Member> members = new Grid<>();
        members.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        members.addColumn(Organisation.Member::username).setHeader("Username").setAutoWidth(true);
        members.addColumn(m -> m.displayName() == null ? "" : m.displayName()).setHeader("Name");
        members.addColumn(m -> m.role().name()).setHeader("Role").setAutoWidth(true);
        members.addColumn(m -> m.source() == MembershipSource.PROVIDER ? "from provider" : "set in Agora")
                .setHeader("Source").setAutoWidth(true);
        members.setAllRowsVisible(true);
        members.setId("members-grid");
        List<Organisation.Member> shown = new ArrayList<>(organisation.members(team.slug(), actor));
        members.setItems(shown);
        members.addComponentColumn(m -> {
            Button remove = new Button("Remove", click -> {
                // places the provider gave are left out of the list, and so kept (see Organisation)
                List<Organisation.MemberPlace> places = setInAgora(shown).stream()
                        .filter(p -> !p.username().equals(m.username())).toList();
                apply(team, places, shown, members);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.getElement().setAttribute("aria-label", "Remove " + m.username());
            if (m.source() == MembershipSource.PROVIDER) {
                remove.setEnabled(false);
                remove.setTooltipText("The provider's groups give this place: change the group instead");
            }
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);

        PersonPicker person = new PersonPicker("Person", organisation, actor);
        person.setId("member-picker");
        Select<TeamRole> role = new Select<>();
        role.setLabel("Role");
        role.setItems(Arrays.asList(TeamRole.values()));
        role.setValue(TeamRole.MEMBER);
        role.setId("member-role");
        Button add = new Button("Add", VaadinIcon.PLUS.create(), click -> {
            if (person.getValue() == null) {
                ConsoleNotices.refused(Refusal.invalid("person", "choose a person first"));
                return;
            }
            String username = person.getValue().username();
            List<Organisation.MemberPlace> places = new ArrayList<>(setInAgora(shown).stream()
                    .filter(p -> !p.username().equals(username)).toList());
            places.add(new Organisation.MemberPlace(username, role.getValue()));
            if (apply(team, places, shown, members)) {
                person.clear();
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-member");
        HorizontalLayout picker = new HorizontalLayout(person, role, add);
        picker.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        dialog.add(new Paragraph("Places from the provider follow its groups at each sign-in; adding such a person "
                + "here keeps their place by hand. A team that has an OWNER keeps at least one."), picker, members);
        Button close = new Button("Close", click -> dialog.close());
        close.setId("close-members");
        dialog.getFooter().add(close);
        dialog.addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                refresh();
            }
        });
        dialog.setWidth("48em");
        dialog.open();
    }

    private static List<Organisation.MemberPlace> setInAgora(List<Organisation.Member> members) {
        return members.stream().filter(m -> m.source() == MembershipSource.AGORA)
                .map(m -> new Organisation.MemberPlace(m.username(), m.role())).toList();
    }

    private boolean apply(Directory.TeamSummary team, List<Organisation.MemberPlace> places,
            List<Organisation.Member> shown, Grid<Organisation.Member> grid) {
        try {
            List<Organisation.Member> now = organisation.replaceMembers(team.slug(), places, actor);
            shown.clear();
            shown.addAll(now);
            grid.setItems(shown);
            ConsoleNotices.done("Saved the members of " + team.slug() + ".");
            refresh();
            return true;
        } catch (Refusal refusal) {
            ConsoleNotices.refused(refusal);
            return false;
        }
    }
}
