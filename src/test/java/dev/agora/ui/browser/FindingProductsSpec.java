package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.ui.browser.pages.CatalogPage;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ProductPageView;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A consumer finds a data product in the browser: a misspelled search, a facet, the product page. */
@QuarkusTest
class FindingProductsSpec extends BrowserSpec {

    @Test
    void a_consumer_types_a_misspelled_name_picks_a_facet_and_opens_the_product() {
        LoginPage.open(browser).signInAs("marco", "agora-demo");

        CatalogPage catalog = CatalogPage.open(browser).searchFor("custmers");
        assertThat(catalog.resultNames()).contains("Customers");
        browser.screenshot("catalog-search");

        catalog.pickFacet("classification", "CONFIDENTIAL");
        assertThat(catalog.resultNames()).contains("Customers").doesNotContain("Orders", "Campaigns");
        assertThat(catalog.facetChoices("domain")).allSatisfy(choice -> assertThat(choice).startsWith("sales"));
        browser.screenshot("catalog-facet");

        ProductPageView product = catalog.openResult("Customers");
        assertThat(product.name()).isEqualTo("Customers");
        assertThat(product.text()).contains("Sales Analytics").contains("olivia").contains("customers")
                .contains("lake.customers");
        assertThat(product.columnNames()).contains("email", "full_name");
        assertThat(product.offersToRequestAccess()).isTrue();
        browser.screenshot("product-page");
    }
}
