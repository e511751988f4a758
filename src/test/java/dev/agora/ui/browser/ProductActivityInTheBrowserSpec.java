package dev.agora.ui.browser;

import static dev.agora.support.AccessRequestsApi.freshProduct;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.Products;
import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The product page shows the product's activity, newest first, in readable lines: its publication for everyone who
 * sees the product, a request for the owner team and for the requester, never a request of someone else; "Show
 * more" fetches the next page from the server.
 */
@QuarkusTest
class ProductActivityInTheBrowserSpec extends BrowserSpec {

    private static final By ACTIVITY = By.id("product-activity");
    private static final By LINES = By.cssSelector("#product-activity .activity-line");

    @Test
    void the_owner_sees_the_publication_and_a_request_the_requester_sees_their_own() {
        String slug = freshProduct("INTERNAL");
        submit("marco", request(slug, "marketing-insights", 30));
        submit("admin", request(slug, null, 30));
        awaitEvents(slug, 4);

        LoginPage.open(browser).signInAs("olivia", "agora-demo");
        browser.open("catalog/" + slug);
        String owners = browser.reach(ACTIVITY).getText();
        assertThat(owners).contains("Activity", "Access requested for team marketing-insights",
                "Access requested for admin", "olivia published version 1.0.0", "olivia drafted the product");
        assertThat(owners.indexOf("Access requested")).isLessThan(owners.indexOf("published version"));
        browser.screenshot("product-activity");

        LoginPage.open(browser).signInAs("stella", "agora-demo");
        browser.open("catalog/" + slug);
        assertThat(browser.reach(ACTIVITY).getText()).contains("Access requested for team marketing-insights");

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open("catalog/" + slug);
        assertThat(browser.reach(ACTIVITY).getText()).contains("Access requested for team marketing-insights",
                "olivia published version 1.0.0").doesNotContain("Access requested for admin");
    }

    @Test
    void show_more_pages_through_a_long_activity() {
        String slug = freshProduct("INTERNAL");
        String name = Api.as("olivia").get("/api/v1/products/" + slug).then().statusCode(200).extract().path("name");
        for (int i = 0; i < 10; i++) {
            Api.as("olivia").body(Products.named(name).harvestedPort("campaigns", "postgres-table", "lake.campaigns")
                            .with("description", "A data product made by a specification, revision number " + i + ".")
                            .body())
                    .put("/api/v1/products/" + slug).then().statusCode(200);
        }
        awaitEvents(slug, 12);

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open("catalog/" + slug);
        browser.reach(ACTIVITY);
        assertThat(browser.driver().findElements(LINES)).hasSize(10);
        assertThat(browser.driver().findElements(LINES).get(0).getText()).startsWith("olivia revised the product");

        browser.reach(By.id("product-activity-more")).click();
        browser.waitUntil(driver -> driver.findElements(LINES).size() == 12);
        List<String> lines = browser.driver().findElements(LINES).stream().map(e -> e.getText()).toList();
        assertThat(lines.get(11)).startsWith("olivia drafted the product");
        browser.waitUntilGone(By.id("product-activity-more"));
    }

    private static void awaitEvents(String slug, int count) {
        Eventually.within(Duration.ofSeconds(10), count + " events of " + slug, () -> Api.as("olivia")
                        .get("/api/v1/products/" + slug + "/events").then().statusCode(200).extract().jsonPath()
                        .getList("id").size(),
                seen -> seen >= count);
    }
}
