package dev.agora.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.agora.identity.PersonalTokens;
import dev.agora.platform.Refusal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * An account's personal API tokens: created, expires, last used, with a revoke button (after confirmation). For
 * the person themself also a form that creates one and shows its secret once. Administrators open it from the
 * governance console without the form.
 */
public class PersonalTokensDialog extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final PersonalTokens tokens;
    private final String owner;
    private final String actor;
    private final Grid<PersonalTokens.TokenSummary> grid = new Grid<>();
    private final Div secret = new Div();

    /** The person's own tokens, with the form to create one. */
    public static PersonalTokensDialog own(PersonalTokens tokens, String username) {
        return new PersonalTokensDialog(tokens, username, username, true);
    }

    /** An administrator looking at (and revoking) another account's tokens. */
    public static PersonalTokensDialog ofAccount(PersonalTokens tokens, String username, String administrator) {
        return new PersonalTokensDialog(tokens, username, administrator, false);
    }

    private PersonalTokensDialog(PersonalTokens tokens, String owner, String actor, boolean mayCreate) {
        this.tokens = tokens;
        this.owner = owner;
        this.actor = actor;
        setHeaderTitle(mayCreate ? "API tokens" : "API tokens of " + owner);
        addClassName("personal-tokens-dialog");
        setWidth("min(56rem, 95vw)");

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(PersonalTokens.TokenSummary::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(token -> "agora_pat_" + token.hint() + "…").setHeader("Starts with").setAutoWidth(true);
        grid.addColumn(token -> time(token.createdAt())).setHeader("Created");
        grid.addColumn(token -> token.expired() ? "expired " + time(token.expiresAt()) : time(token.expiresAt()))
                .setHeader("Expires");
        grid.addColumn(token -> token.lastUsedAt() == null ? "never" : time(token.lastUsedAt())).setHeader("Last used");
        grid.addComponentColumn(token -> {
            Button revoke = new Button("Revoke", click -> confirmRevoke(token));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return revoke;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setId("tokens-grid");

        if (mayCreate) {
            add(new Paragraph("Scripts and pipelines send a token as 'Authorization: Bearer agora_pat_…' and act "
                    + "as you. Give each its own token, with a name that says what it is for."), createForm());
            secret.addClassName("new-token");
            add(secret);
        }
        add(grid);
        Button close = new Button("Close", click -> close());
        getFooter().add(close);
        refresh();
    }

    private HorizontalLayout createForm() {
        TextField name = new TextField("Name");
        name.setMaxLength(PersonalTokens.MAX_NAME);
        name.setPlaceholder("e.g. nightly export");
        name.setId("new-token-name");
        IntegerField days = new IntegerField("Expires in (days)");
        days.setMin(1);
        days.setMax((int) Math.min(Integer.MAX_VALUE, tokens.maxDays()));
        days.setValue((int) tokens.defaultDays());
        days.setHelperText("at most " + tokens.maxDays());
        days.setId("new-token-days");
        Button create = new Button("Create token", click -> create(name, days));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, days, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private void create(TextField name, IntegerField days) {
        name.setInvalid(false);
        days.setInvalid(false);
        try {
            PersonalTokens.IssuedToken issued = tokens.create(owner, name.getValue(), days.getValue(), actor);
            TextField shown = new TextField("Your new token '" + issued.token().name() + "'");
            shown.setValue(issued.secret());
            shown.setReadOnly(true);
            shown.setWidthFull();
            shown.setId("new-token-secret");
            shown.setHelperText("Copy it now (select it, then Ctrl+C): it is shown only this once.");
            secret.removeAll();
            secret.add(shown);
            name.clear();
            refresh();
        } catch (Refusal refusal) {
            if (refusal.fieldProblems().isEmpty()) {
                Notification.show(refusal.reason(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refusal.fieldProblems().forEach(problem -> {
                var field = problem.field().equals("expiresInDays") ? days : name;
                field.setErrorMessage(capitalised(problem.message()));
                field.setInvalid(true);
            });
        }
    }

    private void confirmRevoke(PersonalTokens.TokenSummary token) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Revoke the token '" + token.name() + "'?");
        confirm.add(new Paragraph("Scripts using it are refused from now on. This cannot be undone."));
        Button revoke = new Button("Revoke", click -> {
            try {
                tokens.revoke(owner, token.id(), actor);
                Notification.show("The token '" + token.name() + "' is revoked.", 4000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (Refusal refusal) {
                Notification.show(refusal.reason(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            confirm.close();
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        revoke.setId("confirm-revoke");
        confirm.getFooter().add(new Button("Cancel", click -> confirm.close()), revoke);
        confirm.open();
    }

    private void refresh() {
        grid.setItems(tokens.of(owner));
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
