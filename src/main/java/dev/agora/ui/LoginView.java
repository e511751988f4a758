package dev.agora.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.agora.identity.LocalAccountSettings;
import dev.agora.identity.OidcSettings;
import dev.agora.identity.sso.BrowserSignIn;
import dev.agora.identity.sso.OidcTenants;
import dev.agora.identity.sso.SignInTarget;
import dev.agora.platform.web.LoginFormAnswers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in: through the identity provider when single sign-on is configured ("Sign in with ...", to /sso/login with
 * the page the visitor was going to), and with a local account unless AGORA_LOCAL_ACCOUNTS=false. The form posts to Quarkus' form authentication (j_security_check), which sets
 * the encrypted session cookie and sends the browser on, or back here with "?error".
 */
@Route("login")
@PageTitle("Sign in · Agora")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** Where Quarkus' form authentication remembers the page someone was going to. */
    static final String REDIRECT_LOCATION_COOKIE = "quarkus-redirect-location";

    private final LoginForm form = new LoginForm();
    private final SecurityIdentity identity;
    private final OidcSettings sso;
    private final Paragraph message = new Paragraph();
    private final Anchor ssoButton = new Anchor();

    public LoginView(SecurityIdentity identity, OidcSettings sso, LocalAccountSettings localAccounts) {
        this.identity = identity;
        this.sso = sso;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        H1 brand = new H1("Agora");
        brand.addClassName("login-brand");
        Paragraph tagline = new Paragraph("The data marketplace of your data mesh");
        tagline.addClassName("login-tagline");

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Username");
        i18n.getErrorMessage().setTitle("Wrong username or password");
        i18n.getErrorMessage().setMessage("Check them and try again. Accounts are case-insensitive.");
        form.setI18n(i18n);
        form.setAction("j_security_check");
        form.setForgotPasswordButtonVisible(false);

        message.addClassName("login-message");
        message.getElement().setAttribute("role", "status");
        message.setVisible(false);

        Div card = new Div(brand, tagline, message);
        card.addClassName("login-card");
        if (sso.enabled()) {
            ssoButton.setText("Sign in with " + sso.providerName());
            ssoButton.setHref(OidcTenants.LOGIN_PATH);
            ssoButton.setRouterIgnore(true);
            ssoButton.addClassName("sso-sign-in");
            ssoButton.getStyle().set("display", "block").set("text-align", "center")
                    .set("padding", "var(--lumo-space-m)").set("margin", "var(--lumo-space-m) 0")
                    .set("border-radius", "var(--lumo-border-radius-m)")
                    .set("background", "var(--lumo-primary-color)").set("color", "var(--lumo-primary-contrast-color)")
                    .set("font-weight", "600").set("text-decoration", "none");
            card.add(ssoButton);
        }
        if (localAccounts.enabled()) {
            if (sso.enabled()) {
                i18n.getForm().setTitle("Or with a local account");
                form.setI18n(i18n);
            }
            card.add(form);
        }
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!identity.isAnonymous()) {
            event.forwardTo(HomeView.class);
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (sso.enabled()) {
            ssoButton.setHref(OidcTenants.LOGIN_PATH + "?to="
                    + URLEncoder.encode(wantedPage().orElse("/"), StandardCharsets.UTF_8));
        }
        List<String> failure = parameters.getOrDefault(BrowserSignIn.FAILURE_PARAMETER, List.of());
        if (!failure.isEmpty()) {
            show(switch (failure.get(0)) {
                case BrowserSignIn.REFUSED -> "Agora refused the sign-in: your account is disabled in Agora, or "
                        + "no account can be opened for it. Ask an Agora administrator.";
                case BrowserSignIn.DENIED -> "The identity provider did not let you sign in to Agora.";
                case BrowserSignIn.OFF -> "Single sign-on is not configured here.";
                default -> "Single sign-on did not complete. Please try again.";
            });
        } else if (parameters.containsKey(BrowserSignIn.SIGNED_OUT_PARAMETER)) {
            show("You are signed out.");
        }
        List<String> retry = parameters.getOrDefault(LoginFormAnswers.RETRY_PARAMETER, List.of());
        if (!retry.isEmpty() && retry.get(0).matches("\\d{1,6}")) {
            LoginI18n throttled = LoginI18n.createDefault();
            throttled.getForm().setTitle("Sign in");
            throttled.getForm().setUsername("Username");
            throttled.getErrorMessage().setTitle("Too many failed sign-ins");
            throttled.getErrorMessage().setMessage("Too many failed sign-ins; try again in " + retry.get(0)
                    + " seconds.");
            form.setI18n(throttled);
        }
        form.setError(parameters.containsKey("error"));
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    /**
     * The page the browser was sent here from, as a path of this site: where Vaadin's access control left it in
     * the session, else Quarkus' redirect cookie.
     */
    private static Optional<String> wantedPage() {
        VaadinSession session = VaadinSession.getCurrent();
        Object stored = session == null || session.getSession() == null ? null
                : session.getSession().getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
        if (stored instanceof String path) {
            return Optional.of(SignInTarget.of("/" + path.replaceFirst("^/", "")));
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (REDIRECT_LOCATION_COOKIE.equals(cookie.getName()) && cookie.getValue() != null) {
                try {
                    URI uri = URI.create(cookie.getValue());
                    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                    return Optional.of(SignInTarget.of(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
                } catch (IllegalArgumentException malformed) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
