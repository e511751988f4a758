package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ShellPage;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A person signs in with a local account in a real browser, sees the Agora shell and signs out again. */
@QuarkusTest
class SigningInSpec extends BrowserSpec {

    @Test
    void a_wrong_password_keeps_the_person_on_the_login_page_with_an_explanation() {
        LoginPage login = LoginPage.open(browser).signInExpectingRefusal("olivia", "not-her-password");

        assertThat(login.showsError()).isTrue();
        assertThat(login.errorText()).contains("Wrong username or password");
        assertThat(browser.currentPath()).isEqualTo("/login");
        browser.screenshot("login-refused");
    }

    @Test
    void a_consumer_sees_catalog_requests_and_approvals_but_no_admin() {
        LoginPage.open(browser);
        browser.screenshot("login");

        ShellPage shell = new LoginPage(browser).signInAs("marco", "agora-demo");

        assertThat(shell.heading()).isEqualTo("Welcome, Marco Consumer");
        assertThat(shell.navigation()).containsExactly("Home", "Catalog", "My requests", "Approvals", "Basket", "Teams");
        assertThat(shell.pageText()).contains("Marketing Insights").contains("MEMBER");
        browser.screenshot("home");
    }

    @Test
    void an_admin_also_sees_the_admin_console_with_the_organisation_and_the_audit_trail() {
        ShellPage shell = LoginPage.open(browser).signInAs("admin", "agora-demo");

        assertThat(shell.navigation()).containsExactly("Home", "Catalog", "My requests", "Approvals", "Basket", "Teams",
                "Admin");
        ShellPage admin = shell.navigateTo("Admin");

        assertThat(admin.heading()).isEqualTo("Administration");
        // the console opens on its dashboard; the accounts are one tab further
        browser.reach(By.xpath("//vaadin-tab[normalize-space(.)='Users']")).click();
        // the organisation's tabs, and the accounts grid with its rows (it renders those in view: which accounts
        // come first by name depends on what the specs opened before, so no particular one is expected)
        // the accounts grid loads its rows lazily, a page at a time
        browser.waitUntil(driver -> admin.pageText().matches("(?s).*\\S+@\\S+\\.\\S+.*"));
        assertThat(admin.pageText()).contains("Dashboard", "Users", "Teams", "Domains", "Policies", "Audit trail",
                        "Grant health")
                .containsPattern("\\S+@\\S+\\.\\S+").contains("active");
        browser.screenshot("admin");
    }

    @Test
    void signing_out_ends_the_session_so_that_pages_ask_for_sign_in_again() {
        ShellPage shell = LoginPage.open(browser).signInAs("olivia", "agora-demo");

        shell.signOut();
        browser.open("catalog");

        new LoginPage(browser);
        assertThat(browser.currentPath()).isEqualTo("/login");
    }
}
