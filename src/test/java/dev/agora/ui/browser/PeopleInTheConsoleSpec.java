package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.support.Api;
import dev.agora.support.People;
import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** An administrator finds a leaver in Admin → Users by searching, opens the account and deactivates it. */
@QuarkusTest
class PeopleInTheConsoleSpec extends BrowserSpec {

    private static final By SEARCH = By.cssSelector("#people-search input");
    private static final By FOUND = By.id("people-found");

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    /**
     * The text of the people grid's cells on screen, read in one script call (a re-render replaces cells); cells of
     * rows a search hid keep their old text, off screen.
     */
    private String peopleCells() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))"
                        + ".filter(c => c.offsetParent !== null).map(c => c.textContent).join('|')", browser.waitFor(By.id("users-grid")));
    }

    /**
     * Clicks the rendered "Open" button of the account: the grid keeps the cells of rows a search hid, with what
     * they showed before, so only the one on screen counts.
     */
    private void open(String username) {
        browser.waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const button = Array.from(document.querySelectorAll(\"vaadin-button[aria-label='Open \" + arguments[0]"
                        + " + \"']\")).find(b => b.offsetParent !== null);"
                        + " if (button) { button.click(); } return !!button;", username));
        browser.waitFor(By.xpath("//vaadin-dialog-overlay//*[contains(., 'Live API tokens')]"));
    }

    @Test
    void an_admin_searches_a_person_and_deactivates_them() {
        String leaver = new People(accounts, directory).person("zleaver");
        Api.as(leaver).get("/api/v1/me").then().statusCode(200);
        LoginPage.open(browser).signInAs("admin", Api.DEMO_PASSWORD).navigateTo("Admin");
        browser.openTab("Users");

        browser.reach(SEARCH).sendKeys(leaver);
        browser.waitUntil(d -> d.findElement(FOUND).getText().equals("1 account"));
        browser.waitUntil(d -> peopleCells().contains(leaver + "@example.com"));
        open(leaver);
        browser.reach(By.id("deactivate-account")).click();
        browser.waitFor(By.xpath("//vaadin-confirm-dialog-overlay//*[contains(., 'Deactivate " + leaver + "?')]"));
        browser.reach(By.cssSelector("vaadin-button[slot='confirm-button']")).click();

        assertThat(browser.waitForText(leaver + " is deactivated")).contains("sessions and tokens ended");
        browser.waitUntil(d -> peopleCells().contains(leaver + "@example.com|USER|deactivated"));
        assertThat(peopleCells()).doesNotContain("olivia");
        browser.screenshot("admin-people");
        Api.as("admin").get("/api/v1/admin/users/" + leaver).then().statusCode(200)
                .body("status", equalTo("DEACTIVATED"));
        Api.as(leaver).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void an_admin_is_told_that_they_cannot_deactivate_themselves() {
        LoginPage.open(browser).signInAs("admin", Api.DEMO_PASSWORD).navigateTo("Admin");
        browser.openTab("Users");
        browser.reach(SEARCH).sendKeys("admin@agora.example");
        browser.waitUntil(d -> d.findElement(FOUND).getText().equals("1 account"));
        open("admin");
        browser.reach(By.id("deactivate-account")).click();
        browser.reach(By.cssSelector("vaadin-button[slot='confirm-button']")).click();

        assertThat(browser.waitForText("You cannot deactivate your own account")).isNotEmpty();
        Api.as("admin").get("/api/v1/me").then().statusCode(200);
    }
}
