package dev.agora.access.following;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static dev.agora.support.AccessRequestsApi.request;
import static dev.agora.support.AccessRequestsApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.access.application.ProductFollowing;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.support.People;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A team with ACTIVE access to a product follows it without asking — computed from its access, so the follow ends
 * when the access ends — unless a member unfollowed it for the team; following again undoes that.
 */
@QuarkusTest
class FollowingThroughActiveAccessSpec {

    @Inject
    ProductFollowing following;

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    String product;
    String requestId;
    String ada;

    @BeforeEach
    void marketingInsightsHasActiveAccess() {
        product = AccessRequestsApi.freshProduct("INTERNAL");
        requestId = submit("marco", request(product, "marketing-insights", 30)).getString("id");
        approve("olivia", requestId);
        awaitStatus("marco", requestId, "ACTIVE");
        ada = new People(accounts, directory).person("ada");
    }

    private static String follow(String product) {
        return "/api/v1/products/" + product + "/follow";
    }

    private JsonPath teamState(String as) {
        return Api.as(as).get(follow(product)).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_team_with_active_access_follows_the_product_automatically() {
        JsonPath state = teamState("marco");

        assertThat(state.getString("teams.find { it.follower == 'marketing-insights' }.following")).isEqualTo("true");
        assertThat(state.getString("teams.find { it.follower == 'marketing-insights' }.automatic")).isEqualTo("true");
        assertThat(following.followers(product).teams()).containsExactly("marketing-insights");
        JsonPath mine = Api.as("marco").get("/api/v1/me/following").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("find { it.product == '" + product + "' }.through.automatic")).containsExactly(true);
    }

    @Test
    void people_outside_the_team_do_not_follow_through_its_access() {
        assertThat(following.followers(product).people()).isEmpty();
        assertThat(Api.as(ada).get("/api/v1/me/following").then().statusCode(200).extract().jsonPath()
                .getList("product")).doesNotContain(product);
    }

    @Test
    void a_member_opts_the_team_out_and_following_again_brings_it_back() {
        Api.as("marco").body(Map.of("team", "marketing-insights")).delete(follow(product)).then().statusCode(204);

        assertThat(teamState("marco").getString("teams.find { it.follower == 'marketing-insights' }.following"))
                .isEqualTo("false");
        assertThat(following.followers(product).teams()).isEmpty();

        Api.as("marco").body(Map.of("team", "marketing-insights")).post(follow(product)).then().statusCode(201);
        assertThat(following.followers(product).teams()).containsExactly("marketing-insights");
        assertThat(teamState("marco").getString("teams.find { it.follower == 'marketing-insights' }.automatic"))
                .isEqualTo("false");
    }

    @Test
    void the_automatic_follow_ends_when_the_access_ends() {
        Api.as("olivia").body(Map.of("reason", "Project over")).post("/api/v1/access-requests/" + requestId
                + "/revoke").then().statusCode(200);

        assertThat(following.followers(product).teams()).isEmpty();
        assertThat(teamState("marco").getString("teams.find { it.follower == 'marketing-insights' }.following"))
                .isEqualTo("false");
    }

    @Test
    void a_team_that_follows_explicitly_keeps_following_when_its_access_ends() {
        Api.as("marco").body(Map.of("team", "marketing-insights")).post(follow(product)).then().statusCode(201);

        Api.as("olivia").body(Map.of("reason", "Project over")).post("/api/v1/access-requests/" + requestId
                + "/revoke").then().statusCode(200);

        assertThat(following.followers(product).teams()).containsExactly("marketing-insights");
    }
}
