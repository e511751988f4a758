package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Api;
import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * An administrator changes the CONFIDENTIAL policy on Admin → Policies and sees its preview line change; an unsafe
 * policy is refused with a readable notice. The policy is put back as it was after each spec.
 */
@QuarkusTest
class PoliciesInTheConsoleSpec extends BrowserSpec {

    private static final String POLICY = "/api/v1/admin/policies/CONFIDENTIAL";
    private static final By PREVIEW = By.id("policy-preview-confidential");
    private static final By STEWARD = By.xpath("//*[@id='policy-steps-confidential']"
            + "//vaadin-checkbox[normalize-space(.)='Steward of the domain']");

    private Map<String, Object> before;

    @BeforeEach
    void remember() {
        JsonPath all = Api.as("admin").get("/api/v1/admin/policies").then().statusCode(200).extract().jsonPath();
        Map<String, Object> policy = all.getMap("find { it.classification == 'CONFIDENTIAL' }");
        before = Map.of("approvers", policy.get("approvers"), "autoApprove", policy.get("autoApprove"),
                "maxDurationDays", policy.get("maxDurationDays"));
        // the spec starts from owners and stewards, 90 days, whatever an earlier spec left
        Api.as("admin").body(Map.of("approvers", java.util.List.of("OWNER", "STEWARD"), "autoApprove", false,
                "maxDurationDays", 90)).put(POLICY).then().statusCode(200);
    }

    @AfterEach
    void restore() {
        Api.as("admin").body(before).put(POLICY).then().statusCode(200);
    }

    private void openPolicies() {
        LoginPage.open(browser).signInAs("admin", "agora-demo").navigateTo("Admin");
        browser.reach(By.xpath("//vaadin-tab[normalize-space(.)='Policies']")).click();
    }

    @Test
    void an_admin_drops_the_steward_step_and_shortens_access_and_the_preview_says_so() {
        openPolicies();
        assertThat(browser.reach(PREVIEW).getText()).isEqualTo("A CONFIDENTIAL request needs an owner of the "
                + "product's team and a steward of its domain (in either order); access lasts at most 90 days.");

        browser.reach(STEWARD).click();
        browser.reach(By.cssSelector("#policy-days-confidential input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), "45", Keys.TAB);
        browser.clickAsScript(By.id("policy-save-confidential"));

        browser.waitUntil(d -> d.findElement(PREVIEW).getText().contains("at most 45 days"));
        assertThat(browser.reach(PREVIEW).getText()).isEqualTo("A CONFIDENTIAL request needs an owner of the "
                + "product's team; a request for the owner team itself goes to a steward of the domain instead; "
                + "access lasts at most 45 days.");
        assertThat(browser.waitFor(By.cssSelector("vaadin-notification-card")).getText())
                .startsWith("The CONFIDENTIAL policy is saved");
        browser.screenshot("admin-policies");
        JsonPath stored = Api.as("admin").get("/api/v1/admin/policies").then().statusCode(200).extract().jsonPath();
        assertThat(stored.getInt("find { it.classification == 'CONFIDENTIAL' }.maxDurationDays")).isEqualTo(45);
        assertThat(stored.getList("find { it.classification == 'CONFIDENTIAL' }.approvers")).containsExactly("OWNER");
    }

    @Test
    void auto_approving_confidential_data_is_refused_with_a_readable_notice_and_the_preview_stays() {
        openPolicies();

        browser.reach(By.id("policy-auto-confidential")).click();
        browser.clickAsScript(By.id("policy-save-confidential"));

        assertThat(browser.waitFor(By.xpath("//vaadin-notification-card[contains(., 'Approve automatically')]"))
                .getText()).contains("Approve automatically: is allowed for PUBLIC data only");
        assertThat(browser.reach(PREVIEW).getText()).contains("(in either order)").contains("at most 90 days");
    }
}
