package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.ui.browser.pages.ApprovalsPage;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ProductPageView;
import dev.agora.ui.browser.pages.RequestPageView;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A consumer requests access in the browser, the owner approves in the inbox, the consumer sees it active. */
@QuarkusTest
class RequestingAccessInTheBrowserSpec extends BrowserSpec {

    @Test
    void a_consumer_requests_the_owner_approves_and_the_access_becomes_active() {
        String slug = AccessRequestsApi.freshProduct("INTERNAL");
        String name = Api.as("marco").get("/api/v1/products/" + slug).then().extract().path("name");

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open("catalog/" + slug);
        RequestPageView request = new ProductPageView(browser).requestAccess("Campaign attribution for Q3", 14);
        assertThat(request.status()).isEqualTo("Pending");
        assertThat(request.text()).contains("An owner of team sales-analytics — waiting for");
        browser.screenshot("request-pending");
        String requestPath = request.path();

        LoginPage.open(browser).signInAs("olivia", "agora-demo");
        ApprovalsPage inbox = ApprovalsPage.open(browser);
        assertThat(inbox.waiting()).contains(name);
        browser.screenshot("approvals-inbox");
        RequestPageView decided = inbox.open(name).approve("Fine for Q3");
        assertThat(decided.status()).isIn("Approved", "Active");

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open(requestPath.substring(1));
        RequestPageView active = new RequestPageView(browser).awaitStatus("Active");
        assertThat(active.text()).contains("agora_team_marketing_insights").contains("approved by olivia: Fine for Q3");
        browser.screenshot("request-active");
    }
}
