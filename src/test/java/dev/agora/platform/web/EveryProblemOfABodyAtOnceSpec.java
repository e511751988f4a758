package dev.agora.platform.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A body with several problems gets all of them in one answer, a value of the wrong enumeration included. */
@QuarkusTest
class EveryProblemOfABodyAtOnceSpec {

    @Test
    void a_product_with_an_unknown_classification_an_unknown_port_type_and_a_blank_name_hears_of_all_three() {
        Map<String, Object> body = Products.named(" ").with("classification", "TOP-SECRET").body();
        body.put("outputPorts", List.of(Map.of("name", "main", "type", "ftp-folder", "location", "x")));
        Api.as("olivia").body(body).post("/api/v1/products")
                .then().statusCode(400)
                .body("errors.field", hasItems("name", "classification", "outputPorts[0].type"))
                .body("errors.find { it.field == 'classification' }.message", containsString("CONFIDENTIAL"));
    }

    @Test
    void an_access_request_with_an_unknown_permission_principal_type_and_no_justification_hears_of_all() {
        Map<String, Object> body = AccessRequestsApi.request(AccessRequestsApi.freshProduct("INTERNAL"), null, 30);
        body.put("permission", "OWN");
        body.put("principal", Map.of("type", "ROBOT", "name", "r2"));
        body.put("justification", "");
        Api.as("marco").body(body).post("/api/v1/access-requests")
                .then().statusCode(400)
                .body("errors.field", hasItems("permission", "principal.type", "justification"))
                .body("errors.find { it.field == 'permission' }.message", containsString("READ"));
    }
}
