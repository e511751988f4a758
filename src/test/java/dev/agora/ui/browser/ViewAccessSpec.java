package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.ui.UnannotatedProbeView;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ShellPage;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Who may open which view is decided on the server at every navigation, not by hiding menu items: typed URLs are
 * checked the same way.
 */
@QuarkusTest
class ViewAccessSpec extends BrowserSpec {

    @Test
    void an_anonymous_visitor_of_any_view_is_sent_to_the_login_page() {
        for (String path : new String[] {"", "catalog", "requests", "approvals", "admin"}) {
            browser.forgetSession();
            browser.open(path);

            new LoginPage(browser);
            assertThat(browser.currentPath()).as("anonymous visit of /" + path).isEqualTo("/login");
        }
    }

    @Test
    void the_admin_console_is_refused_to_a_user_who_types_its_address() {
        LoginPage.open(browser).signInAs("marco", "agora-demo");

        browser.open("admin");

        String refusal = browser.waitFor(By.cssSelector(".access-denied h2")).getText();
        assertThat(refusal).isEqualTo("You do not have access to this page");
        assertThat(browser.driver().findElements(By.id("users-grid"))).isEmpty();
        browser.screenshot("access-denied");
    }

    @Test
    void a_view_without_an_access_annotation_is_refused_even_to_an_admin() {
        LoginPage.open(browser).signInAs("admin", "agora-demo");

        browser.open(UnannotatedProbeView.class.getAnnotation(com.vaadin.flow.router.Route.class).value());

        String page = browser.waitForText("You do not have access to this page");
        assertThat(page).doesNotContain(UnannotatedProbeView.SECRET);
    }

    @Test
    void an_owner_reaches_every_view_of_the_navigation_by_clicking() {
        ShellPage shell = LoginPage.open(browser).signInAs("olivia", "agora-demo");

        assertThat(shell.navigateTo("Catalog").heading()).isEqualTo("Catalog");
        assertThat(shell.navigateTo("My requests").heading()).isEqualTo("My requests");
        assertThat(shell.navigateTo("Approvals").heading()).isEqualTo("Approvals");
        assertThat(shell.navigateTo("Home").heading()).isEqualTo("Welcome, Olivia Owner");
    }
}
