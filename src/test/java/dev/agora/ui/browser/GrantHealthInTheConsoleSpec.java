package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An administrator reads the grants' health in the console and runs a reconciliation from there. */
@QuarkusTest
class GrantHealthInTheConsoleSpec extends BrowserSpec {

    @Test
    void an_admin_reconciles_from_the_console_and_reads_what_it_found() {
        LoginPage.open(browser).signInAs("admin", "agora-demo").navigateTo("Admin");

        browser.reach(By.xpath("//vaadin-tab[normalize-space(.)='Grant health']")).click();
        browser.reach(By.id("reconcile-now")).click();

        String notice = browser.waitFor(By.cssSelector("vaadin-notification-card")).getText();
        assertThat(notice).startsWith("Checked ");
        assertThat(browser.waitForText("Last reconciliation")).contains("by admin");
        browser.screenshot("grant-health");
    }
}
