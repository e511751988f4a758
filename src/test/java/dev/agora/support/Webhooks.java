package dev.agora.support;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Webhooks as teams create them through the API, and what their endpoints receive. */
public final class Webhooks {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Webhooks() {
    }

    public static Map<String, Object> body(String url, String team, List<String> products, List<String> types) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("team", team);
        body.put("products", products);
        body.put("types", types);
        return body;
    }

    /** Creates the webhook; the answer carries its id and its secret. */
    public static JsonPath create(String as, String url, String team, List<String> products, List<String> types) {
        return Api.as(as).body(body(url, team, products, types)).post("/api/v1/webhooks").then().statusCode(201)
                .extract().jsonPath();
    }

    public static void delete(String as, String id) {
        Api.as(as).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    /** The webhook's deliveries through the API, newest first. */
    public static List<Map<String, Object>> deliveries(String as, String id) {
        return Api.as(as).queryParam("size", "200").get("/api/v1/webhooks/" + id + "/deliveries").then()
                .statusCode(200).extract().jsonPath().getList("$");
    }

    /** The CloudEvent a request carried, parsed with the SDK's structured JSON format. */
    public static CloudEvent event(RecordingEndpoint.Received received) {
        return EventFormatProvider.getInstance().resolveFormat(received.header("Content-Type"))
                .deserialize(received.body());
    }

    /** Waits until the path received a request the predicate picks out, and gives it. */
    public static RecordingEndpoint.Received awaitReceived(RecordingEndpoint endpoint, String path, String what,
            Predicate<RecordingEndpoint.Received> picked) {
        return Eventually.within(WAIT, path + " to receive " + what,
                () -> endpoint.received(path).stream().filter(picked).findFirst(),
                java.util.Optional::isPresent).get();
    }

    /** Picks out the event of this type about this subject. */
    public static Predicate<RecordingEndpoint.Received> eventOf(String type, String subject) {
        return received -> type.equals(received.header("X-Agora-Event-Type"))
                && subject.equals(event(received).getSubject());
    }
}
