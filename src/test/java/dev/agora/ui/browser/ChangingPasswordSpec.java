package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Api;
import dev.agora.ui.browser.pages.ChangePasswordDialog;
import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person changes their password from the user menu; refusals are shown on the field they concern. */
@QuarkusTest
class ChangingPasswordSpec extends BrowserSpec {

    private String name;

    @BeforeEach
    void anAccount() {
        name = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("admin").body(Map.of("username", name, "displayName", "Paula Password", "password", "first-secret-1"))
                .post("/api/v1/admin/users").then().statusCode(201);
    }

    @Test
    void a_wrong_current_password_is_shown_on_its_field_and_nothing_changes() {
        ChangePasswordDialog dialog = LoginPage.open(browser).signInAs(name, "first-secret-1").openChangePassword();

        dialog.fillIn("not-my-password", "second-secret-2", "second-secret-2").save();

        assertThat(dialog.errorOf("Current password")).isEqualTo("Is not your current password");
        browser.screenshot("change-password-refused");
        Api.as(name, "first-secret-1").get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void the_new_password_is_the_one_that_signs_in_afterwards() {
        var shell = LoginPage.open(browser).signInAs(name, "first-secret-1");
        ChangePasswordDialog dialog = shell.openChangePassword();

        dialog.fillIn("first-secret-1", "second-secret-2", "second-secret-2").save();

        assertThat(dialog.notification()).contains("Your password is changed");
        assertThat(dialog.isClosed()).isTrue();
        LoginPage.open(browser).signInExpectingRefusal(name, "first-secret-1");
        assertThat(LoginPage.open(browser).signInAs(name, "second-secret-2").heading())
                .isEqualTo("Welcome, Paula Password");
    }
}
