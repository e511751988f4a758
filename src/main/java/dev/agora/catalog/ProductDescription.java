package dev.agora.catalog;

import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * A product's Markdown description, rendered safely: raw HTML in the Markdown is shown as text (so no script or
 * event-handler attribute survives) and links with unsafe schemes (javascript:, data: …) lose their target.
 */
public final class ProductDescription {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .percentEncodeUrls(true)
            .build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private ProductDescription() {
    }

    public static String toSafeHtml(String markdown) {
        return HTML.render(parse(markdown));
    }

    /** The words of the description without Markdown syntax: what search indexes and snippets show. */
    public static String toPlainText(String markdown) {
        return TEXT.render(parse(markdown)).strip();
    }

    /** Roughly how many words the description has, for the publishing readiness check. */
    public static int wordCount(String markdown) {
        String text = toPlainText(markdown);
        return text.isBlank() ? 0 : List.of(text.split("\\s+")).size();
    }

    private static Node parse(String markdown) {
        return PARSER.parse(markdown == null ? "" : markdown);
    }
}
