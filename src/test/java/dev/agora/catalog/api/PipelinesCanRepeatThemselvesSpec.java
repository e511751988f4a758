package dev.agora.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.agora.support.Api;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A producer's pipeline runs again and again: it must neither make duplicates nor overwrite a change it did not
 * see, and it can ask whether what it holds is still current.
 */
@QuarkusTest
class PipelinesCanRepeatThemselvesSpec {

    private static String unique(String name) {
        return name + " " + Products.uniqueTag();
    }

    @Nested
    class CreatingAProductTwice {

        @Test
        void answers_409_with_the_slug_of_the_product_that_already_has_the_name() {
            String name = unique("Repeated Pipeline");
            String slug = Api.as("olivia").body(Products.named(name).body()).post("/api/v1/products")
                    .then().statusCode(201).extract().path("slug");

            Api.as("olivia").body(Products.named(name).body()).post("/api/v1/products")
                    .then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://agora.dev/problems/conflict"))
                    .body("existing", equalTo(slug))
                    .body("detail", containsString(slug));
            Api.as("olivia").get("/api/v1/products/" + slug + "-2").then().statusCode(404);
        }

        @Test
        void counts_names_that_differ_only_in_case_as_the_same() {
            String name = unique("Cased Pipeline");
            String slug = Api.as("olivia").body(Products.named(name).body()).post("/api/v1/products")
                    .then().statusCode(201).extract().path("slug");

            Api.as("olivia").body(Products.named(name.toUpperCase()).body()).post("/api/v1/products")
                    .then().statusCode(409).body("existing", equalTo(slug));
        }
    }

    @Nested
    class PuttingAProductThatDoesNotExistYet {

        @Test
        void creates_it_under_the_slug_of_the_path() {
            String slug = "put-made-" + Products.uniqueTag();
            Api.as("olivia").body(Products.named(unique("Put Made")).body()).put("/api/v1/products/" + slug)
                    .then().statusCode(201)
                    .header("Location", endsWith("/api/v1/products/" + slug))
                    .header("ETag", not(emptyOrNullString()))
                    .body("slug", equalTo(slug))
                    .body("status", equalTo("DRAFT"));

            Api.as("olivia").body(Products.named(unique("Put Made")).with("contact", "again@agora.example").body())
                    .put("/api/v1/products/" + slug)
                    .then().statusCode(200).body("contact", equalTo("again@agora.example"));
        }

        @Test
        void with_if_match_is_a_412_and_creates_nothing() {
            String slug = "put-matched-" + Products.uniqueTag();
            Api.as("olivia").header("If-Match", "\"0\"").body(Products.named(unique("Put Matched")).body())
                    .put("/api/v1/products/" + slug)
                    .then().statusCode(412)
                    .body("type", equalTo("https://agora.dev/problems/precondition-failed"));
            Api.as("olivia").get("/api/v1/products/" + slug).then().statusCode(404);
        }
    }

    @Nested
    class ReadingAProduct {

        @Test
        void sends_an_etag_and_answers_304_to_if_none_match_with_it() {
            ExtractableResponse<Response> created = Api.as("olivia").body(Products.named(unique("Cached")).body())
                    .post("/api/v1/products").then().statusCode(201).extract();
            String slug = created.path("slug");
            String etag = Api.as("olivia").get("/api/v1/products/" + slug)
                    .then().statusCode(200).extract().header("ETag");
            assertThat(etag).isEqualTo(created.header("ETag"));

            Api.as("olivia").header("If-None-Match", etag).get("/api/v1/products/" + slug)
                    .then().statusCode(304).header("ETag", equalTo(etag));
            Api.as("olivia").header("If-None-Match", "\"999999\"").get("/api/v1/products/" + slug)
                    .then().statusCode(200).body("slug", equalTo(slug));
        }

        @Test
        void answers_200_again_once_the_product_changed() {
            String slug = Api.as("olivia").body(Products.named(unique("Changing")).body())
                    .post("/api/v1/products").then().statusCode(201).extract().path("slug");
            String etag = Api.as("olivia").get("/api/v1/products/" + slug).then().extract().header("ETag");
            Api.as("olivia").header("If-Match", etag).body(Products.named(unique("Changing"))
                            .with("contact", "later@agora.example").body())
                    .put("/api/v1/products/" + slug).then().statusCode(200);

            Api.as("olivia").header("If-None-Match", etag).get("/api/v1/products/" + slug)
                    .then().statusCode(200).body("contact", equalTo("later@agora.example"));
        }
    }
}
