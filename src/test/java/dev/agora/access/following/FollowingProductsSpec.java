package dev.agora.access.following;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.support.People;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A person follows a product for themselves; members of a team (any role) and administrators follow it for the
 * team. Following is idempotent (201 the first time, 200 after; unfollowing nothing is a 204), safe when
 * concurrent, and only for products the follower may see: a draft is a 404 to everyone outside its team.
 */
@QuarkusTest
class FollowingProductsSpec {

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    People people;
    String product;

    @BeforeEach
    void aPublishedProduct() {
        people = new People(accounts, directory);
        product = AccessRequestsApi.freshProduct("INTERNAL");
    }

    private static String follow(String product) {
        return "/api/v1/products/" + product + "/follow";
    }

    @Nested
    class Personally {

        @Test
        void a_person_follows_a_product_and_following_again_changes_nothing() {
            String ada = people.person("ada");

            Api.as(ada).post(follow(product)).then().statusCode(201)
                    .body("product", equalTo(product)).body("follower", equalTo(ada))
                    .body("kind", equalTo("PERSON")).body("following", equalTo(true))
                    .body("automatic", equalTo(false));
            Api.as(ada).body(Map.of()).post(follow(product)).then().statusCode(200)
                    .body("following", equalTo(true));

            assertThat(Api.as(ada).get(follow(product)).then().statusCode(200).extract().jsonPath()
                    .getBoolean("personally.following")).isTrue();
        }

        @Test
        void a_product_is_followed_by_id_as_well_as_by_slug() {
            String ada = people.person("ada");
            long id = Api.as(ada).get("/api/v1/products/" + product).then().extract().jsonPath().getLong("id");

            Api.as(ada).post(follow(Long.toString(id))).then().statusCode(201).body("product", equalTo(product));
        }

        @Test
        void a_person_unfollows_and_unfollowing_again_is_no_error() {
            String ada = people.person("ada");
            Api.as(ada).post(follow(product)).then().statusCode(201);

            Api.as(ada).delete(follow(product)).then().statusCode(204);
            Api.as(ada).delete(follow(product)).then().statusCode(204);

            assertThat(Api.as(ada).get(follow(product)).then().extract().jsonPath()
                    .getBoolean("personally.following")).isFalse();
            Api.as(ada).post(follow(product)).then().statusCode(201);
        }

        @Test
        void concurrent_follows_store_one_follow() throws Exception {
            String ada = people.person("ada");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    calls.add(() -> Api.as(ada).post(follow(product)).then().extract().statusCode());
                }
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> answer : pool.invokeAll(calls)) {
                    codes.add(answer.get());
                }
                assertThat(codes).containsOnly(201, 200).filteredOn(code -> code == 201).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(Api.as(ada).get("/api/v1/me/following").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.product == '" + product + "' }")).hasSize(1);
        }

        @Test
        void the_products_one_follows_are_listed_with_through_whom() {
            String ada = people.person("ada");
            String team = people.team("readers", "sales");
            people.member(team, ada, TeamRole.MEMBER);
            Api.as(ada).post(follow(product)).then().statusCode(201);
            Api.as(ada).body(Map.of("team", team)).post(follow(product)).then().statusCode(201);

            JsonPath following = Api.as(ada).get("/api/v1/me/following").then().statusCode(200)
                    .header("X-Total-Count", "1").extract().jsonPath();

            assertThat(following.getString("[0].product")).isEqualTo(product);
            assertThat(following.getString("[0].status")).isEqualTo("PUBLISHED");
            assertThat(following.getList("[0].through.kind")).containsExactly("PERSON", "TEAM");
            assertThat(following.getList("[0].through.follower")).containsExactly(ada, team);
        }
    }

    @Nested
    class ForATeam {

        @Test
        void a_member_of_any_role_follows_for_the_team_and_the_team_is_then_following() {
            String ada = people.person("ada");
            String bo = people.person("bo");
            String team = people.team("readers", "sales");
            people.member(team, ada, TeamRole.MEMBER).member(team, bo, TeamRole.OWNER);

            Api.as(ada).body(Map.of("team", team)).post(follow(product)).then().statusCode(201)
                    .body("follower", equalTo(team)).body("kind", equalTo("TEAM"));

            JsonPath seenByBo = Api.as(bo).get(follow(product)).then().statusCode(200).extract().jsonPath();
            assertThat(seenByBo.getBoolean("personally.following")).isFalse();
            assertThat(seenByBo.getList("teams.follower")).containsExactly(team);
            assertThat(seenByBo.getBoolean("teams[0].following")).isTrue();
            Api.as(bo).delete(follow(product) + "?team=" + team).then().statusCode(204);
            assertThat(Api.as(ada).get(follow(product)).then().extract().jsonPath()
                    .getBoolean("teams[0].following")).isFalse();
        }

        @Test
        void a_member_of_another_team_cannot_change_the_teams_follow() {
            String ada = people.person("ada");
            String mallory = people.person("mallory");
            String team = people.team("readers", "sales");
            people.member(team, ada, TeamRole.MEMBER);
            people.member(people.team("others", "sales"), mallory, TeamRole.OWNER);
            Api.as(ada).body(Map.of("team", team)).post(follow(product)).then().statusCode(201);

            Api.as(mallory).body(Map.of("team", team)).delete(follow(product)).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("Only members of team '" + team + "'"));
            Api.as(mallory).body(Map.of("team", team)).post(follow(product)).then().statusCode(403);

            assertThat(Api.as(ada).get(follow(product)).then().extract().jsonPath()
                    .getBoolean("teams[0].following")).isTrue();
        }

        @Test
        void an_administrator_follows_for_any_team() {
            String team = people.team("readers", "sales");

            Api.as("admin").body(Map.of("team", team)).post(follow(product)).then().statusCode(201)
                    .body("follower", equalTo(team));
        }

        @Test
        void a_team_and_its_slug_are_checked_before_anything_is_stored() {
            String ada = people.person("ada");

            Api.as(ada).body(Map.of("team", "Not a slug!")).post(follow(product)).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("team"));
            Api.as(ada).body(Map.of("team", "x".repeat(64))).post(follow(product)).then().statusCode(400);
            Api.as(ada).body(Map.of("team", "no-such-team-at-all")).post(follow(product)).then().statusCode(400)
                    .body("detail", containsString("there is no team 'no-such-team-at-all'"));
            Api.as(ada).body(Map.of("team", "sales-analytics")).delete(follow(product) + "?team=marketing-insights")
                    .then().statusCode(400).body("detail", containsString("names two teams"));
            Api.as(ada).body("{\"team\": ").post(follow(product)).then().statusCode(400);
            Api.as(ada).queryParam("size", "1000").get("/api/v1/me/following").then().statusCode(400);
        }
    }

    @Nested
    class Drafts {

        @Test
        void a_draft_is_not_found_by_people_outside_its_team() {
            String draft = Api.as("olivia").body(Products.named("Follow Draft " + Products.uniqueTag()).body())
                    .post("/api/v1/products").then().statusCode(201).extract().path("slug");
            String ada = people.person("ada");

            Api.as(ada).post(follow(draft)).then().statusCode(404).contentType("application/problem+json");
            Api.as(ada).get(follow(draft)).then().statusCode(404);
            Api.as(ada).delete(follow(draft)).then().statusCode(404);
            Api.as(ada).post(follow("no-such-product-" + Products.uniqueTag())).then().statusCode(404);
        }

        @Test
        void a_draft_is_followed_by_its_own_team_but_not_for_another_team() {
            String draft = Api.as("olivia").body(Products.named("Follow Draft " + Products.uniqueTag()).body())
                    .post("/api/v1/products").then().statusCode(201).extract().path("slug");
            String other = people.team("readers", "sales");

            Api.as("olivia").post(follow(draft)).then().statusCode(201);
            Api.as("olivia").body(Map.of("team", "sales-analytics")).post(follow(draft)).then().statusCode(201);
            // an administrator sees the draft, but another team may not follow it: it would learn of it
            Api.as("admin").body(Map.of("team", other)).post(follow(draft)).then().statusCode(404);
        }
    }
}
