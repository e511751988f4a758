package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** An administrator registers a lake table to its owner team in Admin → Data locations. */
@QuarkusTest
class DataLocationsInTheConsoleSpec extends BrowserSpec {

    @Test
    void an_admin_registers_a_table_to_a_team_and_sees_it_listed() {
        String table = "lake.console_" + UUID.randomUUID().toString().substring(0, 8);
        LoginPage.open(browser).signInAs("admin", "agora-demo").navigateTo("Admin");
        browser.reach(By.xpath("//vaadin-tab[normalize-space(.)='Data locations']")).click();

        browser.reach(By.xpath("//vaadin-select[.//label[normalize-space(.)='Team']]")).click();
        browser.chooseSelectItem("marketing-insights");
        browser.waitUntilGone(By.cssSelector("vaadin-select-overlay[opened]"));
        WebElement location = browser.reach(By.xpath(
                "//vaadin-text-field[.//label[normalize-space(.)='Location']]//input"));
        location.sendKeys(table, Keys.TAB);
        browser.reach(By.id("register-location")).click();

        String notice = browser.waitFor(By.cssSelector("vaadin-notification-card")).getText();
        assertThat(notice).contains(table + " is registered to team marketing-insights");
        assertThat(browser.waitForText(table)).contains("marketing-insights");
        browser.screenshot("data-locations");
    }
}
