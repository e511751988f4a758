package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.events.webhooks.WebhookSignature;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.Api;
import dev.agora.support.Locations;
import dev.agora.support.People;
import dev.agora.support.Products;
import dev.agora.support.RecordingEndpoint;
import dev.agora.support.Webhooks;
import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A member adds a webhook on the team's page, sees its signing secret once, and then sees a delivery of the
 * team's events in the webhook's history; the delivery really arrived, signed with that secret.
 */
@QuarkusTest
class WebhooksInTheBrowserSpec extends BrowserSpec {

    private static final By DELIVERY_CELLS = By.cssSelector("#webhook-deliveries vaadin-grid-cell-content");

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    RecordingEndpoint endpoint;

    // one instance serves the whole class (one browser): a fresh endpoint for each test
    @BeforeEach
    void startEndpoint() {
        endpoint = RecordingEndpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    private List<String> cells(By cells) {
        return browser.driver().findElements(cells).stream().map(WebElement::getText).map(String::trim).toList();
    }

    @Test
    void a_member_adds_a_webhook_sees_its_secret_once_and_then_its_deliveries() {
        People people = new People(accounts, directory);
        String member = people.person("hookui");
        String team = people.team("hookui", "marketing");
        people.member(team, member, TeamRole.MEMBER);
        LoginPage.open(browser).signInAs(member, People.PASSWORD);
        browser.open("teams/" + team);

        browser.reach(By.id("add-webhook")).click();
        WebElement url = browser.waitFor(By.cssSelector("#webhook-url input"));
        url.sendKeys(endpoint.url("/ui"));
        browser.waitFor(By.id("save-webhook")).click();
        String secret = browser.waitFor(By.cssSelector("#webhook-secret input")).getDomProperty("value");
        assertThat(secret).startsWith("whsec_");
        browser.screenshot("webhook-secret");
        browser.waitFor(By.id("close-secret")).click();
        browser.waitUntil(driver -> cells(By.cssSelector("#webhooks-grid vaadin-grid-cell-content"))
                .contains(endpoint.url("/ui")));

        Locations.transfer("sales-analytics", "postgres-table", "lake.campaigns");
        String product = Api.as("olivia").body(Products.named("Webhook UI " + Products.uniqueTag())
                        .harvestedPort("campaigns", "postgres-table", "lake.campaigns").body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + product + "/publish").then().statusCode(200);
        RecordingEndpoint.Received received = Webhooks.awaitReceived(endpoint, "/ui", "the publication",
                Webhooks.eventOf("agora.product.published", product));
        assertThat(WebhookSignature.verifies(secret, received.body(), received.header("X-Agora-Signature")))
                .isTrue();

        browser.reach(By.xpath("//*[@id='webhooks-grid']//vaadin-button[normalize-space(.)='Deliveries']")).click();
        String eventId = received.header("X-Agora-Event-Id");
        browser.waitUntil(driver -> {
            if (cells(DELIVERY_CELLS).contains(eventId)) {
                return true;
            }
            try {
                driver.findElement(By.id("refresh-deliveries")).click();
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                // the dialog is still opening, or a notification is in front for a moment: try again
            }
            return false;
        });
        assertThat(cells(DELIVERY_CELLS)).contains("DELIVERED", "200");
        browser.screenshot("webhook-deliveries");

        browser.open("teams/" + team);
        browser.reach(By.id("webhooks-grid"));
        assertThat(browser.driver().findElements(By.id("webhook-secret"))).as("the secret is shown only once")
                .isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
    }

    @Test
    void a_product_page_offers_to_send_the_products_events_to_a_webhook_of_ones_team() {
        People people = new People(accounts, directory);
        String member = people.person("hookprod");
        String team = people.team("hookprod", "marketing");
        people.member(team, member, TeamRole.MEMBER);
        LoginPage.open(browser).signInAs(member, People.PASSWORD);
        browser.open("catalog/campaigns");

        browser.reach(By.id("product-webhook")).click();
        browser.waitFor(By.cssSelector("#webhook-url input")).sendKeys(endpoint.url("/from-product"));
        browser.waitFor(By.id("save-webhook")).click();
        browser.waitFor(By.cssSelector("#webhook-secret input"));

        var webhooks = Api.as(member).queryParam("team", team).get("/api/v1/webhooks").then().statusCode(200)
                .extract().jsonPath();
        assertThat(webhooks.getList("products")).as("the product filled in").containsExactly(List.of("campaigns"));
        Webhooks.delete(member, webhooks.getString("[0].id"));
    }

    @Test
    void someone_outside_the_team_sees_no_webhooks_section() {
        People people = new People(accounts, directory);
        String outsider = people.person("nohooks");
        String team = people.team("nohooks", "marketing");
        LoginPage.open(browser).signInAs(outsider, People.PASSWORD);
        browser.open("teams/" + team);

        browser.waitFor(By.id("team-name"));
        assertThat(browser.driver().findElements(By.id("team-webhooks"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("add-webhook"))).isEmpty();
    }
}
