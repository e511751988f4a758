package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.contract.ContractService;
import dev.agora.catalog.contract.ContractTerms;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.contract.ServiceLevels;
import dev.agora.support.Api;
import dev.agora.support.Locations;
import dev.agora.support.Products;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ProductPageView;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The quality section of a product page: an owner runs the checks and sees the score, each rule's result and the
 * trend; a consumer sees the same, without the button and without the offending rows.
 */
@QuarkusTest
class ProductQualityInTheBrowserSpec extends BrowserSpec {

    private static final By RUN = By.id("quality-run-now");

    @Inject
    ContractService contracts;

    @Test
    void an_owner_runs_the_checks_and_sees_score_results_and_trend() {
        // the demo's own orders table, whose data the other specs leave as the demo seeded it
        Locations.salesTable("lake.orders");
        String slug = Api.as("olivia").body(Products.named("Quality Page " + Products.uniqueTag()).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        contracts.replaceTerms(slug, new ContractTerms(new ServiceLevels(null, Duration.ofHours(1), null, null),
                Map.of("main", List.of(
                        new QualityRule.RowCount("has-orders", "At least one order", 1L, null),
                        new QualityRule.Unique("order-key", "One row per order", List.of("order_id")),
                        new QualityRule.ValueRange("amount-positive", "No negative totals", "amount",
                                BigDecimal.ZERO, null),
                        new QualityRule.ValueRange("amount-small", "Totals below 10", "amount", null,
                                BigDecimal.TEN),
                        new QualityRule.CustomSql("no-huge-orders", "Nothing above a million",
                                "SELECT * FROM lake.orders WHERE amount > 1000000")))), "olivia");
        // an earlier run, for a trend of more than one point
        Api.as("olivia").post("/api/v1/products/" + slug + "/quality/runs").then().statusCode(201);

        LoginPage.open(browser).signInAs("olivia", "agora-demo");
        browser.open("catalog/" + slug);
        new ProductPageView(browser);
        browser.reach(RUN).click();
        browser.waitForText("Checked 5 rules: 4 passed, 1 failed, 0 could not run.");
        browser.waitForText("amount-small");
        String score = browser.reach(By.id("quality-score")).getText();
        assertThat(score).matches("Score \\d+ %");
        browser.reach(By.id("quality-results"));
        browser.reach(By.id("product-quality"));
        browser.screenshot("product-quality");

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open("catalog/" + slug);
        new ProductPageView(browser);
        browser.reach(By.id("quality-score"));
        assertThat(browser.driver().findElements(RUN)).as("marco may not run the checks").isEmpty();
    }
}
