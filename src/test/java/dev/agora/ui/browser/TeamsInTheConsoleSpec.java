package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.People;
import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** An administrator creates a team in Admin → Teams and adds an owner with the person picker. */
@QuarkusTest
class TeamsInTheConsoleSpec extends BrowserSpec {

    private static final By NOTICE = By.cssSelector("vaadin-notification-card");

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    @Test
    void an_admin_creates_a_team_adds_an_owner_with_the_picker_and_the_grid_shows_them() {
        String team = "console-team-" + UUID.randomUUID().toString().substring(0, 8);
        String person = new People(accounts, directory).person("picked");
        LoginPage.open(browser).signInAs("admin", "agora-demo").navigateTo("Admin");
        browser.reach(By.xpath("//vaadin-tab[normalize-space(.)='Teams']")).click();

        browser.reach(By.id("new-team")).click();
        browser.reach(By.cssSelector("#team-slug input")).sendKeys(team, Keys.TAB);
        browser.reach(By.cssSelector("#team-name input")).sendKeys("Console Team", Keys.TAB);
        browser.reach(By.id("team-domain")).click();
        browser.chooseSelectItem("sales");
        browser.waitUntilGone(By.cssSelector("vaadin-select-overlay[opened]"));
        browser.reach(By.id("save-team")).click();
        assertThat(browser.waitFor(NOTICE).getText()).contains("Created team " + team);
        // the team's notification channel, set on its page (here through the API), shows in the grid
        dev.agora.support.Api.as("admin").body(java.util.Map.of("kind", "slack",
                        "url", "http://127.0.0.1:9/services/T0001/B0001/console"))
                .put("/api/v1/teams/" + team + "/notification-channel").then().statusCode(200);

        browser.reach(By.cssSelector("#teams-filter input")).sendKeys(team);
        // the filter re-renders the rows, and with them their buttons: click only once it has
        browser.waitUntil(d -> {
            String rows = gridText(d);
            return rows.contains(team) && !rows.contains("sales-analytics");
        });
        assertThat(gridText(browser.driver())).contains("Slack: 127.0.0.1");
        assertThat(browser.reach(By.cssSelector("a[aria-label='Page of team " + team + "']")).getAttribute("href"))
                .endsWith("/teams/" + team);
        browser.clickUntilShown(By.cssSelector("vaadin-button[aria-label='Members of team " + team + "']"),
                By.cssSelector("#member-picker input"));
        browser.reach(By.cssSelector("#member-picker input")).sendKeys(person);
        browser.clickAsScript(By.xpath("//vaadin-combo-box-item[contains(., '" + person + "')]"));
        browser.reach(By.id("member-role")).click();
        browser.chooseSelectItem("OWNER");
        browser.waitUntilGone(By.cssSelector("vaadin-select-overlay[opened]"));
        browser.reach(By.id("add-member")).click();
        browser.waitUntil(d -> d.findElement(By.id("members-grid")).getText().contains(person));
        assertThat(directory.membersWithRole(team, TeamRole.OWNER)).containsExactly(person);

        browser.reach(By.id("close-members")).click();
        browser.waitUntilGone(By.cssSelector("vaadin-dialog-overlay[opened]"));
        browser.waitUntil(d -> gridText(d).contains("owner: " + person));
        browser.screenshot("admin-teams");
    }

    /** The grid's text in one script call: a re-rendered grid replaces its cells. */
    private static String gridText(org.openqa.selenium.WebDriver driver) {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.getElementById('teams-grid').innerText"));
    }

    @Test
    void an_admin_who_leaves_the_name_empty_is_told_so() {
        LoginPage.open(browser).signInAs("admin", "agora-demo").navigateTo("Admin");
        browser.reach(By.xpath("//vaadin-tab[normalize-space(.)='Teams']")).click();

        browser.reach(By.id("new-team")).click();
        browser.reach(By.cssSelector("#team-slug input")).sendKeys("no-name-" + UUID.randomUUID().toString()
                .substring(0, 8), Keys.TAB);
        browser.reach(By.id("save-team")).click();

        assertThat(browser.waitFor(By.xpath("//vaadin-notification-card[contains(., 'Name: must not be blank')]"))
                .getText()).contains("Domain: choose the domain");
    }
}
