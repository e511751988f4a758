package dev.agora.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import dev.agora.access.application.TeamWebhooks;
import dev.agora.catalog.ProductSummary;
import dev.agora.platform.Refusal;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The dialogs of a team's webhooks: adding one (then its secret, once) and confirming a deletion. */
final class WebhookDialogs {

    /** How a receiver checks a delivery, as the README says it. */
    static final String RECIPE = """
            # body.json: the exact bytes received, before any parsing
            openssl dgst -sha256 -hmac "$SECRET" -r body.json
            # the hex printed must equal what follows "sha256=" in X-Agora-Signature""";

    private WebhookDialogs() {
    }

    /** Adding a webhook for the team; {@code product} pre-fills the products when not null. */
    static void add(TeamWebhooks webhooks, String team, String product, String viewer, Runnable added) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add a webhook for team " + team);
        dialog.setWidth("40em");
        TextField url = new TextField("URL");
        url.setId("webhook-url");
        url.setPlaceholder("https://hooks.example.com/agora");
        url.setWidthFull();
        url.setRequired(true);
        MultiSelectComboBox<String> products = new MultiSelectComboBox<>("Products (all the team may see when none)");
        products.setId("webhook-products");
        List<ProductSummary> choices = webhooks.productChoices(team);
        products.setItems(choices.stream().map(ProductSummary::slug).toList());
        products.setItemLabelGenerator(slug -> choices.stream().filter(p -> p.slug().equals(slug)).findFirst()
                .map(p -> p.name() + " (" + slug + ")").orElse(slug));
        if (product != null) {
            products.setValue(Set.of(product));
        }
        MultiSelectComboBox<String> types = new MultiSelectComboBox<>("Event types (all when none)");
        types.setId("webhook-types");
        types.setItems(webhooks.typeChoices());
        FormLayout form = new FormLayout(url, products, types);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(new Paragraph("Agora POSTs each event as a CloudEvent, signed with a secret shown once after "
                + "saving."), form);
        Button save = new Button("Save", click -> {
            url.setInvalid(false);
            products.setInvalid(false);
            types.setInvalid(false);
            try {
                TeamWebhooks.CreatedWebhook created = webhooks.create(new TeamWebhooks.NewWebhook(url.getValue(),
                        team, List.copyOf(products.getValue()), List.copyOf(types.getValue())), viewer);
                dialog.close();
                added.run();
                secret(created);
            } catch (Refusal refusal) {
                for (Refusal.FieldProblem problem : refusal.fieldProblems()) {
                    if (problem.field().equals("url")) {
                        invalid(url::setErrorMessage, url::setInvalid, problem.message());
                    } else if (problem.field().startsWith("products")) {
                        invalid(products::setErrorMessage, products::setInvalid, problem.message());
                    } else if (problem.field().startsWith("types")) {
                        invalid(types::setErrorMessage, types::setInvalid, problem.message());
                    }
                }
                if (refusal.fieldProblems().isEmpty()) {
                    error(refusal.reason());
                }
            }
        });
        save.setId("save-webhook");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private static void invalid(Consumer<String> message, Consumer<Boolean> flag, String text) {
        message.accept(Character.toUpperCase(text.charAt(0)) + text.substring(1));
        flag.accept(true);
    }

    /** The secret of a webhook just created: shown this once, with how to check a signature. */
    private static void secret(TeamWebhooks.CreatedWebhook created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Webhook added: its signing secret");
        dialog.setWidth("44em");
        TextField shown = new TextField("Secret");
        shown.setValue(created.secret());
        shown.setReadOnly(true);
        shown.setWidthFull();
        shown.setId("webhook-secret");
        shown.setHelperText("Copy it now (select it, then Ctrl+C): it is shown only this once.");
        dialog.add(shown, new Paragraph("Each delivery carries X-Agora-Signature: sha256=<hex HMAC-SHA256 of the "
                + "exact body, keyed with this secret>. To check one:"), new Pre(RECIPE));
        Button close = new Button("Close", click -> dialog.close());
        close.setId("close-secret");
        dialog.getFooter().add(close);
        dialog.open();
    }

    static void confirmDelete(TeamWebhooks webhooks, TeamWebhooks.WebhookView webhook, String viewer,
            Runnable deleted) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Delete the webhook to " + webhook.url() + "?");
        confirm.add(new Paragraph("It receives nothing more; deliveries not yet made are dropped."));
        Button delete = new Button("Delete", click -> {
            try {
                webhooks.delete(webhook.id(), viewer);
                confirm.close();
                Notification.show("The webhook is deleted.", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                deleted.run();
            } catch (Refusal refusal) {
                confirm.close();
                error(refusal.reason());
            }
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        delete.setId("confirm-delete-webhook");
        confirm.getFooter().add(new Button("Cancel", click -> confirm.close()), delete);
        confirm.open();
    }

    static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
