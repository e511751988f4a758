package dev.agora.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.quality.QualityStanding;
import dev.agora.catalog.quality.QualityStandings;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Among equally relevant results a better quality score ranks higher, an unchecked product as a neutral middle,
 * and a clearly better match still comes first (ADR 0015). Products of this spec differ only in their standing;
 * every search is narrowed to the spec's own marker tag.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityRankingSpec {

    private static final String DESCRIPTION = "Parcel scans of every depot of the carrier network, hour by hour.";
    private static final String marker = Products.uniqueTag();
    private static final String followed = Products.uniqueTag();
    private static final Map<String, Long> ids = new java.util.HashMap<>();
    private static boolean catalogReady;

    @Inject
    QualityStandings standings;

    // once per class, but in @BeforeEach: the HTTP port of the application under test is set per test
    @BeforeEach
    void productsThatDifferOnlyInTheirStanding() {
        if (catalogReady) {
            return;
        }
        catalogReady = true;
        // published in the reverse of the expected order, so that the index's own tie-break (document order)
        // cannot pass the spec by itself
        publish("Depot Scans North", marker);
        publish("Depot Scans South", marker);
        publish("Depot Scans East", marker);
        publish("Carrier Ledger", marker, "What carriers bill us for depot scans, one line per parcel.");
        record("Depot Scans North", 40.0, 3);
        record("Depot Scans East", 100.0, 0);
        record("Carrier Ledger", 100.0, 0);

        publish("Depot Scans Alpha", followed);
        publish("Depot Scans Beta", followed);
        record("Depot Scans Alpha", 80.0, 1);
        record("Depot Scans Beta", 90.0, 0);
        Eventually.within(Duration.ofSeconds(5), "the spec's standings in the index",
                () -> search(marker, "depot scans").getList("items.qualityScore"),
                scores -> scores.size() == 4 && scores.stream().filter(java.util.Objects::nonNull).count() == 3);
    }

    private void publish(String name, String tag) {
        publish(name, tag, DESCRIPTION);
    }

    private void publish(String name, String tag, String description) {
        JsonPath created = Api.as("olivia").body(Products.named(name).tagged(tag).with("description", description).body())
                .post("/api/v1/products").then().statusCode(201).extract().jsonPath();
        Api.as("olivia").post("/api/v1/products/" + created.getString("slug") + "/publish").then().statusCode(200);
        ids.put(name, created.getLong("id"));
    }

    private void record(String name, Double score, int failing) {
        standings.record(new QualityStanding(ids.get(name), score, failing, Instant.now()));
    }

    private static JsonPath search(String tag, String words) {
        return Api.as("marco").queryParam("tag", tag).queryParam("q", words).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> names(String tag, String words) {
        return search(tag, words).getList("items.name");
    }

    @Nested
    class AmongEquallyRelevantResults {

        @Test
        void the_better_score_ranks_higher_and_an_unchecked_product_ranks_in_the_middle() {
            assertThat(names(marker, "depot scans")).startsWith("Depot Scans East", "Depot Scans South",
                    "Depot Scans North");
        }

        @Test
        void relevance_still_wins_over_score_for_a_clearly_better_match() {
            // the ledger names the words only in its description, and has the best score of all
            assertThat(names(marker, "depot scans")).containsExactly("Depot Scans East", "Depot Scans South",
                    "Depot Scans North", "Carrier Ledger");
        }

        @Test
        void an_exact_name_beats_any_score() {
            assertThat(names(marker, "depot scans north").get(0)).isEqualTo("Depot Scans North");
        }

        @Test
        void other_orders_than_relevance_ignore_the_score() {
            List<String> byName = Api.as("marco").queryParam("tag", marker).queryParam("q", "depot scans")
                    .queryParam("sort", "name").get("/api/v1/search").then().statusCode(200).extract()
                    .jsonPath().getList("items.name");
            assertThat(byName).containsExactly("Carrier Ledger", "Depot Scans East", "Depot Scans North",
                    "Depot Scans South");
        }
    }

    @Nested
    class TheResultJson {

        @Test
        void carries_the_quality_score_and_whether_a_rule_fails() {
            JsonPath result = search(marker, "depot scans");
            Map<String, Object> north = hit(result, "Depot Scans North");
            Map<String, Object> south = hit(result, "Depot Scans South");
            Map<String, Object> east = hit(result, "Depot Scans East");

            assertThat(((Number) north.get("qualityScore")).doubleValue()).isEqualTo(40.0);
            assertThat(north.get("qualityIssue")).isEqualTo(true);
            assertThat(((Number) east.get("qualityScore")).doubleValue()).isEqualTo(100.0);
            assertThat(east.get("qualityIssue")).isEqualTo(false);
            assertThat(south.get("qualityScore")).isNull();
            assertThat(south.get("qualityIssue")).isEqualTo(false);
        }

        private Map<String, Object> hit(JsonPath result, String name) {
            List<Map<String, Object>> items = result.getList("items");
            return items.stream().filter(item -> name.equals(item.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no hit " + name + " in " + items));
        }
    }

    @Nested
    class TheIndexFollowsANewStanding {

        @Test
        void a_recorded_run_re_ranks_the_product_soon_after() {
            Eventually.within(Duration.ofSeconds(5), "beta (90) above alpha (80)", () -> names(followed, "depot scans"),
                    names -> names.equals(List.of("Depot Scans Beta", "Depot Scans Alpha")));

            record("Depot Scans Alpha", 100.0, 0);

            Eventually.within(Duration.ofSeconds(5), "alpha re-ranked above beta after its new run",
                    () -> names(followed, "depot scans"),
                    names -> names.equals(List.of("Depot Scans Alpha", "Depot Scans Beta")));
            JsonPath result = search(followed, "depot scans");
            assertThat(result.getDouble("items[0].qualityScore")).isEqualTo(100.0);
            assertThat(result.getBoolean("items[0].qualityIssue")).isFalse();
        }
    }
}
