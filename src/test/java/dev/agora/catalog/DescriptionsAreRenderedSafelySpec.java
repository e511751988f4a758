package dev.agora.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A product description is Markdown from a producer; rendered, it must not be able to run anything. */
class DescriptionsAreRenderedSafelySpec {

    @Test
    void markdown_becomes_html() {
        assertThat(ProductDescription.toSafeHtml("All orders, **one row per order**.\n\n- daily\n- complete"))
                .contains("<strong>one row per order</strong>").contains("<li>daily</li>");
    }

    @Test
    void a_script_tag_is_shown_as_text_not_run() {
        String html = ProductDescription.toSafeHtml("Hello <script>alert('x')</script> world");

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void event_handler_attributes_do_not_survive() {
        String html = ProductDescription.toSafeHtml("<img src=x onerror=alert(1)> and <a href=# onclick=steal()>x</a>");

        assertThat(html).doesNotContain("<img").doesNotContain("<a href=#");
        assertThat(html.replace("&lt;", "")).doesNotContainPattern("<[^>]*onerror");
    }

    @Test
    void javascript_links_lose_their_target() {
        String html = ProductDescription.toSafeHtml("[click me](javascript:alert(1)) and [data](data:text/html;base64,xx)");

        assertThat(html).doesNotContain("javascript:").doesNotContain("data:text/html").contains("click me");
    }

    @Test
    void ordinary_links_stay() {
        assertThat(ProductDescription.toSafeHtml("[docs](https://example.com/orders)"))
                .contains("href=\"https://example.com/orders\"").contains(">docs</a>");
    }

    @Test
    void plain_text_drops_the_markup_for_search_and_snippets() {
        assertThat(ProductDescription.toPlainText("All **orders**, see [docs](https://example.com)."))
                .isEqualTo("All orders, see docs.");
    }

    @Test
    void an_image_from_another_site_becomes_its_alt_text() {
        String html = ProductDescription.toSafeHtml("Chart: ![orders per day](https://tracker.example.com/pixel.png)"
                + " and ![twin](//tracker.example.com/p.png)");

        assertThat(html).doesNotContain("<img").doesNotContain("tracker.example.com").contains("orders per day")
                .contains("twin");
    }

    @Test
    void an_image_from_agora_itself_or_a_data_uri_stays() {
        String html = ProductDescription.toSafeHtml("![logo](/images/logo.png) ![dot](data:image/png;base64,iVBORw0KGgo=)");

        assertThat(html).contains("<img src=\"/images/logo.png\"").contains("src=\"data:image/png;base64,iVBORw0KGgo=\"");
    }
}
