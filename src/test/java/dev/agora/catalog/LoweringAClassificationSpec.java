package dev.agora.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.agora.audit.AuditLog;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.Api;
import dev.agora.support.People;
import dev.agora.support.Products;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Lowering a product's classification needs an independent steward of its domain or an administrator: an owner
 * of the team proposes it, a member (or a STEWARD member of the owner team) cannot do it alone.
 */
@QuarkusTest
class LoweringAClassificationSpec {

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    @Inject
    AuditLog audit;

    People people;
    String slug;
    String name;
    /** A steward of domain sales from another team than the owner team. */
    String steward;

    @BeforeEach
    void aConfidentialProduct() {
        people = new People(accounts, directory);
        steward = people.person("steward");
        people.member(people.team("sales-governance", "sales"), steward, TeamRole.STEWARD);
        name = "Lowering Spec " + Products.uniqueTag();
        slug = Api.as("olivia").body(product("CONFIDENTIAL")).post("/api/v1/products").then().statusCode(201)
                .extract().path("slug");
        Api.as("olivia").post("/api/v1/products/" + slug + "/publish").then().statusCode(200);
    }

    private Map<String, Object> product(String classification) {
        return Products.named(name).with("classification", classification).body();
    }

    private io.restassured.response.ValidatableResponse lower(String as) {
        return Api.as(as).body(product("PUBLIC")).put("/api/v1/products/" + slug).then();
    }

    @Nested
    class An_owner_of_the_team {

        @Test
        void only_proposes_it_and_the_product_keeps_its_classification() {
            lower("olivia").statusCode(200)
                    .body("classification", equalTo("CONFIDENTIAL"))
                    .body("classificationProposal.classification", equalTo("PUBLIC"))
                    .body("classificationProposal.proposedBy", equalTo("olivia"));

            Api.as("olivia").get("/api/v1/products/" + slug).then().statusCode(200)
                    .body("classification", equalTo("CONFIDENTIAL"));
        }

        @Test
        void cannot_agree_to_their_own_proposal() {
            lower("olivia").statusCode(200);

            Api.as("olivia").body(Map.of()).post("/api/v1/products/" + slug + "/classification-proposal/approve")
                    .then().statusCode(403).body("detail", containsString("steward of domain 'sales'"));
        }

        @Test
        void may_withdraw_the_proposal() {
            lower("olivia").statusCode(200);

            Api.as("olivia").body(Map.of()).post("/api/v1/products/" + slug + "/classification-proposal/reject")
                    .then().statusCode(200).body("classificationProposal", nullValue())
                    .body("classification", equalTo("CONFIDENTIAL"));
        }
    }

    @Nested
    class A_steward_of_the_domain {

        @Test
        void agrees_to_the_proposal_and_it_applies() {
            lower("olivia").statusCode(200);

            Api.as(steward).body(Map.of()).post("/api/v1/products/" + slug + "/classification-proposal/approve")
                    .then().statusCode(200).body("classification", equalTo("PUBLIC"))
                    .body("classificationProposal", nullValue());
            assertThat(QuarkusTransaction.requiringNew().call(() -> audit.about("data-product", slug)))
                    .extracting(e -> e.action())
                    .containsSubsequence("catalog.product.classification-proposed",
                            "catalog.product.classification-proposal-approved");
        }

        @Test
        void turns_a_proposal_down_with_a_reason() {
            lower("olivia").statusCode(200);

            Api.as(steward).body(Map.of("reason", "still holds customer e-mails"))
                    .post("/api/v1/products/" + slug + "/classification-proposal/reject")
                    .then().statusCode(200).body("classification", equalTo("CONFIDENTIAL"))
                    .body("classificationProposal", nullValue());
        }

        @Test
        void who_is_a_steward_member_of_the_owner_team_cannot_lower_it_alone() {
            // stella is STEWARD of sales-analytics, the owner team: party to the product, not independent
            lower("stella").statusCode(403).body("detail", containsString("from outside team 'sales-analytics'"));
            lower("olivia").statusCode(200);
            Api.as("stella").body(Map.of()).post("/api/v1/products/" + slug + "/classification-proposal/approve")
                    .then().statusCode(403);
        }
    }

    @Nested
    class A_member_of_the_team {

        @Test
        void is_refused_with_the_reason() {
            String member = people.person("member");
            people.member("sales-analytics", member, TeamRole.MEMBER);

            lower(member).statusCode(403).body("detail", containsString("needs a steward of domain 'sales'"));
            Api.as("olivia").get("/api/v1/products/" + slug).then()
                    .body("classification", equalTo("CONFIDENTIAL")).body("classificationProposal", nullValue());
        }

        @Test
        void may_still_raise_it() {
            String member = people.person("member");
            people.member("sales-analytics", member, TeamRole.MEMBER);

            Api.as(member).body(product("RESTRICTED")).put("/api/v1/products/" + slug).then().statusCode(200)
                    .body("classification", equalTo("RESTRICTED"));
        }
    }

    @Test
    void an_administrator_lowers_it_at_once() {
        lower("admin").statusCode(200).body("classification", equalTo("PUBLIC"))
                .body("classificationProposal", nullValue());
    }

    @Test
    void agreeing_when_nothing_was_proposed_is_a_conflict() {
        Api.as(steward).body(Map.of()).post("/api/v1/products/" + slug + "/classification-proposal/approve")
                .then().statusCode(409);
    }
}
