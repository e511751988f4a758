package dev.agora.governance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.agora.identity.Directory;
import dev.agora.identity.MembershipSource;
import dev.agora.identity.Organisation;
import dev.agora.platform.Refusal;
import java.util.ArrayList;
import java.util.List;

/** The domains: create, rename, describe, archive, and their stewards. The rules live in Organisation. */
class DomainsAdminPanel extends VerticalLayout {

    private final Directory directory;
    private final Organisation organisation;
    private final String actor;
    private final Grid<Directory.DomainSummary> grid = new Grid<>();

    DomainsAdminPanel(Directory directory, Organisation organisation, String actor) {
        this.directory = directory;
        this.organisation = organisation;
        this.actor = actor;
        setPadding(false);
        setSizeFull();
        addClassName("domains-admin");

        Button create = new Button("New domain", VaadinIcon.PLUS.create(), click -> openDomainDialog(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-domain");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Directory.DomainSummary::slug).setHeader("Domain").setSortable(true).setAutoWidth(true);
        grid.addColumn(Directory.DomainSummary::name).setHeader("Name").setSortable(true);
        grid.addColumn(Directory.DomainSummary::description).setHeader("Description").setFlexGrow(2);
        grid.addColumn(d -> String.join(", ", d.teams())).setHeader("Teams");
        grid.addColumn(d -> String.join(", ", d.stewards())).setHeader("Stewards");
        grid.addColumn(d -> d.archived() ? "archived" : "active").setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(d -> {
            Button edit = new Button("Edit", click -> openDomainDialog(d));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.getElement().setAttribute("aria-label", "Edit domain " + d.slug());
            return edit;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        grid.setId("domains-grid");

        add(new Paragraph("A domain groups teams and their products; its stewards approve access to sensitive "
                + "products. An archived domain keeps its products but takes no new ones."), create, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(directory.domains());
    }

    /** The create dialog (domain null) or the edit dialog of a domain, with its stewards. */
    private void openDomainDialog(Directory.DomainSummary domain) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(domain == null ? "New domain" : "Domain " + domain.slug());
        TextField slug = new TextField("Slug");
        slug.setMaxLength(63);
        slug.setPlaceholder("sales");
        slug.setHelperText("lower-case words joined by '-'; cannot change later");
        slug.setId("domain-slug");
        TextField name = new TextField("Name");
        name.setMaxLength(Organisation.MAX_NAME);
        name.setId("domain-name");
        TextArea description = new TextArea("Description");
        description.setMaxLength(Organisation.MAX_DESCRIPTION);
        description.setId("domain-description");
        Checkbox archived = new Checkbox("Archived (takes no new products)");
        archived.setId("domain-archived");
        FormLayout form = new FormLayout(slug, name, description, archived);
        form.setColspan(description, 2);
        dialog.add(form);
        if (domain != null) {
            slug.setValue(domain.slug());
            slug.setReadOnly(true);
            name.setValue(domain.name());
            description.setValue(domain.description() == null ? "" : domain.description());
            archived.setValue(domain.archived());
            dialog.add(stewards(domain.slug()));
        } else {
            archived.setVisible(false);
        }

        Button save = new Button(domain == null ? "Create" : "Save", click -> {
            try {
                Directory.DomainSummary saved = domain == null
                        ? organisation.createDomain(new Organisation.NewDomain(slug.getValue(), name.getValue(),
                                description.getValue()), actor)
                        : organisation.changeDomain(domain.slug(), new Organisation.DomainChange(name.getValue(),
                                description.getValue(), archived.getValue(), null), actor);
                ConsoleNotices.done((domain == null ? "Created domain " : "Saved domain ") + saved.slug() + ".");
                dialog.close();
                refresh();
            } catch (Refusal refusal) {
                ConsoleNotices.refused(refusal);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-domain");
        Button cancel = new Button("Cancel", click -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                refresh();
            }
        });
        dialog.setWidth("44em");
        dialog.open();
    }

    /** The domain's own stewards, each change applied at once. */
    private VerticalLayout stewards(String domainSlug) {
        Grid<Organisation.Steward> stewards = new Grid<>();
        stewards.addThemeVariants(GridVariant.LUMO_COMPACT);
        stewards.addColumn(Organisation.Steward::username).setHeader("Steward").setAutoWidth(true);
        stewards.addColumn(s -> s.displayName() == null ? "" : s.displayName()).setHeader("Name");
        stewards.addColumn(s -> s.source() == MembershipSource.PROVIDER ? "from provider" : "set in Agora")
                .setHeader("Source").setAutoWidth(true);
        List<Organisation.Steward> shown = new ArrayList<>(organisation.domainStewards(domainSlug, actor));
        stewards.addComponentColumn(s -> {
            Button remove = new Button("Remove", click -> apply(domainSlug, setInAgora(shown).stream()
                    .filter(username -> !username.equals(s.username())).toList(), shown, stewards));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.getElement().setAttribute("aria-label", "Remove steward " + s.username());
            if (s.source() == MembershipSource.PROVIDER) {
                remove.setEnabled(false);
                remove.setTooltipText("The provider's groups make this steward: change the group instead");
            }
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        stewards.setItems(shown);
        stewards.setAllRowsVisible(true);
        stewards.setId("stewards-grid");

        PersonPicker person = new PersonPicker("Person", organisation, actor);
        person.setId("steward-picker");
        Button add = new Button("Add steward", VaadinIcon.PLUS.create(), click -> {
            if (person.getValue() == null) {
                ConsoleNotices.refused(Refusal.invalid("person", "choose a person first"));
                return;
            }
            List<String> wanted = new ArrayList<>(setInAgora(shown));
            wanted.add(person.getValue().username());
            if (apply(domainSlug, wanted, shown, stewards)) {
                person.clear();
            }
        });
        add.setId("add-steward");
        HorizontalLayout picker = new HorizontalLayout(person, add);
        picker.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout section = new VerticalLayout(new H4("Stewards of the domain"), new Paragraph(
                "STEWARD members of the domain's teams are stewards too; they are set in the team."), picker,
                stewards);
        section.setPadding(false);
        return section;
    }

    private static List<String> setInAgora(List<Organisation.Steward> stewards) {
        return stewards.stream().filter(s -> s.source() == MembershipSource.AGORA)
                .map(Organisation.Steward::username).toList();
    }

    private boolean apply(String domainSlug, List<String> usernames, List<Organisation.Steward> shown,
            Grid<Organisation.Steward> grid) {
        try {
            organisation.changeDomain(domainSlug, new Organisation.DomainChange(null, null, null, usernames), actor);
            shown.clear();
            shown.addAll(organisation.domainStewards(domainSlug, actor));
            grid.setItems(shown);
            ConsoleNotices.done("Saved the stewards of " + domainSlug + ".");
            return true;
        } catch (Refusal refusal) {
            ConsoleNotices.refused(refusal);
            return false;
        }
    }
}
