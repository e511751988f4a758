package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Api;
import dev.agora.support.Products;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ProductPageView;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An owner's lower classification waits on the product page; only who may decide sees Agree, and it applies. */
@QuarkusTest
class ClassificationProposalInTheBrowserSpec extends BrowserSpec {

    private static final By PROPOSAL = By.id("classification-proposal");
    private static final By AGREE = By.id("agree-classification");

    @Test
    void the_pending_proposal_shows_on_the_product_page_and_an_administrator_agrees_to_it() {
        Products product = Products.named("Proposal Spec " + Products.uniqueTag()).with("classification", "CONFIDENTIAL");
        String slug = Api.as("olivia").body(product.body()).post("/api/v1/products").then().statusCode(201)
                .extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        Api.as("olivia").body(product.with("classification", "PUBLIC").body()).put("/api/v1/products/" + slug)
                .then().statusCode(200);

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open("catalog/" + slug);
        new ProductPageView(browser);
        assertThat(browser.waitFor(PROPOSAL).getText()).contains("olivia proposes to lower the classification from "
                + "CONFIDENTIAL to PUBLIC");
        assertThat(browser.driver().findElements(AGREE)).as("marco may not decide").isEmpty();

        LoginPage.open(browser).signInAs("admin", "agora-demo");
        browser.open("catalog/" + slug);
        new ProductPageView(browser);
        browser.screenshot("classification-proposal");
        browser.reach(AGREE).click();
        assertThat(browser.waitUntilGone(PROPOSAL)).isTrue();
        Api.as("admin").get("/api/v1/products/" + slug).then().statusCode(200)
                .body("classification", org.hamcrest.Matchers.equalTo("PUBLIC"));
    }
}
