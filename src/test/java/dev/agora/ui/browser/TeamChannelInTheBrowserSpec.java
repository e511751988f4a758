package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.events.outbound.OutboundMessages;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.Eventually;
import dev.agora.support.People;
import dev.agora.support.RecordingEndpoint;
import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A team's owner opens the team page, points the team's notifications at a Slack channel, and sends a test message:
 * it arrives in Slack's format, the page shows the channel only masked, and the delivery is listed with its answer.
 * A member of the team sees the channel but no form.
 */
@QuarkusTest
class TeamChannelInTheBrowserSpec extends BrowserSpec {

    private static final String SECRET = "XyZsecretWebhookToken42";

    @Inject
    LocalAccounts accounts;
    @Inject
    Directory directory;
    @Inject
    OutboundMessages messages;

    RecordingEndpoint slack;
    String owner;
    String member;
    String team;

    @BeforeEach
    void aTeamAndASlackStub() {
        slack = RecordingEndpoint.start();
        People people = new People(accounts, directory);
        owner = people.person("chanowner");
        member = people.person("chanmember");
        team = people.team("chat", "sales");
        people.member(team, owner, TeamRole.OWNER).member(team, member, TeamRole.MEMBER);
        browser.forgetSession();
    }

    @AfterEach
    void stopTheStub() {
        slack.close();
    }

    /** The texts of the recent messages' cells, read in one go (a re-rendered grid replaces its cells). */
    @SuppressWarnings("unchecked")
    private List<String> deliveryCells() {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll('#channel-deliveries vaadin-grid-cell-content'))"
                        + ".map(cell => cell.textContent.trim())");
    }

    @Test
    void an_owner_sets_a_slack_channel_on_the_team_page_and_a_test_message_arrives() throws Exception {
        String path = "/services/T0001/B0001/" + SECRET;
        LoginPage.open(browser).signInAs(owner, People.PASSWORD);
        browser.open("teams/" + team);
        browser.reach(By.id("notification-channel"));
        assertThat(browser.waitFor(By.id("channel-state")).getText()).startsWith("No channel");

        WebElement url = browser.reach(By.cssSelector("#channel-url input"));
        url.sendKeys(slack.url(path));
        browser.reach(By.id("save-channel")).click();
        browser.waitUntil(driver -> driver.findElement(By.id("channel-state")).getText().startsWith("Slack: "));
        browser.reach(By.id("test-channel")).click();

        RecordingEndpoint.Received test = Eventually.within(Duration.ofSeconds(15), "the test message",
                () -> slack.received(path), received -> !received.isEmpty()).get(0);
        assertThat(new ObjectMapper().readTree(test.body()).get("text").asText()).isEqualTo("Test message from Agora");
        Eventually.within(Duration.ofSeconds(15), "the test message recorded as delivered",
                () -> messages.history("slack:" + team, 0, 10),
                sent -> sent.size() == 1 && sent.get(0).status().equals("DELIVERED"));
        // a notification may lie over the button for a few seconds: click it as a script would
        browser.clickAsScript(By.id("refresh-deliveries"));
        browser.waitUntil(driver -> deliveryCells().contains("DELIVERED") && deliveryCells().contains("200"));
        browser.screenshot("team-notification-channel");
        String page = browser.driver().findElement(By.id("notification-channel")).getText();
        assertThat(page).contains("Slack: http://127.0.0.1:").doesNotContain(SECRET);
        assertThat(browser.reach(By.cssSelector("#channel-url input")).getDomProperty("value")).isEmpty();

        browser.forgetSession();
        LoginPage.open(browser).signInAs(member, People.PASSWORD);
        browser.open("teams/" + team);
        assertThat(browser.waitFor(By.id("channel-state")).getText()).startsWith("Slack: ");
        assertThat(browser.driver().findElements(By.id("save-channel"))).isEmpty();
    }

    @Test
    void a_url_that_is_not_a_url_is_refused_on_its_field() {
        LoginPage.open(browser).signInAs(owner, People.PASSWORD);
        browser.open("teams/" + team);
        browser.reach(By.cssSelector("#channel-url input")).sendKeys("not a webhook");
        browser.reach(By.id("save-channel")).click();

        browser.waitUntil(driver -> driver.findElement(By.id("channel-url")).getDomAttribute("invalid") != null);
        assertThat(browser.driver().findElement(By.id("channel-url")).getText()).contains("The URL");
        assertThat(browser.driver().findElement(By.id("channel-state")).getText()).startsWith("No channel");
    }
}
