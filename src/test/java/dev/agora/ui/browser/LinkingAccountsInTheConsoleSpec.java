package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.identity.LocalAccounts;
import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** An administrator links a local account to a provider identity in Admin → Users, and unlinks it again. */
@QuarkusTest
class LinkingAccountsInTheConsoleSpec extends BrowserSpec {

    private static final String ISSUER = "https://idp.console.example.org/realms/agora";

    @Inject
    LocalAccounts accounts;

    @Test
    void an_admin_links_a_local_account_and_unlinks_it() {
        // first in the list by name, so that its row is on screen
        String name = "0link" + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(new LocalAccounts.NewAccount(name, "Console Link", null, "a-good-long-secret", null), "spec");
        LoginPage.open(browser).signInAs("admin", "agora-demo").navigateTo("Admin");
        browser.reach(By.xpath("//vaadin-tab[normalize-space(.)='Users']")).click();

        browser.reach(By.cssSelector("vaadin-button[aria-label='Link to provider identity " + name + "']")).click();
        browser.reach(By.cssSelector("#link-subject input")).sendKeys("subject-of-" + name, Keys.TAB);
        browser.reach(By.cssSelector("#link-issuer input")).sendKeys(ISSUER, Keys.TAB);
        browser.reach(By.id("link-account")).click();

        assertThat(browser.waitFor(By.cssSelector("vaadin-notification-card")).getText())
                .contains(name + " now signs in through " + ISSUER);
        assertThat(browser.waitForText("password and single sign-on (" + ISSUER + ")")).isNotEmpty();
        browser.screenshot("linking-accounts");

        browser.reach(By.cssSelector("vaadin-button[aria-label='Unlink " + name + "']")).click();
        browser.reach(By.cssSelector("vaadin-button[slot='confirm-button']")).click();

        browser.waitForText(name + " is no longer linked to a provider identity.");
        browser.reach(By.cssSelector("vaadin-button[aria-label='Link to provider identity " + name + "']"));
    }
}
