package dev.agora.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.agora.platform.web.SessionCookies;
import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A browser session is the encrypted credential cookie plus Agora's signed ticket. It ends at the absolute
 * lifetime (SessionTicketsSpec), and everywhere at once when the account signs out, changes its password or is
 * disabled.
 */
@QuarkusTest
class BrowserSessionsSpec {

    private static final String PASSWORD = "the-first-secret";

    @Inject
    LocalAccounts accounts;

    private String name;

    @BeforeEach
    void anAccount() {
        name = AccountAdministrationSpec.uniqueName();
        Api.as("admin").body(AccountAdministrationSpec.account(name, PASSWORD)).post("/api/v1/admin/users")
                .then().statusCode(201);
    }

    private Map<String, String> signIn() {
        Response response = given().redirects().follow(false).cookie(SessionCookies.SERVLET_SESSION, "fixed-by-someone")
                .formParam("username", name).formParam("password", PASSWORD).post("/j_security_check");
        response.then().statusCode(302);
        return Map.of(SessionCookies.CREDENTIAL, response.getCookie(SessionCookies.CREDENTIAL),
                SessionCookies.TICKET, response.getCookie(SessionCookies.TICKET));
    }

    private static Response openThePortal(Map<String, String> cookies) {
        return given().redirects().follow(false).cookies(cookies).get("/requests");
    }

    private static void works(Map<String, String> session) {
        openThePortal(session).then().statusCode(200);
    }

    private static void hasEnded(Map<String, String> session) {
        openThePortal(session).then().statusCode(302).header("Location", containsString("/login"));
    }

    @Nested
    class At_sign_in {

        @Test
        void a_session_works_with_its_ticket() {
            works(signIn());
        }

        @Test
        void the_credential_without_its_ticket_is_no_session() {
            hasEnded(Map.of(SessionCookies.CREDENTIAL, signIn().get(SessionCookies.CREDENTIAL)));
        }

        @Test
        void a_ticket_of_another_session_of_another_account_does_not_fit() {
            Map<String, String> mine = signIn();
            String someoneElses = given().redirects().follow(false).formParam("username", "stella")
                    .formParam("password", Api.DEMO_PASSWORD).post("/j_security_check").getCookie(SessionCookies.TICKET);

            hasEnded(Map.of(SessionCookies.CREDENTIAL, mine.get(SessionCookies.CREDENTIAL),
                    SessionCookies.TICKET, someoneElses));
        }

        @Test
        void the_session_id_is_new_and_the_servlet_session_of_the_login_page_is_dropped() {
            Response response = given().redirects().follow(false)
                    .cookie(SessionCookies.SERVLET_SESSION, "fixed-by-someone")
                    .formParam("username", name).formParam("password", PASSWORD).post("/j_security_check");

            assertThat(response.getDetailedCookie(SessionCookies.SERVLET_SESSION).getMaxAge()).isZero();
            assertThat(signIn().get(SessionCookies.CREDENTIAL)).isNotEqualTo(signIn().get(SessionCookies.CREDENTIAL));
            assertThat(signIn().get(SessionCookies.TICKET)).isNotEqualTo(signIn().get(SessionCookies.TICKET));
        }
    }

    @Nested
    class Every_session_of_the_account_ends {

        @Test
        void when_it_signs_out() {
            Map<String, String> here = signIn();
            Map<String, String> elsewhere = signIn();

            accounts.endSessions(name, name); // what the user menu's "Sign out" does

            hasEnded(here);
            hasEnded(elsewhere);
            works(signIn());
        }

        @Test
        void when_its_password_changes() {
            Map<String, String> session = signIn();

            Api.as(name, PASSWORD).body(Map.of("currentPassword", PASSWORD, "newPassword", "the-second-secret"))
                    .put("/api/v1/me/password").then().statusCode(204);

            hasEnded(session);
        }

        @Test
        void when_it_is_disabled() {
            Map<String, String> session = signIn();

            Api.as("admin").post("/api/v1/admin/users/" + name + "/disable").then().statusCode(204);

            hasEnded(session);
        }

        @Test
        void but_not_those_of_other_accounts() {
            Response stella = given().redirects().follow(false).formParam("username", "stella")
                    .formParam("password", Api.DEMO_PASSWORD).post("/j_security_check");
            Map<String, String> stellas = Map.of(SessionCookies.CREDENTIAL, stella.getCookie(SessionCookies.CREDENTIAL),
                    SessionCookies.TICKET, stella.getCookie(SessionCookies.TICKET));

            accounts.endSessions(name, name);

            works(stellas);
        }
    }
}
