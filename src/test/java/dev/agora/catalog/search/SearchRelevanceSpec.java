package dev.agora.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.Locations;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Consumers find products by what they type: names first, typos forgiven, columns found, facets counted. Every
 * query is narrowed to this spec's own marker tag, so other products in the shared database do not interfere.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceSpec {

    private static final String marker = Products.uniqueTag();
    private static boolean catalogReady;

    // once per class, but in @BeforeEach: the HTTP port of the application under test is set per test
    @BeforeEach
    void aSmallCatalog() {
        if (catalogReady) {
            return;
        }
        catalogReady = true;
        Locations.salesTable("lake.scans");
        Locations.register("marketing-insights", "postgres-table", "lake.newsletter_opens");
        publish("olivia", Products.named("Shipment Tracking").tagged(marker, "logistics")
                .with("description", "Where every parcel is, scanned at each depot of the carrier network.")
                .withoutPorts().port("scans", "postgres-table", "lake.scans",
                        Products.column("tracking_number", "text", "Carrier's parcel number"),
                        Products.column("scanned_at", "timestamptz", "When the parcel was scanned")));
        publish("olivia", Products.named("Shipment Tracking Archive").tagged(marker, "logistics")
                .with("description", "Closed shipments moved out of shipment tracking after ninety days."));
        publish("olivia", Products.named("Carrier Invoices").tagged(marker, "finance")
                .with("description", "What carriers bill us, with the shipment tracking reference of each parcel.")
                .with("classification", "CONFIDENTIAL"));
        publish("marco", Products.named("Newsletter Opens").tagged(marker, "email")
                .with("ownerTeam", "marketing-insights").with("classification", "PUBLIC")
                .withoutPorts().port("opens", "postgres-table", "lake.newsletter_opens",
                        Products.column("newsletter", "text", "Which newsletter"))
                .with("description", "Which recipients opened which newsletter, per send and per hour of day."));
        Eventually.within(Duration.ofSeconds(5), "the spec's products in the index",
                () -> search("marco", Map.of()).getLong("total"), total -> total == 4);
    }

    private static void publish(String as, Products product) {
        String slug = Api.as(as).body(product.body()).post("/api/v1/products")
                .then().statusCode(201).extract().path("slug");
        Api.as(as).post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
    }

    private JsonPath search(String as, Map<String, ?> parameters) {
        RequestSpecification request = Api.as(as).queryParam("tag", marker);
        parameters.forEach(request::queryParam);
        return request.get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    private List<String> names(Map<String, ?> parameters) {
        return search("marco", parameters).getList("items.name");
    }

    @Nested
    class Ranking {

        @Test
        void an_exact_name_ranks_first() {
            assertThat(names(Map.of("q", "shipment tracking")))
                    .containsExactly("Shipment Tracking", "Shipment Tracking Archive", "Carrier Invoices");
        }

        @Test
        void the_name_weighs_more_than_the_description() {
            assertThat(names(Map.of("q", "carrier")).get(0)).isEqualTo("Carrier Invoices");
        }

        @Test
        void a_one_letter_typo_still_finds_the_product() {
            assertThat(names(Map.of("q", "shipmant"))).contains("Shipment Tracking");
            assertThat(names(Map.of("q", "newsleter"))).containsExactly("Newsletter Opens");
        }

        @Test
        void short_words_are_not_matched_loosely() {
            assertThat(names(Map.of("q", "opn"))).isEmpty();
        }

        @Test
        void a_column_name_finds_the_products_whose_ports_carry_it() {
            JsonPath result = search("marco", Map.of("q", "tracking_number"));

            assertThat(result.getList("items.name")).containsExactly("Shipment Tracking");
            assertThat(result.getString("items[0].snippet")).contains("<mark>tracking_number</mark>");
        }

        @Test
        void a_prefix_finds_names_as_you_type() {
            assertThat(names(Map.of("q", "newsl"))).containsExactly("Newsletter Opens");
        }

        @Test
        void matches_are_highlighted_in_the_snippet() {
            assertThat(search("marco", Map.of("q", "parcel")).getString("items[0].snippet")).contains("<mark>parcel</mark>");
        }

        @Test
        void when_no_product_has_every_word_products_with_some_of_them_are_shown() {
            JsonPath result = search("marco", Map.of("q", "newsletter invoices"));

            assertThat(result.getBoolean("broadened")).isTrue();
            assertThat(result.getList("items.name")).containsExactlyInAnyOrder("Newsletter Opens", "Carrier Invoices");
        }

        @Test
        void a_query_full_of_quotes_backslashes_operators_and_sql_returns_normally() {
            for (String nasty : List.of("\"unclosed", "back\\slash\\", "a && b || !c", "title:*", "*", "?",
                    "'; DROP TABLE data_products; --", "(((", "~2", "\u0000\u202e", "%%%", "name:[a TO z]")) {
                Api.as("marco").queryParam("q", nasty).get("/api/v1/search").then().statusCode(200);
            }
        }
    }

    @Nested
    class Facets {

        @Test
        void counts_match_the_filtered_results() {
            JsonPath all = search("marco", Map.of());
            assertThat(all.getMap("facets.classification")).containsEntry("INTERNAL", 2).containsEntry("CONFIDENTIAL", 1)
                    .containsEntry("PUBLIC", 1);
            assertThat(all.getMap("facets.domain")).containsEntry("sales", 3).containsEntry("marketing", 1);

            JsonPath internal = search("marco", Map.of("classification", "INTERNAL"));
            assertThat(internal.getLong("total")).isEqualTo(2);
            assertThat(internal.getList("items.classification")).containsOnly("INTERNAL");
            assertThat(internal.getMap("facets.domain")).containsExactly(Map.entry("sales", 2));
            assertThat(internal.getMap("facets.team")).containsExactly(Map.entry("sales-analytics", 2));
        }

        @Test
        void the_values_of_a_filtered_facet_keep_their_counts_so_that_alternatives_stay_visible() {
            JsonPath sales = search("marco", Map.of("domain", "sales"));

            assertThat(sales.getLong("total")).isEqualTo(3);
            assertThat(sales.getMap("facets.domain")).containsEntry("sales", 3).containsEntry("marketing", 1);
        }

        @Test
        void values_of_one_facet_are_alternatives_and_facets_combine() {
            assertThat(Api.as("marco").queryParam("tag", marker).queryParam("domain", "sales", "marketing")
                    .queryParam("classification", "INTERNAL", "PUBLIC")
                    .get("/api/v1/search").then().statusCode(200).extract().jsonPath().getLong("total")).isEqualTo(3);
        }

        @Test
        void port_types_and_statuses_are_counted() {
            JsonPath all = search("marco", Map.of());
            assertThat(all.getMap("facets.type")).containsEntry("postgres-table", 4);
            assertThat(all.getMap("facets.status")).containsExactly(Map.entry("PUBLISHED", 4));
        }
    }

    @Nested
    class Ordering_and_paging {

        @Test
        void sorts_by_name() {
            assertThat(names(Map.of("sort", "name")))
                    .containsExactly("Carrier Invoices", "Newsletter Opens", "Shipment Tracking", "Shipment Tracking Archive");
        }

        @Test
        void without_words_the_newest_come_first() {
            assertThat(names(Map.of()).get(0)).isEqualTo("Newsletter Opens");
        }

        @Test
        void pages_through_the_results() {
            JsonPath second = search("marco", Map.of("sort", "name", "size", 1, "page", 1));

            assertThat(second.getLong("total")).isEqualTo(4);
            assertThat(second.getList("items.name")).containsExactly("Newsletter Opens");
        }

        @Test
        void a_page_size_out_of_bounds_is_a_field_error() {
            Api.as("marco").queryParam("size", 1000).get("/api/v1/search")
                    .then().statusCode(400).contentType("application/problem+json");
            Api.as("marco").queryParam("sort", "random").get("/api/v1/search")
                    .then().statusCode(400);
        }
    }

    @Test
    void suggestions_complete_product_names() {
        assertThat(Api.as("marco").queryParam("q", "shipment tr").get("/api/v1/search/suggest")
                .then().statusCode(200).extract().jsonPath().getList("name", String.class))
                .contains("Shipment Tracking", "Shipment Tracking Archive");
    }
}
