package dev.agora.identity.sso;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.agora.identity.ExternalIdentity;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.SessionTickets;
import dev.agora.platform.web.SessionCookies;
import dev.agora.support.Api;
import dev.agora.ui.browser.BrowserSpec;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ShellPage;
import org.openqa.selenium.Cookie;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A browser session opened through single sign-on is an ordinary Agora session: the signed ticket alone, checked on
 * every request like any other (account enabled, session version, absolute lifetime), never valid on the API. The
 * provider itself is exercised end to end in SigningInThroughKeycloakIT; here single sign-on is off, as on the
 * embedded default, and its pages send the browser to the login page.
 */
@QuarkusTest
class SingleSignOnSessionsSpec extends BrowserSpec {

    @Inject
    SsoSessions sessions;

    @Inject
    SessionTickets tickets;

    @Inject
    LocalAccounts accounts;

    private static ExternalIdentity someone() {
        String subject = UUID.randomUUID().toString();
        return new ExternalIdentity("https://sso.example.org/realms/agora", subject, "sso-" + subject.substring(0, 8),
                "Sso Person", null, Optional.of(Set.of()), Optional.empty());
    }

    private static Response openThePortal(String ticket) {
        return given().redirects().follow(false).cookie(SessionCookies.TICKET, ticket).get("/requests");
    }

    private String usernameOf(String ticket) {
        return tickets.read(ticket).orElseThrow().username();
    }

    /** Opens "My requests" in Chromium with nothing but the given session ticket. */
    private void openWithTicket(String ticket) {
        browser.forgetSession();
        browser.driver().manage().addCookie(new Cookie(SessionCookies.TICKET, ticket, "/"));
        browser.open("requests");
    }

    @Test
    void the_ticket_of_a_single_sign_on_opens_the_portal_on_its_own() {
        String ticket = sessions.open(someone());
        assertThat(tickets.read(ticket)).hasValueSatisfying(t -> assertThat(t.singleSignOn()).isTrue());

        openWithTicket(ticket);

        assertThat(new ShellPage(browser).heading()).isEqualTo("My requests");
    }

    @Test
    void a_login_form_ticket_without_its_credential_cookie_opens_nothing() {
        String username = usernameOf(sessions.open(someone()));

        openWithTicket(tickets.issue(username, accounts.sessionVersion(username)));

        new LoginPage(browser);
        assertThat(browser.currentPath()).isEqualTo("/login");
    }

    @Test
    void the_session_ends_when_the_account_is_disabled_or_signs_out_everywhere() {
        String first = sessions.open(someone());
        String username = usernameOf(first);
        Api.as("admin").post("/api/v1/admin/users/" + username + "/disable").then().statusCode(204);

        openThePortal(first).then().statusCode(302).header("Location", containsString("/login"));

        ExternalIdentity other = someone();
        String second = sessions.open(other);
        accounts.endSessions(usernameOf(second), "spec");
        openThePortal(second).then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void the_ticket_does_not_authorise_the_api() {
        String ticket = sessions.open(someone());

        given().cookie(SessionCookies.TICKET, ticket).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void with_single_sign_on_off_its_pages_lead_to_the_login_page() {
        given().redirects().follow(false).get("/sso/login?to=/catalog").then().statusCode(302)
                .header("Location", equalTo("/login?sso=off"));
        given().redirects().follow(false).get("/sso/logout").then().statusCode(302)
                .header("Location", equalTo("/login?signed-out"));
        given().redirects().follow(false).get("/sso/callback?code=x&state=y").then().statusCode(302)
                .header("Location", containsString("/login?sso="));
    }
}
