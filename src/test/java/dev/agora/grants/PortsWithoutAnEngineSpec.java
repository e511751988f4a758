package dev.agora.grants;

import static dev.agora.support.AccessRequestsApi.approve;
import static dev.agora.support.AccessRequestsApi.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.support.Locations;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ports no engine grants on (S3 prefixes and Kinesis streams today, Glue tables without Lake Formation) fail with
 * a clear reason the owner sees, instead of pretending.
 */
@QuarkusTest
class PortsWithoutAnEngineSpec {

    @Test
    void access_to_an_s3_prefix_fails_with_no_engine_configured_shown_to_the_owner() {
        Locations.register("sales-analytics", "s3-prefix", "s3://agora-raw/exports/");
        String slug = Api.as("olivia").body(Products.named("Raw Exports " + Products.uniqueTag())
                        .port("raw", "s3-prefix", "s3://agora-raw/exports/",
                                Products.column("line", "string", "One exported line")).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        Map<String, Object> body = AccessRequestsApi.request(slug, "marketing-insights", 30);
        body.put("ports", List.of("raw"));
        String id = AccessRequestsApi.submit("marco", body).getString("id");

        approve("olivia", id);
        JsonPath failed = awaitStatus("olivia", id, "FAILED");

        assertThat(failed.getString("lastGrantError")).contains("no engine is configured for s3-prefix ports");
        assertThat(failed.getString("grants[0].engine")).isEqualTo("none");
        assertThat(Api.as("olivia").get("/api/v1/notifications").then().extract().jsonPath().getList("message",
                String.class)).anySatisfy(message -> assertThat(message).contains("could not be granted"));
    }

    @Test
    void an_administrator_gives_a_team_its_aws_principal_in_a_checked_form() {
        Api.as("admin").body(Map.of("awsPrincipalArn", "not-an-arn")).put("/api/v1/admin/teams/marketing-insights")
                .then().statusCode(400).body("errors[0].field", equalTo("awsPrincipalArn"));
        Api.as("admin").body(Map.of("awsPrincipalArn", "arn:aws:iam::123456789012:role/marketing-insights"))
                .put("/api/v1/admin/teams/marketing-insights")
                .then().statusCode(200).body("awsPrincipalArn", containsString("role/marketing-insights"));
        Api.as("admin").body(Map.of("awsPrincipalArn", "")).put("/api/v1/admin/teams/marketing-insights")
                .then().statusCode(200);
        Api.as("olivia").body(Map.of("awsPrincipalArn", "arn:aws:iam::123456789012:role/x"))
                .put("/api/v1/admin/teams/marketing-insights").then().statusCode(403);
    }
}
