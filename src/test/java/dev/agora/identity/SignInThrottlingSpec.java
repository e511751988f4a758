package dev.agora.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.agora.audit.AuditEvent;
import dev.agora.audit.AuditLog;
import dev.agora.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Password guessing over the API and through the login form: a few failures are answered at once, the next ones
 * later, and past the limit sign-in is refused for a while, even with the right password.
 */
@QuarkusTest
class SignInThrottlingSpec {

    private static final String PASSWORD = "the-right-secret";

    @Inject
    LocalAccounts accounts;
    @Inject
    FailedSignIns failedSignIns;
    @Inject
    AuditLog audit;

    private String name;

    @BeforeEach
    void anAccount() {
        name = AccountAdministrationSpec.uniqueName();
        accounts.open(new LocalAccounts.NewAccount(name, "Throttled Person", null, PASSWORD, PlatformRole.USER),
                "admin");
    }

    private static Response basic(String username, String password) {
        return Api.as(username, password).get("/api/v1/me");
    }

    private static Response form(String username, String password) {
        return given().redirects().follow(false).formParam("username", username).formParam("password", password)
                .post("/j_security_check");
    }

    @Nested
    class Over_http_basic {

        @Test
        void failures_past_the_first_few_are_answered_more_slowly() {
            for (int i = 0; i < 4; i++) {
                basic(name, "wrong-" + i).then().statusCode(401);
            }
            long started = System.nanoTime();
            basic(name, "wrong-again").then().statusCode(401);

            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(450);
        }

        @Test
        void after_ten_failures_even_the_right_password_gets_429_problem_json_with_retry_after() {
            for (int i = 0; i < 10; i++) {
                basic(name, "wrong-" + i).then().statusCode(401);
            }

            basic(name, PASSWORD).then().statusCode(429)
                    .contentType(startsWith("application/problem+json"))
                    .header("Retry-After", matchesPattern("\\d+"))
                    .body("detail", containsString("Too many failed sign-ins; try again in"));
        }

        @Test
        void the_right_password_before_the_limit_clears_the_count() {
            for (int i = 0; i < 9; i++) {
                basic(name, "wrong-" + i).then().statusCode(401);
            }
            basic(name, PASSWORD).then().statusCode(200);
            basic(name, "wrong-once-more").then().statusCode(401);

            basic(name, PASSWORD).then().statusCode(200);
        }
    }

    @Nested
    class Through_the_login_form {

        @Test
        void after_ten_failures_the_form_goes_back_to_the_login_page_saying_how_long_to_wait() {
            for (int i = 0; i < 10; i++) {
                form(name, "wrong-" + i).then().statusCode(302).header("Location", containsString("/login?error"));
            }

            Response throttled = form(name, PASSWORD);
            throttled.then().statusCode(302)
                    .header("Location", matchesPattern(".*/login\\?error&retry=\\d+$"))
                    .header("Retry-After", matchesPattern("\\d+"));
            assertThat(throttled.getCookie("quarkus-credential")).isNull();
        }
    }

    @Nested
    class In_the_audit_trail {

        @Test
        void failures_are_one_row_per_account_address_and_window_with_a_count() {
            for (int i = 0; i < 3; i++) {
                basic(name, "wrong-" + i).then().statusCode(401);
            }
            failedSignIns.write(true);

            List<AuditEvent> failed = audit.about("user", name).stream()
                    .filter(event -> event.action().equals(FailedSignIns.ACTION)).toList();
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).details()).containsEntry("count", 3).containsEntry("via", "http-basic");
        }

        @Test
        void a_name_that_cannot_be_a_username_is_refused_without_auditing() {
            String notAName = "../" + name;
            basic(notAName, "whatever").then().statusCode(401);
            failedSignIns.write(true);

            assertThat(audit.about("user", Username.normalise(notAName))).isEmpty();
            assertThat(audit.latest(20)).noneMatch(event -> event.subjectId().contains("../"));
        }
    }
}
