package dev.agora.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** REST calls as the demo people make them: HTTP Basic with a local account, JSON both ways. */
public final class Api {

    public static final String DEMO_PASSWORD = "agora-demo";

    private Api() {
    }

    private static final java.util.Map<String, String> PASSWORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Remembers the password of an account a spec opened, so that {@link #as(String)} signs in with it. */
    public static void remember(String username, String password) {
        PASSWORDS.put(username, password);
    }

    public static RequestSpecification as(String username) {
        return as(username, PASSWORDS.getOrDefault(username, DEMO_PASSWORD));
    }

    public static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
