package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.contract.ContractDocuments;
import dev.agora.catalog.contract.ContractService;
import dev.agora.catalog.contract.ContractTerms;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.contract.ServiceLevels;
import dev.agora.support.Api;
import dev.agora.support.Products;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ProductPageView;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The contract section of a product page: service levels, each port's schema and rules, a download of the ODCS
 * YAML for everyone, an upload for the owner team that applies a valid file and lists the problems of a bad one.
 */
@QuarkusTest
class ProductContractInTheBrowserSpec extends BrowserSpec {

    private static final By SECTION = By.id("product-contract");
    private static final By DOWNLOAD = By.id("contract-download");
    private static final By UPLOAD = By.id("contract-upload");

    @Inject
    ContractService contracts;

    @Inject
    ContractDocuments documents;

    @Test
    void an_owner_downloads_and_uploads_the_contract_and_a_consumer_only_downloads_it() throws IOException {
        String slug = Api.as("olivia").body(Products.named("Contract Page " + Products.uniqueTag()).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        contracts.replaceTerms(slug, new ContractTerms(new ServiceLevels(Duration.ofHours(26), Duration.ofDays(1),
                "#sales-data", Duration.ofHours(4)), Map.of("main", List.of(
                        new QualityRule.RowCount("has-orders", "At least one order", 1L, null),
                        new QualityRule.NullRate("amount-known", "Totals are known", "amount",
                                new BigDecimal("0.5"))))), "olivia");
        String yaml = documents.export(slug, "olivia").orElseThrow();

        LoginPage.open(browser).signInAs("olivia", "agora-demo");
        browser.open("catalog/" + slug);
        new ProductPageView(browser);
        browser.reach(SECTION);
        browser.waitForText("Freshness: newest data at most 26 h old");
        browser.waitForText("amount-known — null rate of amount at most 0.5 %");
        assertThat(browser.reach(DOWNLOAD).getAttribute("href")).isNotBlank();
        assertThat(browser.reach(DOWNLOAD).getText()).isEqualTo("Download contract (ODCS YAML)");
        browser.screenshot("product-contract");

        upload(yaml.replace("version: 1.0.0", "version: 1.0.1"), "valid.odcs.yaml");
        browser.waitForText("Contract applied: version 1.0.1");

        upload(yaml.replaceFirst("logicalType: integer", "logicalType: int"), "invalid.odcs.yaml");
        String problems = browser.reach(By.id("contract-problems")).getText();
        assertThat(problems).containsPattern("line \\d+: schema\\[0]\\.properties\\[0]\\.logicalType");
        assertThat(Api.as("olivia").get("/api/v1/products/" + slug).then().extract().<String>path("version"))
                .isEqualTo("1.0.1");

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open("catalog/" + slug);
        new ProductPageView(browser);
        browser.reach(DOWNLOAD);
        assertThat(browser.driver().findElements(UPLOAD)).as("marco may not upload").isEmpty();
    }

    private void upload(String yaml, String name) {
        try {
            Path file = Files.createTempDirectory("contract").resolve(name);
            Files.writeString(file, yaml);
            WebElement upload = browser.reach(UPLOAD);
            WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
            input.sendKeys(file.toAbsolutePath().toString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
