package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Api;
import dev.agora.support.Products;
import dev.agora.ui.browser.pages.ApprovalsPage;
import dev.agora.ui.browser.pages.CatalogPage;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ProductFormPage;
import dev.agora.ui.browser.pages.ProductPageView;
import dev.agora.ui.browser.pages.RequestPageView;
import dev.agora.ui.browser.pages.ShellPage;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Takes the README's screenshots the way a newcomer would see Agora: on a clean demo database, walking once
 * through sign-in, search, a request, its approval, publishing and the admin console. Not a specification (the
 * *Spec classes check the same steps on every run); run it with {@code ./mvnw -Pscreenshots test}, which gives it a
 * fresh database of its own and writes docs/screenshots.
 */
@QuarkusTest
class ReadmeTour extends BrowserSpec {

    @Test
    void walk_through_agora_as_its_demo_people() {
        LoginPage.open(browser);
        browser.screenshot("login");
        LoginPage.open(browser).signInExpectingRefusal("olivia", "not-her-password");
        browser.screenshot("login-refused");

        ShellPage home = LoginPage.open(browser).signInAs("marco", "agora-demo");
        assertThat(home.heading()).isEqualTo("Welcome, Marco Consumer");
        browser.screenshot("home");

        CatalogPage catalog = CatalogPage.open(browser).searchFor("custmers");
        assertThat(catalog.resultNames()).contains("Customers");
        browser.screenshot("catalog-search");
        catalog.pickFacet("classification", "CONFIDENTIAL");
        browser.screenshot("catalog-facet");
        catalog.openResult("Customers");
        browser.screenshot("product-page");

        browser.open("catalog/orders");
        RequestPageView pending = new ProductPageView(browser)
                .requestAccess("Campaign attribution for the Q3 report", 14);
        assertThat(pending.status()).isEqualTo("Pending");
        browser.screenshot("request-pending");
        String requestPath = pending.path();

        browser.open("admin");
        browser.waitFor(By.cssSelector(".access-denied h2"));
        browser.screenshot("access-denied");

        LoginPage.open(browser).signInAs("olivia", "agora-demo");
        ApprovalsPage inbox = ApprovalsPage.open(browser);
        assertThat(inbox.waiting()).contains("Orders");
        browser.screenshot("approvals-inbox");
        inbox.open("Orders").approve("Fine for the Q3 report");

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open(requestPath.substring(1));
        new RequestPageView(browser).awaitStatus("Active");
        browser.screenshot("request-active");

        LoginPage.open(browser).signInAs("olivia", "agora-demo");
        ProductFormPage form = ProductFormPage.openNew(browser)
                .name("Order Lines")
                .classification("INTERNAL")
                .description("Every line of every confirmed order, with quantity and price, one row per line.")
                .location("lake.orders")
                .readColumns();
        browser.screenshot("publish-form");
        form.contact("order-lines@example.com");
        browser.waitUntil(d -> form.canSaveAndPublish());
        form.saveAndPublish().recordVersion("1.1.0", "Adds the line discount")
                .deprecate("Use Order Lines v2 instead");
        browser.screenshot("product-deprecated");
        ProductFormPage.openNew(browser).name("Nowhere To Be Found").classification("PUBLIC")
                .location("lake.no_such_table").saveExpectingRefusal();
        browser.screenshot("publish-form-refused");

        Api.as("admin").body(Map.of("username", "paula", "displayName", "Paula Producer",
                "password", "first-secret-1")).post("/api/v1/admin/users").then().statusCode(201);
        LoginPage.open(browser).signInAs("paula", "first-secret-1").openChangePassword()
                .fillIn("not-my-password", "second-secret-2", "second-secret-2").save();
        browser.screenshot("change-password-refused");

        Products refunds = Products.named("Order Refunds").with("classification", "CONFIDENTIAL")
                .with("description", "Every refund of a confirmed order, with its reason and amount, one row each.");
        String refundsSlug = Api.as("olivia").body(refunds.body()).post("/api/v1/products").then().statusCode(201)
                .extract().path("slug");
        Api.as("olivia").body(refunds.with("classification", "INTERNAL").body()).put("/api/v1/products/"
                + refundsSlug).then().statusCode(200);

        LoginPage.open(browser).signInAs("admin", "agora-demo");
        browser.open("catalog/" + refundsSlug);
        browser.waitFor(By.id("classification-proposal"));
        browser.screenshot("classification-proposal");

        new ShellPage(browser).navigateTo("Admin");
        browser.screenshot("admin");
        browser.reach(By.xpath("//vaadin-tab[normalize-space(.)='Data locations']")).click();
        browser.waitForText("lake.campaigns");
        browser.screenshot("data-locations");
        browser.reach(By.xpath("//vaadin-tab[normalize-space(.)='Grant health']")).click();
        browser.reach(By.id("reconcile-now")).click();
        browser.waitForText("Last reconciliation");
        browser.screenshot("grant-health");
    }
}
