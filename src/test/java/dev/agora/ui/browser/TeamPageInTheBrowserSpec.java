package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Api;
import dev.agora.support.Products;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ProductPageView;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A product's owner team links to the team's page, which lists who is in the team with which role. */
@QuarkusTest
class TeamPageInTheBrowserSpec extends BrowserSpec {

    @Test
    void the_owner_team_of_a_product_opens_its_page_with_the_members() {
        Products product = Products.named("Team Page Spec " + Products.uniqueTag());
        String slug = Api.as("olivia").body(product.body()).post("/api/v1/products").then().statusCode(201)
                .extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open("catalog/" + slug);
        new ProductPageView(browser);
        browser.reach(By.id("owner-team-link")).click();

        assertThat(browser.waitFor(By.id("team-name")).getText()).isNotBlank();
        assertThat(browser.waitFor(By.id("team-members")).getText()).contains("olivia");
        assertThat(browser.driver().getCurrentUrl()).contains("/teams/");
    }

    @Test
    void the_teams_list_links_to_every_team_and_an_unknown_team_says_so() {
        LoginPage.open(browser).signInAs("marco", "agora-demo");
        browser.open("teams");
        assertThat(browser.waitFor(By.id("teams")).getText()).contains("your team");

        browser.open("teams/no-such-team");
        assertThat(browser.waitForText("There is no team")).contains("no-such-team");
    }
}
