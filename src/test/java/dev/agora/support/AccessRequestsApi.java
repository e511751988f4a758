package dev.agora.support;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Access requests as consumers and approvers make them through the API. */
public final class AccessRequestsApi {

    private AccessRequestsApi() {
    }

    /** A request body: {product, ports, principal, justification, durationDays}. */
    public static Map<String, Object> request(String product, String team, int days) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("product", product);
        if (team != null) {
            body.put("principal", Map.of("type", "TEAM", "name", team));
        }
        body.put("permission", "READ");
        body.put("justification", "Campaign attribution for Q3");
        body.put("durationDays", days);
        return body;
    }

    public static JsonPath submit(String as, Map<String, Object> body) {
        return Api.as(as).body(body).post("/api/v1/access-requests").then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath get(String as, String id) {
        return Api.as(as).get("/api/v1/access-requests/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath approve(String as, String id) {
        return Api.as(as).body(Map.of()).post("/api/v1/access-requests/" + id + "/approve")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the request reaches the status (grants are applied by a worker, just after the approval). */
    public static JsonPath awaitStatus(String as, String id, String status) {
        return Eventually.within(Duration.ofSeconds(10), "request " + id + " to be " + status,
                () -> get(as, id), request -> status.equals(request.getString("status")));
    }

    /** A published product of sales-analytics on lake.campaigns with a unique name: free of other specs' requests. */
    public static String freshProduct(String classification) {
        // the access specs grant on lake.campaigns: in the test database it is registered to sales-analytics
        Locations.transfer("sales-analytics", "postgres-table", "lake.campaigns");
        String slug = Api.as("olivia").body(Products.named("Access Spec " + Products.uniqueTag())
                        .with("classification", classification)
                        .harvestedPort("campaigns", "postgres-table", "lake.campaigns").body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
        return slug;
    }

    public static List<String> inbox(String as) {
        return Api.as(as).queryParam("view", "inbox").get("/api/v1/access-requests").then().statusCode(200)
                .extract().jsonPath().getList("id");
    }
}
