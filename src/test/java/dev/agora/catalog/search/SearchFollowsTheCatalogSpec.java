package dev.agora.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.Products;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The index follows PostgreSQL: what is published is findable at once, whichever instance wrote it. */
@QuarkusTest
class SearchFollowsTheCatalogSpec {

    @Inject
    AgroalDataSource database;

    private static List<String> found(String as, String tag, String words) {
        return Api.as(as).queryParam("tag", tag).queryParam("q", words).queryParam("deprecated", true)
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("items.slug");
    }

    @Test
    void a_product_published_through_the_api_is_findable_within_a_second() {
        String tag = Products.uniqueTag();
        String slug = Api.as("olivia").body(Products.named("Freshly Baked Metrics").tagged(tag).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");

        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);

        Eventually.within(Duration.ofSeconds(1), "the published product in search results",
                () -> found("marco", tag, "freshly baked"), slugs -> slugs.contains(slug));
    }

    @Test
    void a_draft_is_found_by_its_owner_team_only() {
        String tag = Products.uniqueTag();
        String slug = Api.as("olivia").body(Products.named("Draft Only Metrics").tagged(tag).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");

        Eventually.within(Duration.ofSeconds(2), "the draft for its owner", () -> found("olivia", tag, ""),
                slugs -> slugs.contains(slug));
        assertThat(found("marco", tag, "")).isEmpty();
        assertThat(found("admin", tag, "")).containsExactly(slug);
    }

    @Test
    void a_deprecated_product_is_hidden_unless_asked_for() {
        String tag = Products.uniqueTag();
        String slug = Api.as("olivia").body(Products.named("Retired Metrics").tagged(tag).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        Api.as("olivia").body(Map.of("reason", "Use Fresh Metrics")).post("/api/v1/products/" + slug + "/deprecate")
                .then().statusCode(200);

        Eventually.within(Duration.ofSeconds(2), "the deprecated product when asked for",
                () -> found("marco", tag, "retired"), slugs -> slugs.contains(slug));
        assertThat(Api.as("marco").queryParam("tag", tag).get("/api/v1/search").then().extract().jsonPath()
                .getLong("total")).isZero();
    }

    @Test
    void a_change_written_by_another_instance_is_picked_up_by_the_periodic_catch_up() throws SQLException {
        String tag = Products.uniqueTag();
        String slug = Api.as("olivia").body(Products.named("Renamed Elsewhere").tagged(tag).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);

        // another instance's transaction: straight to PostgreSQL, nothing in this instance hears of it
        try (Connection connection = database.getConnection();
                PreparedStatement rename = connection.prepareStatement(
                        "UPDATE data_products SET name = 'Quokka Census' WHERE slug = ?")) {
            rename.setString(1, slug);
            assertThat(rename.executeUpdate()).isEqualTo(1);
        }

        Eventually.within(Duration.ofSeconds(5), "the renamed product under its new name",
                () -> found("marco", tag, "quokka"), slugs -> slugs.contains(slug));
    }

    @Test
    void an_admin_rebuilds_the_index_from_postgresql_on_demand() {
        long before = Api.as("admin").get("/api/v1/search").then().extract().jsonPath().getLong("total");

        long rebuilt = Api.as("admin").post("/api/v1/admin/search/reindex")
                .then().statusCode(200).extract().jsonPath().getLong("products");

        assertThat(rebuilt).isGreaterThanOrEqualTo(before);
        assertThat(Api.as("admin").get("/api/v1/search").then().extract().jsonPath().getLong("total"))
                .isEqualTo(before);
        Api.as("marco").post("/api/v1/admin/search/reindex").then().statusCode(403);
    }
}
