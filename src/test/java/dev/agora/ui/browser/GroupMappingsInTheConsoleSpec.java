package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** An administrator maps a provider group to a team in Admin → Group mappings, and deletes the mapping again. */
@QuarkusTest
class GroupMappingsInTheConsoleSpec extends BrowserSpec {

    private static final By GROUP = By.cssSelector("#mapping-group input");
    private static final By ADD = By.id("add-mapping");
    private static final By NOTICE = By.cssSelector("vaadin-notification-card");

    @Test
    void an_admin_adds_a_mapping_sees_it_listed_and_deletes_it_after_confirming() {
        String group = "console-owners-" + UUID.randomUUID().toString().substring(0, 8);
        LoginPage.open(browser).signInAs("admin", "agora-demo").navigateTo("Admin");
        browser.reach(By.xpath("//vaadin-tab[normalize-space(.)='Group mappings']")).click();

        browser.reach(GROUP).sendKeys(group, Keys.TAB);
        browser.reach(By.id("mapping-role")).click();
        browser.chooseSelectItem("OWNER of a team");
        browser.waitUntilGone(By.cssSelector("vaadin-select-overlay[opened]"));
        browser.reach(By.id("mapping-team")).click();
        browser.chooseSelectItem("sales-analytics");
        browser.waitUntilGone(By.cssSelector("vaadin-select-overlay[opened]"));
        browser.reach(ADD).click();

        assertThat(browser.waitFor(NOTICE).getText())
                .contains("Added: " + group + " → OWNER of team sales-analytics");
        assertThat(browser.waitForText(group)).contains("team sales-analytics");
        browser.screenshot("group-mappings");

        browser.reach(By.cssSelector("vaadin-button[aria-label='Delete mapping " + group
                + " → OWNER of team sales-analytics']")).click();
        browser.waitFor(By.xpath("//vaadin-confirm-dialog-overlay//*[contains(., 'Delete this group mapping?')]"));
        browser.reach(By.cssSelector("vaadin-button[slot='confirm-button']")).click();

        browser.waitUntil(d -> !d.findElement(By.id("mappings-grid")).getText().contains(group));
        assertThat(browser.waitForText("Deleted: " + group)).doesNotContain(group + "\nOWNER");
    }

    @Test
    void an_admin_who_forgets_the_group_is_told_so() {
        LoginPage.open(browser).signInAs("admin", "agora-demo").navigateTo("Admin");
        browser.reach(By.xpath("//vaadin-tab[normalize-space(.)='Group mappings']")).click();

        browser.reach(ADD).click();

        assertThat(browser.waitFor(By.xpath("//vaadin-notification-card[contains(., 'Group: must not be empty')]"))
                .getText()).contains("Group: must not be empty");
    }
}
