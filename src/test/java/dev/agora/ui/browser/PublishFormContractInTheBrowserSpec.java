package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.contract.ContractService;
import dev.agora.catalog.contract.DataContract;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.support.Api;
import dev.agora.support.Locations;
import dev.agora.support.Products;
import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The publish form's contract section: service levels and rules added from the list, checked live, then saved. */
@QuarkusTest
class PublishFormContractInTheBrowserSpec extends BrowserSpec {

    @Inject
    ContractService contracts;

    @Test
    void an_owner_adds_a_rule_from_the_list_checks_it_now_and_saves_it_with_the_service_levels() {
        Locations.salesTable("lake.orders");
        String slug = Api.as("olivia").body(Products.named("Contract Form " + Products.uniqueTag()).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");

        LoginPage.open(browser).signInAs("olivia", "agora-demo");
        browser.open("catalog/" + slug + "/edit");
        WebElement section = browser.reach(By.id("contract-terms"));
        type(section.findElement(By.id("contract-freshness")), "26h");
        type(section.findElement(By.id("contract-update-frequency")), "1d");
        browser.reach(By.id("add-rule")).click();
        browser.chooseSelectItem("Row count");
        WebElement row = browser.reach(By.cssSelector("#contract-terms .rule-row"));
        type(row.findElement(By.cssSelector(".rule-minimum")), "1");
        row.findElement(By.cssSelector("vaadin-button.check-rule")).click();
        browser.waitForText("row-count-1: passed");
        browser.reach(By.id("contract-terms"));
        browser.screenshot("publish-contract");
        browser.clickAsScript(By.id("save-product"));
        browser.waitForPath("/catalog/" + slug);

        DataContract contract = contracts.contract(slug, "olivia").orElseThrow();
        assertThat(contract.serviceLevels().freshness()).isEqualTo(Duration.ofHours(26));
        assertThat(contract.serviceLevels().updateFrequency()).isEqualTo(Duration.ofDays(1));
        assertThat(contract.ports().get(0).rules()).containsExactly(
                new QualityRule.RowCount("row-count-1", "", 1L, null));
    }

    private void type(WebElement textField, String text) {
        WebElement field = textField.findElement(By.cssSelector("input"));
        field.clear();
        field.sendKeys(text);
        field.sendKeys(org.openqa.selenium.Keys.TAB);
    }
}
