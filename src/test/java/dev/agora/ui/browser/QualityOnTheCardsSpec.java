package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.quality.QualityStanding;
import dev.agora.catalog.quality.QualityStandings;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.Products;
import dev.agora.ui.browser.pages.CatalogPage;
import dev.agora.ui.browser.pages.LoginPage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A consumer sees each result's quality score on its card, and which products have a failing quality rule. */
@QuarkusTest
class QualityOnTheCardsSpec extends BrowserSpec {

    @Inject
    QualityStandings standings;

    @Test
    void a_card_shows_the_score_and_a_quality_issue_badge_while_a_rule_fails() {
        String word = Products.uniqueTag().substring("spec-".length()).replaceAll("[0-9]", "x");
        String healthy = "Depot Scans " + word + " Healthy";
        String failing = "Depot Scans " + word + " Failing";
        String unchecked = "Depot Scans " + word + " Unchecked";
        standings.record(new QualityStanding(publish(healthy), 92.0, 0, Instant.now()));
        standings.record(new QualityStanding(publish(failing), 33.33, 2, Instant.now()));
        publish(unchecked);
        Eventually.within(Duration.ofSeconds(5), "the standings in the index",
                () -> Api.as("marco").queryParam("q", "depot scans " + word).get("/api/v1/search").then()
                        .extract().jsonPath().getList("items.qualityScore"),
                scores -> scores.stream().filter(java.util.Objects::nonNull).count() == 2);

        LoginPage.open(browser).signInAs("marco", "agora-demo");
        CatalogPage catalog = CatalogPage.open(browser).searchFor("depot scans " + word);

        assertThat(catalog.resultNames()).containsExactly(healthy, unchecked, failing);
        assertThat(catalog.badgesOf(healthy)).contains("Quality 92").doesNotContain("Quality issue");
        assertThat(catalog.badgesOf(failing)).contains("Quality 33", "Quality issue");
        assertThat(catalog.badgesOf(unchecked)).noneMatch(badge -> badge.startsWith("Quality"));
        browser.screenshot("catalog-quality");
    }

    private static long publish(String name) {
        JsonPath created = Api.as("olivia").body(Products.named(name).with("description",
                "Parcel scans of every depot of the carrier network, hour by hour.").body())
                .post("/api/v1/products").then().statusCode(201).extract().jsonPath();
        Api.as("olivia").post("/api/v1/products/" + created.getString("slug") + "/publish").then().statusCode(200);
        return created.getLong("id");
    }
}
