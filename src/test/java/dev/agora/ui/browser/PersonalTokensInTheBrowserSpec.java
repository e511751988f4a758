package dev.agora.ui.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.agora.support.Api;
import dev.agora.ui.browser.pages.ApiTokensDialog;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ShellPage;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A person creates a personal API token in the user menu, copies its secret (shown once), a script uses it, and
 * the person revokes it; an administrator sees and revokes anyone's tokens from the console.
 */
@QuarkusTest
class PersonalTokensInTheBrowserSpec extends BrowserSpec {

    private static final String PASSWORD = "token-browser-secret";
    private String name;

    @BeforeEach
    void anAccount() {
        name = "tokens-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("admin").body(Map.of("username", name, "displayName", "Tess Token", "password", PASSWORD))
                .post("/api/v1/admin/users").then().statusCode(201);
        browser.forgetSession();
    }

    private static int callAs(String secret) {
        return given().header("Authorization", "Bearer " + secret).get("/api/v1/me").statusCode();
    }

    @Test
    void a_token_made_in_the_user_menu_works_for_a_script_until_it_is_revoked() {
        ShellPage shell = LoginPage.open(browser).signInAs(name, PASSWORD);
        ApiTokensDialog dialog = shell.openApiTokens().create("release pipeline", 7);

        String secret = dialog.secret();
        assertThat(secret).startsWith("agora_pat_");
        dialog.waitForCell("release pipeline");
        browser.screenshot("api-token-created");
        given().header("Authorization", "Bearer " + secret).get("/api/v1/me")
                .then().statusCode(200).body("username", equalTo(name));

        dialog.close();
        dialog = shell.openApiTokens().waitForCell("release pipeline");
        assertThat(dialog.showsASecret()).as("the secret is shown only once").isFalse();
        assertThat(dialog.cells()).doesNotContain("never").contains("agora_pat_" + secret.substring(10, 14) + "…");

        assertThat(dialog.revokeTheToken()).contains("is revoked");
        assertThat(callAs(secret)).isEqualTo(401);
    }

    @Test
    void an_administrator_revokes_a_persons_token_from_the_console() {
        String secret = Api.as(name, PASSWORD).body(Map.of("name", "old laptop")).post("/api/v1/me/tokens")
                .then().statusCode(201).extract().path("token");

        LoginPage.open(browser).signInAs("admin", Api.DEMO_PASSWORD).navigateTo("Admin");
        browser.openTab("Users");
        // the test database holds many accounts: find the person first
        browser.reach(By.cssSelector("#people-search input")).sendKeys(name);
        browser.waitUntil(d -> d.findElement(By.id("people-found")).getText().equals("1 account"));
        browser.reach(By.cssSelector("vaadin-button[aria-label='API tokens of " + name + "']")).click();
        ApiTokensDialog dialog = new ApiTokensDialog(browser).waitForCell("old laptop");
        browser.screenshot("api-tokens-of-an-account");

        assertThat(dialog.revokeTheToken()).contains("is revoked");
        assertThat(callAs(secret)).isEqualTo(401);
    }
}
