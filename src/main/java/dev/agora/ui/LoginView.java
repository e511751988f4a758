package dev.agora.ui;

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
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.agora.platform.web.LoginFormAnswers;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;

/**
 * Sign-in with a local account. The form posts to Quarkus' form authentication (j_security_check), which sets
 * the encrypted session cookie and sends the browser on, or back here with "?error".
 */
@Route("login")
@PageTitle("Sign in · Agora")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final SecurityIdentity identity;

    public LoginView(SecurityIdentity identity) {
        this.identity = identity;
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

        Div card = new Div(brand, tagline, form);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!identity.isAnonymous()) {
            event.forwardTo(HomeView.class);
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
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
}
