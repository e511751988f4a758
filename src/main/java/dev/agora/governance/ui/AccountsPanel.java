package dev.agora.governance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.agora.identity.AccountAdministration;
import dev.agora.identity.AccountKind;
import dev.agora.identity.AccountLinks;
import dev.agora.identity.AccountSearch;
import dev.agora.identity.Directory;
import dev.agora.identity.PersonalTokens;
import dev.agora.identity.PlatformRole;
import dev.agora.platform.Refusal;
import dev.agora.ui.PersonalTokensDialog;
import java.util.stream.Collectors;

/**
 * People: a search over the accounts, paged in the database as the grid scrolls; an account opened in full, its
 * platform role changed, a leaver deactivated and reactivated. The rules live in AccountAdministration (and
 * AccountLinks for provider identities); this panel only shows and asks.
 */
class AccountsPanel extends VerticalLayout {

    private final AccountSearch search;
    private final AccountAdministration administration;
    private final AccountLinks links;
    private final String actor;
    private final PersonalTokens tokens;
    private final Grid<Directory.UserSummary> grid = new Grid<>();
    private final TextField query = new TextField();
    private final Span found = new Span();

    AccountsPanel(AccountSearch search, AccountAdministration administration, AccountLinks links,
            PersonalTokens tokens, String actor) {
        this.search = search;
        this.administration = administration;
        this.tokens = tokens;
        this.links = links;
        this.actor = actor;
        setPadding(false);
        setSizeFull();
        query.setPlaceholder("Search by name, username or e-mail");
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setMaxLength(AccountSearch.MAX_QUERY);
        query.setWidth("24em");
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.addValueChangeListener(event -> refresh());
        query.setId("people-search");
        query.getElement().setAttribute("aria-label", "Search people");
        found.setId("people-found");
        HorizontalLayout bar = new HorizontalLayout(query, found);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        // ordered by username in the database: sorting a column would sort only the page in view
        grid.addColumn(Directory.UserSummary::username).setHeader("Username");
        grid.addColumn(Directory.UserSummary::displayName).setHeader("Name");
        grid.addColumn(Directory.UserSummary::email).setHeader("E-mail");
        grid.addColumn(u -> u.platformRole().name()).setHeader("Role");
        grid.addColumn(u -> u.enabled() ? "active" : "deactivated").setHeader("Status");
        grid.addColumn(AccountsPanel::signsInWith).setHeader("Signs in with").setFlexGrow(2)
                .setTooltipGenerator(AccountsPanel::signsInWith);
        grid.addColumn(u -> String.join(", ", u.teams())).setHeader("Teams").setFlexGrow(2)
                .setTooltipGenerator(u -> String.join(", ", u.teams()));
        grid.addComponentColumn(this::openAction).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::linkAction).setAutoWidth(true);
        grid.addComponentColumn(this::tokensAction).setHeader("API tokens").setAutoWidth(true).setFlexGrow(0);
        grid.setId("users-grid");
        add(bar, grid);
        refresh();
    }

    private Button openAction(Directory.UserSummary user) {
        Button button = new Button("Open", click -> openAccount(user.username()));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("aria-label", "Open " + user.username());
        return button;
    }

    private void openAccount(String username) {
        AccountSearch.AccountDetails account;
        try {
            account = search.details(actor, username);
        } catch (Refusal refusal) {
            notice(refusal.reason(), NotificationVariant.LUMO_ERROR);
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("account-dialog");
        dialog.setHeaderTitle(account.displayName() + " (" + account.username() + ")");
        VerticalLayout facts = new VerticalLayout();
        facts.setPadding(false);
        facts.setSpacing(false);
        facts.add(fact("Status", account.status() == AccountSearch.Status.ACTIVE ? "active" : "deactivated"),
                fact("E-mail", account.email() == null ? "—" : account.email()),
                fact("Platform role", account.platformRole().name()
                        + (account.platformRoleSource() == dev.agora.identity.MembershipSource.PROVIDER
                                ? " (from the provider's groups)" : "")),
                fact("Signs in with", account.signsInWith().isEmpty() ? "cannot sign in"
                        : String.join(" and ", account.signsInWith())),
                fact("Teams", account.memberships().isEmpty() ? "none" : account.memberships().stream()
                        .map(m -> m.team() + " (" + m.role() + ")").collect(Collectors.joining(", "))),
                fact("Steward of", account.stewardOf().isEmpty() ? "none" : String.join(", ", account.stewardOf())),
                fact("Live API tokens", Long.toString(account.liveApiTokens())),
                fact("Opened", account.createdAt().toString().substring(0, 10)),
                fact("Last sign-in through the provider", account.lastSignInAt() == null ? "—"
                        : account.lastSignInAt().toString().substring(0, 16).replace('T', ' ')));

        Select<PlatformRole> role = new Select<>();
        role.setLabel("Platform role");
        role.setItems(PlatformRole.values());
        role.setValue(account.platformRole());
        role.setId("account-role");
        Button changeRole = new Button("Change role", click -> {
            try {
                AccountSearch.AccountDetails changed = administration.changePlatformRole(username, role.getValue(),
                        actor);
                notice(changed.username() + " is now " + changed.platformRole() + ".",
                        NotificationVariant.LUMO_SUCCESS);
                dialog.close();
                refresh();
            } catch (Refusal refusal) {
                notice(refusal.reason(), NotificationVariant.LUMO_ERROR);
            }
        });
        changeRole.setId("change-role");
        HorizontalLayout roleLine = new HorizontalLayout(role, changeRole);
        roleLine.setAlignItems(FlexComponent.Alignment.BASELINE);

        Button status = account.status() == AccountSearch.Status.ACTIVE
                ? new Button("Deactivate", click -> confirmDeactivation(username, dialog))
                : new Button("Reactivate", click -> reactivate(username, dialog));
        status.addThemeVariants(account.status() == AccountSearch.Status.ACTIVE
                ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
        status.setId(account.status() == AccountSearch.Status.ACTIVE ? "deactivate-account" : "reactivate-account");
        dialog.add(facts, roleLine);
        dialog.getFooter().add(new Button("Close", click -> dialog.close()), status);
        dialog.setWidth("40em");
        dialog.open();
    }

    private void confirmDeactivation(String username, Dialog account) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Deactivate " + username + "?");
        confirm.setText("They can no longer sign in; their sessions and API tokens end, their active access is "
                + "revoked and their pending requests are cancelled. Their products stay with their team. "
                + "Reactivating them later gives none of it back.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Deactivate");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                AccountAdministration.StatusChange change = administration.deactivate(username, actor);
                notice(change.changed() ? username + " is deactivated: access, requests, sessions and tokens ended."
                        : username + " was already deactivated.", NotificationVariant.LUMO_SUCCESS);
                account.close();
                refresh();
            } catch (Refusal refusal) {
                notice(refusal.reason(), NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.open();
    }

    private void reactivate(String username, Dialog account) {
        try {
            AccountAdministration.StatusChange change = administration.reactivate(username, actor);
            notice(change.changed() ? username + " can sign in again; access must be requested anew."
                    : username + " was already active.", NotificationVariant.LUMO_SUCCESS);
            account.close();
            refresh();
        } catch (Refusal refusal) {
            notice(refusal.reason(), NotificationVariant.LUMO_ERROR);
        }
    }

    private static HorizontalLayout fact(String label, String value) {
        Span name = new Span(label + ":");
        name.getStyle().set("font-weight", "600").set("min-width", "14em");
        HorizontalLayout line = new HorizontalLayout(name, new Span(value));
        line.setSpacing(true);
        return line;
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

    /** Pages of the search, fetched as the grid scrolls; a refused search (too long) shows as a notice. */
    private void refresh() {
        String text = query.getValue();
        long total;
        try {
            total = search.count(actor, text);
        } catch (Refusal refusal) {
            notice(refusal.fieldProblems().isEmpty() ? refusal.reason() : refusal.fieldProblems().stream()
                    .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")),
                    NotificationVariant.LUMO_ERROR);
            return;
        }
        found.setText(total == 1 ? "1 account" : total + " accounts");
        grid.setItems(page -> search.find(actor, text, page.getOffset(), page.getLimit()).stream(),
                page -> (int) Math.min(Integer.MAX_VALUE, search.count(actor, text)));
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
