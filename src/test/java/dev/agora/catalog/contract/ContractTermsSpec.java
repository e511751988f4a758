package dev.agora.catalog.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.platform.Refusal;
import dev.agora.support.Api;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terms of a contract (service levels and quality rules per port) are kept with the product, checked first. */
@QuarkusTest
class ContractTermsSpec {

    @Inject
    ContractService contracts;

    private static String product() {
        return Api.as("olivia").body(Products.named("Contract Spec " + Products.uniqueTag()).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("slug");
    }

    private static final ContractTerms TERMS = new ContractTerms(
            new ServiceLevels(Duration.ofHours(26), Duration.ofDays(1), "#sales-data", Duration.ofHours(4)),
            Map.of("main", List.of(
                    new QualityRule.RowCount("has-rows", "", 1L, null),
                    new QualityRule.NullRate("amount-mostly-set", "Totals are known", "amount", new BigDecimal("0.5")),
                    new QualityRule.Unique("one-row-per-order", "", List.of("order_id")),
                    new QualityRule.AcceptedValues("amount-codes", "", "amount", List.of("1", "2")),
                    new QualityRule.ValueRange("amount-positive", "", "amount", BigDecimal.ZERO, null),
                    new QualityRule.Freshness("recent", "", "amount", Duration.ofHours(26)),
                    new QualityRule.CustomSql("no-negative", "", "SELECT 1 WHERE false"))));

    @Test
    void are_kept_as_the_owner_sets_them_and_read_back_by_everyone_who_sees_the_product() {
        String slug = product();

        contracts.replaceTerms(slug, TERMS, "olivia");

        DataContract contract = contracts.contract(slug, "olivia").orElseThrow();
        assertThat(contract.terms()).isEqualTo(TERMS);
        assertThat(contract.ports().get(0).columns()).extracting("name").containsExactly("order_id", "amount");
        assertThat(contract.updatedBy()).isEqualTo("olivia");
        assertThat(contracts.termsOf(contract.productId())).isEqualTo(TERMS);
    }

    @Test
    void name_only_existing_ports_and_columns_with_bounds_in_order() {
        String slug = product();
        ContractTerms wrong = new ContractTerms(ServiceLevels.NONE, Map.of(
                "main", List.of(new QualityRule.NullRate("x", "", "no_such_column", new BigDecimal("150")),
                        new QualityRule.RowCount("x", "", 10L, 1L)),
                "elsewhere", List.of()));

        assertThatThrownBy(() -> contracts.replaceTerms(slug, wrong, "olivia"))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.fieldProblems())
                        .extracting(Refusal.FieldProblem::message)
                        .contains("the port has no column 'no_such_column'", "must be between 0 and 100",
                                "'x' is used twice in this port", "needs 0 <= minimum <= maximum",
                                "the product has no port 'elsewhere'"));
    }

    @Test
    void are_changed_only_by_the_owner_team_and_administrators() {
        String slug = product();

        assertThatThrownBy(() -> contracts.replaceTerms(slug, TERMS, "marco")).isInstanceOf(Refusal.class);
        contracts.replaceTerms(slug, TERMS, "admin");
        assertThat(contracts.contract(slug, "admin").orElseThrow().updatedBy()).isEqualTo("admin");
    }
}
