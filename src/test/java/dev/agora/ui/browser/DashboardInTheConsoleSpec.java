package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** An administrator opens the console on its dashboard: charts drawn as SVG, each with a table of its numbers. */
@QuarkusTest
class DashboardInTheConsoleSpec extends BrowserSpec {

    @Test
    void an_admin_sees_the_dashboards_charts_and_opens_the_table_view_of_one() {
        LoginPage.open(browser).signInAs("admin", "agora-demo").navigateTo("Admin");

        browser.reach(By.cssSelector("#chart-requests-per-week svg"));
        browser.waitUntil(driver -> svgCount(driver) >= 6);
        assertThat(browser.waitForText("Requests per week by outcome")).isNotEmpty();

        browser.reach(By.cssSelector("#pending-by-age-numbers vaadin-details-summary")).click();
        browser.waitUntil(driver -> cells(driver, "#pending-by-age-table").contains("> 7 d"));
        List<String> cells = cells(browser.driver(), "#pending-by-age-table");
        assertThat(cells).contains("Waiting for", "Pending", "< 1 d", "1–3 d", "3–7 d", "> 7 d");
        browser.screenshot("admin-dashboard");
    }

    private static long svgCount(org.openqa.selenium.WebDriver driver) {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('#dashboard-charts .dashboard-chart svg').length;");
    }

    // the grid's cells read in one script call: a re-rendered grid replaces them
    @SuppressWarnings("unchecked")
    private static List<String> cells(org.openqa.selenium.WebDriver driver, String grid) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0] + ' vaadin-grid-cell-content'))"
                        + ".map(c => c.textContent.trim());", grid);
    }
}
