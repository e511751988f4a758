package dev.agora.ui.browser;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.schema.SpecTables;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ProductPageView;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A held breaking change on the product page: the consumer sees the diff read-only, the owner publishes a new major
 * version from it, and the versions list shows until when the old version stays usable.
 */
@QuarkusTest
class HeldSchemaChangeInTheBrowserSpec extends BrowserSpec {

    private static final By PANEL = By.id("held-schema-change");
    private static final By RELEASE = By.id("release-major");
    private static final By RESTORE = By.id("restore-schema");

    @Test
    void the_consumer_reads_the_pending_change_and_the_owner_publishes_a_major_version() {
        String table = SpecTables.newTable();
        String slug = SpecTables.publishedOn(table);
        String request = submit("marco", request(slug, "marketing-insights", 30)).getString("id");
        approve("olivia", request);
        awaitStatus("marco", request, "ACTIVE");
        SpecTables.ddl("ALTER TABLE " + table + " DROP COLUMN amount",
                "ALTER TABLE " + table + " ADD COLUMN channel text");
        Eventually.within(Duration.ofSeconds(10), "the change to be held", () -> Api.as("olivia")
                        .get("/api/v1/products/" + slug + "/schema-changes").then().extract().jsonPath()
                        .getList("status"), statuses -> statuses.contains("HELD"));

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open("catalog/" + slug);
        new ProductPageView(browser);
        String panel = browser.waitFor(PANEL).getText();
        assertThat(panel).contains("Pending breaking change", "amount", "breaking", "channel", "compatible",
                "marketing-insights", "The owners of team sales-analytics decide");
        assertThat(browser.driver().findElements(RELEASE)).as("a consumer does not decide").isEmpty();
        assertThat(browser.driver().findElements(RESTORE)).isEmpty();

        LoginPage.open(browser).signInAs("olivia", "agora-demo");
        browser.open("catalog/" + slug);
        new ProductPageView(browser);
        browser.waitFor(RESTORE);
        browser.screenshot("product-held-change");
        browser.reach(RELEASE).click();

        assertThat(browser.waitUntilGone(PANEL)).isTrue();
        browser.waitForText("usable until");
        Api.as("marco").get("/api/v1/products/" + slug).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo("2.0.0"));
    }
}
