package dev.agora.governance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.agora.access.ApproverRole;
import dev.agora.access.application.AccessPolicies;
import dev.agora.access.policy.AccessPolicy;
import dev.agora.platform.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The access policy of each classification: who approves, auto-approval, the longest access, and the preview
 * line of what a request goes through. The rules and the preview's wording are the access feature's
 * ({@link AccessPolicies}, {@link AccessPolicy#preview()}); this form only sends what the administrator set.
 */
class PoliciesPanel extends VerticalLayout {

    private final AccessPolicies policies;
    private final String admin;

    PoliciesPanel(AccessPolicies policies, String admin) {
        this.policies = policies;
        this.admin = admin;
        setPadding(false);
        addClassName("policies-panel");
        add(new Paragraph("A change applies to requests made after it; requests made before keep their steps and "
                + "their maximum."));
        policies.all(admin).forEach(policy -> add(card(policy)));
    }

    private Div card(AccessPolicy policy) {
        String name = policy.classification().name();
        String id = name.toLowerCase(Locale.ROOT);
        CheckboxGroup<ApproverRole> steps = new CheckboxGroup<>("Approval steps");
        steps.setItems(ApproverRole.values());
        steps.setItemLabelGenerator(role -> role == ApproverRole.OWNER ? "Owner team" : "Steward of the domain");
        steps.setValue(new java.util.LinkedHashSet<>(policy.approvers()));
        steps.setId("policy-steps-" + id);
        Checkbox autoApprove = new Checkbox("Approve automatically (PUBLIC only)", policy.autoApprove());
        autoApprove.setId("policy-auto-" + id);
        IntegerField days = new IntegerField("Longest access (days)");
        days.setMin(1);
        days.setMax(AccessPolicy.LONGEST);
        days.setStepButtonsVisible(true);
        days.setValue(policy.maxDurationDays());
        days.setId("policy-days-" + id);
        Paragraph preview = new Paragraph(policy.preview());
        preview.addClassName("policy-preview");
        preview.setId("policy-preview-" + id);
        Button save = new Button("Save", click -> {
            if (days.getValue() == null) {
                notice("Longest access: must be a whole number of days, 1 to " + AccessPolicy.LONGEST + ".",
                        NotificationVariant.LUMO_ERROR);
                return;
            }
            // in the order of the enum, so that the saved order does not depend on the clicks
            List<ApproverRole> chosen = new ArrayList<>(Arrays.stream(ApproverRole.values())
                    .filter(steps.getValue()::contains).toList());
            try {
                AccessPolicy saved = policies.replace(policy.classification(), chosen, autoApprove.getValue(),
                        days.getValue(), admin);
                preview.setText(saved.preview());
                notice("The " + name + " policy is saved: " + saved.preview(), NotificationVariant.LUMO_SUCCESS);
            } catch (Refusal refusal) {
                notice(readable(refusal), NotificationVariant.LUMO_ERROR);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("policy-save-" + id);
        HorizontalLayout form = new HorizontalLayout(steps, autoApprove, days, save);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        Div card = new Div(new H4(name), form, preview);
        card.addClassName("policy-card");
        card.setId("policy-" + id);
        card.setWidthFull();
        return card;
    }

    private static String readable(Refusal refusal) {
        if (refusal.fieldProblems().isEmpty()) {
            return refusal.reason();
        }
        return refusal.reason() + " " + refusal.fieldProblems().stream()
                .map(p -> label(p.field()) + ": " + p.message()).collect(Collectors.joining("; ")) + ".";
    }

    private static String label(String field) {
        return switch (field) {
            case "approvers" -> "Approval steps";
            case "autoApprove" -> "Approve automatically";
            case "maxDurationDays" -> "Longest access";
            default -> field;
        };
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
