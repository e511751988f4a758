package dev.agora.governance.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.agora.platform.Refusal;
import java.util.stream.Collectors;

/** How the organisation panels tell an administrator what happened or why a change was refused. */
final class ConsoleNotices {

    private ConsoleNotices() {
    }

    static void done(String text) {
        show(text, NotificationVariant.LUMO_SUCCESS);
    }

    static void refused(Refusal refusal) {
        show(readable(refusal), NotificationVariant.LUMO_ERROR);
    }

    static String readable(Refusal refusal) {
        if (refusal.fieldProblems().isEmpty()) {
            return refusal.reason();
        }
        return refusal.fieldProblems().stream().map(p -> capitalised(p.field()) + ": " + p.message())
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String capitalised(String field) {
        return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private static void show(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
