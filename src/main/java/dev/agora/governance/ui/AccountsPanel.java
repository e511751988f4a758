package dev.agora.governance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.agora.identity.AccountKind;
import dev.agora.identity.AccountLinks;
import dev.agora.identity.Directory;
import dev.agora.identity.PersonalTokens;
import dev.agora.platform.Refusal;
import dev.agora.ui.PersonalTokensDialog;
import java.util.stream.Collectors;

/** The accounts, how each signs in, and linking one to a provider identity. The rules live in AccountLinks. */
class AccountsPanel extends VerticalLayout {

    private final Directory directory;
    private final AccountLinks links;
    private final String actor;
    private final PersonalTokens tokens;
    private final Grid<Directory.UserSummary> grid = new Grid<>();

    AccountsPanel(Directory directory, AccountLinks links, PersonalTokens tokens, String actor) {
        this.directory = directory;
        this.tokens = tokens;
        this.links = links;
        this.actor = actor;
        setPadding(false);
        setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addColumn(Directory.UserSummary::username).setHeader("Username").setSortable(true);
        grid.addColumn(Directory.UserSummary::displayName).setHeader("Name").setSortable(true);
        grid.addColumn(Directory.UserSummary::email).setHeader("E-mail");
        grid.addColumn(u -> u.platformRole().name()).setHeader("Role").setSortable(true);
        grid.addColumn(u -> u.enabled() ? "active" : "disabled").setHeader("Status");
        grid.addColumn(AccountsPanel::signsInWith).setHeader("Signs in with").setFlexGrow(2)
                .setTooltipGenerator(AccountsPanel::signsInWith);
        grid.addColumn(u -> String.join(", ", u.teams())).setHeader("Teams").setFlexGrow(2)
                .setTooltipGenerator(u -> String.join(", ", u.teams()));
        grid.addComponentColumn(this::linkAction).setAutoWidth(true);
        grid.addComponentColumn(this::tokensAction).setHeader("API tokens").setAutoWidth(true).setFlexGrow(0);
        grid.setId("users-grid");
        add(grid);
        refresh();
    }

    private Button tokensAction(Directory.UserSummary user) {
        Button button = new Button("Tokens",
                click -> PersonalTokensDialog.ofAccount(tokens, user.username(), actor).open());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("aria-label", "API tokens of " + user.username());
        return button;
    }

    private static String signsInWith(Directory.UserSummary user) {
        if (user.signsInWith().isEmpty()) {
            return "cannot sign in";
        }
        return user.signsInWith().stream()
                .map(way -> way.equals(Directory.WITH_SINGLE_SIGN_ON) && user.ssoIssuer() != null
                        ? way + " (" + user.ssoIssuer() + ")" : way)
                .collect(Collectors.joining(" and "))
                + (user.kind() == AccountKind.CLIENT ? ", pipeline client" : "");
    }

    private Button linkAction(Directory.UserSummary user) {
        Button action;
        if (user.ssoSubject() != null) {
            action = new Button("Unlink", click -> confirmUnlink(user));
            action.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        } else {
            action = new Button("Link to provider identity", click -> openLinkDialog(user));
            action.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            action.setEnabled(user.kind() == AccountKind.PERSON);
        }
        action.getElement().setAttribute("aria-label", action.getText() + " " + user.username());
        return action;
    }

    private void openLinkDialog(Directory.UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Link " + user.username() + " to a provider identity");
        TextField subject = new TextField("Subject (the token's sub claim)");
        subject.setWidthFull();
        subject.setId("link-subject");
        TextField issuer = new TextField("Issuer");
        issuer.setWidthFull();
        issuer.setId("link-issuer");
        links.defaultIssuer().ifPresent(issuer::setValue);
        Button link = new Button("Link", click -> {
            try {
                AccountLinks.Link done = links.link(user.username(), issuer.getValue(), subject.getValue(), actor);
                notice(done.username() + " now signs in through " + done.issuer() + " as subject " + done.subject()
                        + ".", NotificationVariant.LUMO_SUCCESS);
                dialog.close();
                refresh();
            } catch (Refusal refusal) {
                notice(refusal.fieldProblems().isEmpty() ? refusal.reason() : refusal.fieldProblems().stream()
                        .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")),
                        NotificationVariant.LUMO_ERROR);
            }
        });
        link.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        link.setId("link-account");
        dialog.add(new VerticalLayout(new Paragraph("Sign-in through the provider with this identity then lands in "
                + user.username() + " instead of an account of its own."), subject, issuer));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), link);
        dialog.setWidth("36em");
        dialog.open();
    }

    private void confirmUnlink(Directory.UserSummary user) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Unlink " + user.username() + "?");
        confirm.setText("Its sessions end, and the next sign-in through the provider opens an account of its own.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Unlink");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                links.unlink(user.username(), actor);
                notice(user.username() + " is no longer linked to a provider identity.",
                        NotificationVariant.LUMO_SUCCESS);
            } catch (Refusal refusal) {
                notice(refusal.reason(), NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(directory.users());
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
