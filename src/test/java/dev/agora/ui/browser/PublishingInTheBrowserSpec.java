package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Locations;
import dev.agora.ui.browser.pages.LoginPage;
import dev.agora.ui.browser.pages.ProductFormPage;
import dev.agora.ui.browser.pages.ProductPageView;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A producer publishes a data product from the browser; the form says what is missing and what is wrong. */
@QuarkusTest
class PublishingInTheBrowserSpec extends BrowserSpec {

    @Test
    void an_owner_reads_the_schema_from_the_lake_completes_the_checklist_and_publishes() {
        LoginPage.open(browser).signInAs("olivia", "agora-demo");
        String name = "Order Lines " + UUID.randomUUID().toString().substring(0, 6);

        ProductFormPage form = ProductFormPage.openNew(browser)
                .name(name)
                .classification("INTERNAL")
                .description("Every line of every confirmed order, with quantity and price, one row per line.")
                .location("lake.orders")
                .readColumns();

        assertThat(form.columnRows()).isEqualTo(10);
        assertThat(form.checklist()).contains("✗ Missing: a contact (an e-mail address or a channel)")
                .contains("✓ An output port with a schema", "✓ Every column described");
        assertThat(form.canSaveAndPublish()).isFalse();
        browser.screenshot("publish-form");

        form.contact("order-lines@agora.example");
        browser.waitUntil(d -> form.canSaveAndPublish());
        ProductPageView product = form.saveAndPublish();

        assertThat(product.name()).isEqualTo(name);
        assertThat(product.text()).contains("Published").contains("lake.orders").contains("order_id");

        product = product.recordVersion("1.1.0", "Adds the line discount");
        assertThat(product.text()).contains("1.1.0").contains("Adds the line discount");
        product = product.deprecate("Use Order Lines v2 instead");
        assertThat(product.text()).contains("Deprecated").contains("Use Order Lines v2 instead");
        browser.screenshot("product-deprecated");
    }

    @Test
    void what_the_catalog_refuses_is_shown_on_the_field_concerned() {
        Locations.salesTable("lake.no_such_table");
        LoginPage.open(browser).signInAs("olivia", "agora-demo");

        ProductFormPage form = ProductFormPage.openNew(browser)
                .name("Nowhere To Be Found")
                .classification("PUBLIC")
                .location("lake.no_such_table")
                .saveExpectingRefusal();

        assertThat(form.errorOf("Location")).contains("no table lake.no_such_table");
        browser.screenshot("publish-form-refused");
    }

    @Test
    void someone_outside_the_owner_team_is_told_they_cannot_change_the_product() {
        LoginPage.open(browser).signInAs("marco", "agora-demo");

        browser.open("catalog/orders/edit");

        assertThat(browser.waitFor(By.cssSelector(".empty-state h3")).getText()).isEqualTo("You cannot change “Orders”");
    }
}
