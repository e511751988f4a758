package dev.agora.governance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.agora.identity.GroupMapping;
import dev.agora.identity.GroupMappings;
import dev.agora.platform.Refusal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The group mappings: what the identity provider's groups make of people. The rules live in GroupMappings. */
class GroupMappingsPanel extends VerticalLayout {

    private final GroupMappings mappings;
    private final String actor;
    private final Grid<GroupMappings.Mapping> grid = new Grid<>();

    GroupMappingsPanel(GroupMappings mappings, List<String> teams, List<String> domains, String actor) {
        this.mappings = mappings;
        this.actor = actor;
        setPadding(false);
        addClassName("group-mappings");

        TextField group = new TextField("Group");
        group.setPlaceholder("sales-owners");
        group.setMaxLength(GroupMappings.MAX_GROUP_LENGTH);
        group.setId("mapping-group");
        Select<GroupMapping.MappedRole> role = new Select<>();
        role.setLabel("Role");
        role.setItems(Arrays.asList(GroupMapping.MappedRole.values()));
        role.setItemLabelGenerator(GroupMappingsPanel::describe);
        role.setValue(GroupMapping.MappedRole.MEMBER);
        role.setId("mapping-role");
        Select<String> team = new Select<>();
        team.setLabel("Team");
        team.setItems(teams);
        team.setId("mapping-team");
        Select<String> domain = new Select<>();
        domain.setLabel("Domain");
        domain.setItems(domains);
        domain.setId("mapping-domain");
        domain.setVisible(false);
        role.addValueChangeListener(change -> {
            GroupMapping.MappedRole chosen = change.getValue();
            team.setVisible(chosen == GroupMapping.MappedRole.OWNER || chosen == GroupMapping.MappedRole.MEMBER);
            domain.setVisible(chosen == GroupMapping.MappedRole.STEWARD);
        });
        Button add = new Button("Add mapping", VaadinIcon.PLUS.create(), click -> {
            GroupMapping.MappedRole chosen = role.getValue();
            try {
                GroupMappings.Put put = mappings.put(new GroupMappings.NewMapping(group.getValue(),
                        chosen == null ? null : chosen.name(), team.isVisible() ? team.getValue() : null,
                        domain.isVisible() ? domain.getValue() : null), actor);
                String what = put.mapping().group() + " → " + describe(put.mapping());
                notice(put.created() ? "Added: " + what + ". It takes effect at each member's next sign-in."
                        : "That mapping exists already: " + what + ".", NotificationVariant.LUMO_SUCCESS);
                group.clear();
                refresh();
            } catch (Refusal refusal) {
                notice(readable(refusal), NotificationVariant.LUMO_ERROR);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-mapping");
        HorizontalLayout form = new HorizontalLayout(group, role, team, domain, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(GroupMappings.Mapping::group).setHeader("Group").setSortable(true).setFlexGrow(2);
        grid.addColumn(m -> m.role().name()).setHeader("Role").setSortable(true).setAutoWidth(true);
        grid.addColumn(m -> Optional.ofNullable(m.team()).map(t -> "team " + t)
                .or(() -> Optional.ofNullable(m.domain()).map(d -> "domain " + d)).orElse("the platform"))
                .setHeader("Of").setFlexGrow(2);
        grid.addComponentColumn(m -> {
            Button delete = new Button("Delete", click -> confirmDeletion(m));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.getElement().setAttribute("aria-label", "Delete mapping " + m.group() + " → " + describe(m));
            return delete;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setId("mappings-grid");

        add(new Paragraph("Members of a group at the identity provider get these roles in Agora. Sign-in adds and "
                + "removes the memberships it gave as the groups change; memberships set by hand in Agora stay. A change "
                + "here takes effect at each person's next sign-in."), form, grid);
        refresh();
    }

    private void confirmDeletion(GroupMappings.Mapping mapping) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete this group mapping?");
        confirm.setText(mapping.group() + " → " + describe(mapping) + ". People who have this role only through "
                + "the group lose it at their next sign-in.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                mappings.delete(mapping.id(), actor);
                notice("Deleted: " + mapping.group() + " → " + describe(mapping) + ".",
                        NotificationVariant.LUMO_SUCCESS);
            } catch (Refusal refusal) {
                notice(refusal.reason(), NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(mappings.list(Optional.empty()));
    }

    private static String describe(GroupMapping.MappedRole role) {
        return switch (role) {
            case ADMIN -> "ADMIN (platform administrator)";
            case OWNER -> "OWNER of a team";
            case MEMBER -> "MEMBER of a team";
            case STEWARD -> "STEWARD of a domain";
        };
    }

    private static String describe(GroupMappings.Mapping mapping) {
        return mapping.role().name() + Optional.ofNullable(mapping.team()).map(t -> " of team " + t)
                .or(() -> Optional.ofNullable(mapping.domain()).map(d -> " of domain " + d)).orElse("");
    }

    private static String readable(Refusal refusal) {
        if (refusal.fieldProblems().isEmpty()) {
            return refusal.reason();
        }
        return refusal.fieldProblems().stream().map(p -> capitalised(p.field()) + ": " + p.message())
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String capitalised(String field) {
        return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
