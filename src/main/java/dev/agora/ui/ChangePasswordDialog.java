package dev.agora.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.agora.identity.LocalAccounts;
import dev.agora.platform.Refusal;
import java.util.Map;

/** Lets a local account change its own password; refusals are shown on the field they concern. */
class ChangePasswordDialog extends Dialog {

    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField next = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("New password again");

    ChangePasswordDialog(LocalAccounts accounts, String username) {
        setHeaderTitle("Change password");
        addClassName("change-password-dialog");
        next.setHelperText("At least 10 characters; not your username, not the demo password");
        FormLayout form = new FormLayout(current, next, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button save = new Button("Change password", click -> save(accounts, username));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
        current.focus();
    }

    private void save(LocalAccounts accounts, String username) {
        for (PasswordField field : new PasswordField[] {current, next, repeat}) {
            field.setInvalid(false);
        }
        if (!next.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage("The two new passwords differ");
            repeat.setInvalid(true);
            return;
        }
        try {
            accounts.changePassword(username, current.getValue(), next.getValue());
            close();
            Notification.show("Your password is changed.", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (Refusal refusal) {
            Map<String, PasswordField> fields = Map.of("currentPassword", current, "newPassword", next);
            if (refusal.fieldProblems().isEmpty()) {
                Notification.show(refusal.reason(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refusal.fieldProblems().forEach(problem -> {
                PasswordField field = fields.getOrDefault(problem.field(), next);
                field.setErrorMessage(capitalised(problem.message()));
                field.setInvalid(true);
            });
        }
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
