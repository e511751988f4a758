package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.governance.AuditEvents;
import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/** An administrator searches Admin → Audit trail, opens a line onto its details and downloads what it shows. */
@QuarkusTest
class AuditTrailInTheConsoleSpec extends BrowserSpec {

    private static final By TAB = By.xpath("//vaadin-tab[normalize-space(.)='Audit trail']");
    private static final By ACTOR = By.cssSelector("#audit-actor input");
    private static final By SEARCH = By.id("audit-search");

    String approver;

    @BeforeEach
    void approvalsByOnePerson() {
        approver = AuditEvents.uniqueActor("steward");
        AuditEvents.record(Instant.parse("2025-03-04T09:00:00Z"), approver, "access.request.approved", "request",
                "req-early", Map.of("step", "STEWARD"));
        AuditEvents.record(Instant.parse("2025-03-11T09:00:00Z"), approver, "access.request.approved", "request",
                "req-late", Map.of("step", "STEWARD", "justification", "quarterly revenue report"));
        AuditEvents.record(Instant.parse("2025-03-12T09:00:00Z"), AuditEvents.uniqueActor("someone-else"),
                "access.request.approved", "request", "req-other", Map.of());
    }

    /** The texts of the grid's body cells, read in one go (a re-rendered grid replaces its cells). */
    @SuppressWarnings("unchecked")
    private List<String> subjectCells() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll('#audit-grid vaadin-grid-cell-content'))"
                        + ".map(cell => cell.textContent.trim()).filter(text => text.startsWith('request '))");
    }

    private void searchFor(String actor) {
        LoginPage.open(browser).signInAs("admin", "agora-demo").navigateTo("Admin");
        browser.reach(TAB).click();
        browser.reach(ACTOR).sendKeys(actor);
        browser.reach(SEARCH).click();
        browser.waitUntil(d -> d.findElement(By.id("audit-matching")).getText().equals("2 events"));
    }

    @Test
    void an_admin_filters_by_actor_and_opens_a_line_onto_its_details() {
        searchFor(approver);

        browser.waitUntil(d -> subjectCells().equals(List.of("request req-late", "request req-early")));
        browser.reach(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='request req-late']")).click();

        String details = browser.waitFor(By.cssSelector("#audit-grid .audit-details")).getText();
        assertThat(details).contains("\"justification\" : \"quarterly revenue report\"", "\"step\" : \"STEWARD\"");
        browser.screenshot("admin-audit");
    }

    @Test
    void an_admin_downloads_as_csv_exactly_the_lines_the_filter_shows() throws Exception {
        searchFor(approver);

        String href = browser.reach(By.id("audit-csv")).getDomProperty("href");
        String cookies = browser.driver().manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("audit.csv");
        List<String> lines = file.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("id,occurred_at,actor,action,subject_type,subject_id,details");
        assertThat(lines.get(1)).contains("2025-03-11T09:00:00Z," + approver + ",access.request.approved,request,"
                + "req-late,");
        assertThat(lines.get(2)).contains("req-early");
    }

    @Test
    void an_admin_whose_range_ends_before_it_begins_is_told_so() {
        LoginPage.open(browser).signInAs("admin", "agora-demo").navigateTo("Admin");
        browser.reach(TAB).click();
        browser.reach(By.cssSelector("#audit-from input")).sendKeys("01/04/2025", Keys.TAB);
        browser.reach(By.cssSelector("#audit-to input")).sendKeys("01/03/2025", Keys.TAB);
        // the date picker's overlay may still lie over the button
        browser.clickAsScript(SEARCH);

        assertThat(browser.waitFor(By.xpath("//vaadin-notification-card[contains(., 'must not be after to')]"))
                .getText()).contains("from must not be after to");
    }
}
