package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ProductPageView;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A consumer follows a product from its page; when the owner releases a version, the consumer's bell tells of it
 * and leads to the product. A member follows for their team from the same page; the team page lists what the team
 * follows, to its members only.
 */
@QuarkusTest
class FollowingInTheBrowserSpec extends BrowserSpec {

    private static final By FOLLOW = By.id("follow-product");

    @Test
    void a_follower_hears_of_a_new_version_through_the_bell() {
        String slug = AccessRequestsApi.freshProduct("INTERNAL");
        String name = Api.as("marco").get("/api/v1/products/" + slug).then().extract().path("name");

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open("catalog/" + slug);
        new ProductPageView(browser);
        browser.reach(FOLLOW);
        browser.waitUntil(driver -> driver.findElement(FOLLOW).getText().equals("Follow"));
        browser.reach(FOLLOW).click();
        browser.waitUntil(driver -> driver.findElement(FOLLOW).getText().equals("Following"));
        browser.screenshot("product-following");

        Api.as("olivia").body(Map.of("version", "1.1.0", "changelog", "Adds the campaign channel"))
                .post("/api/v1/products/" + slug + "/versions").then().statusCode(201);
        String notice = name + " 1.1.0 was released: Adds the campaign channel";
        dev.agora.support.Eventually.within(java.time.Duration.ofSeconds(15), "the notice", () ->
                Api.as("marco").get("/api/v1/notifications").then().extract().jsonPath().getList("message"),
                messages -> messages.contains(notice));

        browser.open("catalog/" + slug);
        new ProductPageView(browser);
        browser.reach(By.id("notification-bell")).click();
        browser.waitForText(notice);
        browser.screenshot("follow-notice");
        browser.reach(By.xpath("//a[normalize-space(.)=\"" + notice + "\"]")).click();
        browser.waitForPath("/catalog/" + slug);
        browser.reach(FOLLOW);
        browser.waitUntil(driver -> driver.findElement(FOLLOW).getText().equals("Following"));
    }

    @Test
    void a_member_follows_for_the_team_and_the_team_page_lists_it() {
        String slug = AccessRequestsApi.freshProduct("INTERNAL");
        String name = Api.as("marco").get("/api/v1/products/" + slug).then().extract().path("name");

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open("catalog/" + slug);
        new ProductPageView(browser);
        browser.reach(By.xpath("//*[@id='follow-for-team']//vaadin-menu-bar-button[normalize-space(.)="
                + "'Follow for a team']")).click();
        browser.reach(By.xpath("//vaadin-menu-bar-item[normalize-space(.)='marketing-insights']")).click();
        dev.agora.support.Eventually.within(java.time.Duration.ofSeconds(10), "the team to follow", () ->
                Api.as("marco").get("/api/v1/products/" + slug + "/follow").then().extract().jsonPath()
                        .getString("teams.find { it.follower == 'marketing-insights' }.following"),
                "true"::equals);

        browser.open("teams/marketing-insights");
        browser.reach(By.id("followed-products"));
        browser.reach(By.xpath("//*[@id='followed-products']//a[normalize-space(.)='" + name + "']")).click();
        browser.waitForPath("/catalog/" + slug);

        LoginPage.open(browser).signInAs("olivia", "agora-demo");
        browser.open("teams/marketing-insights");
        browser.waitForText("Members");
        assertThat(browser.driver().findElements(By.id("followed-products"))).as("not olivia's team").isEmpty();
    }
}
