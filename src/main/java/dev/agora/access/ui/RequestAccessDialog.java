package dev.agora.access.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import dev.agora.access.Permission;
import dev.agora.access.Principal;
import dev.agora.access.application.AccessRequestView;
import dev.agora.access.application.AccessRequests;
import dev.agora.access.policy.AccessPolicy;
import dev.agora.catalog.ColumnSchema;
import dev.agora.catalog.ProductDetails;
import dev.agora.platform.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requesting access to a product: which ports (all by default, or narrowed to columns), for whom (oneself or
 * one's team), why, and for how long within the classification's maximum.
 */
class RequestAccessDialog extends Dialog {

    private static final String ME = "Me";

    private final CheckboxGroup<String> ports = new CheckboxGroup<>("Output ports");
    private final Map<String, MultiSelectComboBox<String>> columns = new LinkedHashMap<>();
    private final RadioButtonGroup<String> forWhom = new RadioButtonGroup<>("For");
    private final TextArea justification = new TextArea("Why you need it");
    private final IntegerField duration = new IntegerField("For how many days");

    RequestAccessDialog(ProductDetails product, List<String> myTeams, AccessPolicy policy, AccessRequests requests,
            String username) {
        setHeaderTitle("Request access to " + product.name());
        addClassName("request-access-dialog");
        setWidth("40em");

        ports.setItems(product.outputPorts().stream().map(ProductDetails.Port::name).toList());
        ports.setValue(new java.util.LinkedHashSet<>(ports.getListDataView().getItems().toList()));
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.add(ports);
        for (ProductDetails.Port port : product.outputPorts()) {
            MultiSelectComboBox<String> narrow = new MultiSelectComboBox<>("Columns of " + port.name()
                    + " (all when none is chosen)");
            narrow.setItems(port.columns().stream().map(ColumnSchema::name).toList());
            columns.put(port.name(), narrow);
            form.add(narrow);
        }
        List<String> choices = new ArrayList<>();
        choices.add(ME);
        myTeams.forEach(team -> choices.add("Team " + team));
        forWhom.setItems(choices);
        forWhom.setValue(myTeams.isEmpty() ? ME : "Team " + myTeams.get(0));
        justification.setRequired(true);
        justification.setPlaceholder("What the data is for, e.g. \"Campaign attribution for Q3\"");
        justification.setId("justification");
        duration.setMin(1);
        duration.setMax(policy.maxDurationDays());
        duration.setValue(Math.min(30, policy.maxDurationDays()));
        duration.setStepButtonsVisible(true);
        duration.setHelperText("At most " + policy.maxDurationDays() + " days for " + product.classification()
                + " data");
        form.add(forWhom, justification, duration);
        add(new Paragraph(approvalNote(policy)), form);

        Button submit = new Button("Send request", click -> submit(product, requests, username));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("send-request");
        getFooter().add(new Button("Cancel", click -> close()), submit);
    }

    private static String approvalNote(AccessPolicy policy) {
        if (policy.autoApprove()) {
            return "Requests for " + policy.classification() + " data are approved at once.";
        }
        return "Your request goes to " + (policy.approvers().size() > 1
                ? "the product's owners and a steward of its domain; both must approve."
                : "the product's owners.");
    }

    private void submit(ProductDetails product, AccessRequests requests, String username) {
        List.<HasValidation>of(ports, forWhom, justification, duration).forEach(field -> field.setInvalid(false));
        List<AccessRequests.PortChoice> chosen = ports.getValue().stream()
                .map(port -> new AccessRequests.PortChoice(port, List.copyOf(columns.get(port).getValue())))
                .toList();
        if (chosen.isEmpty()) {
            ports.setErrorMessage("Choose at least one output port");
            ports.setInvalid(true);
            return;
        }
        Principal principal = ME.equals(forWhom.getValue()) || forWhom.getValue() == null
                ? Principal.user(username) : Principal.team(forWhom.getValue().substring("Team ".length()));
        try {
            AccessRequestView created = requests.submit(new AccessRequests.NewRequest(product.slug(),
                    chosen, principal,
                    Permission.READ, justification.getValue(), duration.getValue()), username);
            close();
            Notification.show(created.isPending() ? "Request sent: the approvers are told."
                            : "Request approved by policy: the access is being set up.", 4000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            AccessNavigation.toRequest(created.id());
        } catch (Refusal refusal) {
            List<String> unplaced = new ArrayList<>();
            for (Refusal.FieldProblem problem : refusal.fieldProblems()) {
                Optional<HasValidation> field = Optional.ofNullable(switch (problem.field()) {
                    case "justification" -> justification;
                    case "durationDays" -> duration;
                    case "principal" -> forWhom;
                    case "ports" -> ports;
                    default -> null;
                });
                field.ifPresentOrElse(f -> {
                    f.setErrorMessage(problem.message());
                    f.setInvalid(true);
                }, () -> unplaced.add(problem.message()));
            }
            if (refusal.fieldProblems().isEmpty() || !unplaced.isEmpty()) {
                Notification.show(unplaced.isEmpty() ? refusal.reason() : String.join("; ", unplaced), 6000,
                        Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }
}
