package dev.agora.catalog;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * A product's Markdown description, rendered safely: raw HTML in the Markdown is shown as text (so no script or
 * event-handler attribute survives) and links with unsafe schemes (javascript:, data: …) lose their target.
 * Images show only from Agora itself (a relative address) or a data: image; any other image becomes its alt text,
 * so that a description cannot make readers' browsers call another site.
 */
public final class ProductDescription {

    private static final Parser PARSER = Parser.builder().build();
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeLinks())
            .percentEncodeUrls(true)
            .build();

    private ProductDescription() {
    }

    public static String toSafeHtml(String markdown) {
        Node document = parse(markdown);
        document.accept(new ForeignImagesToText());
        return HTML.render(document);
    }

    /** The words of the description without Markdown syntax: what search indexes and snippets show. */
    public static String toPlainText(String markdown) {
        PlainText text = new PlainText();
        parse(markdown).accept(text);
        return text.toString();
    }

    /** Roughly how many words the description has, for the publishing readiness check. */
    public static int wordCount(String markdown) {
        String text = toPlainText(markdown);
        return text.isBlank() ? 0 : List.of(text.split("\\s+")).size();
    }

    private static Node parse(String markdown) {
        return PARSER.parse(markdown == null ? "" : markdown);
    }

    /** Links and images keep only web and mail targets; relative links stay. */
    private static final class SafeLinks implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            return safe(url);
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return isOwnOrData(url) ? url.strip() : "";
        }

        private static String safe(String url) {
            String trimmed = url == null ? "" : url.strip();
            try {
                String scheme = URI.create(trimmed.replace(" ", "%20")).getScheme();
                return scheme == null || SAFE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT)) ? trimmed : "";
            } catch (IllegalArgumentException malformed) {
                return "";
            }
        }
    }

    /** An image from elsewhere is replaced by its alt text, which is all a reader loses. */
    private static final class ForeignImagesToText extends AbstractVisitor {

        @Override
        public void visit(Image image) {
            if (isOwnOrData(image.getDestination())) {
                return;
            }
            PlainText alt = new PlainText();
            image.accept(alt);
            image.insertBefore(new Text(alt.toString()));
            image.unlink();
        }
    }

    /** A relative address (on Agora itself) or a data: image; never another host, not even scheme-relative. */
    static boolean isOwnOrData(String url) {
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.regionMatches(true, 0, "data:image/", 0, "data:image/".length())) {
            return true;
        }
        if (trimmed.isEmpty() || trimmed.startsWith("//") || trimmed.contains("\\")) {
            return false;
        }
        try {
            URI uri = URI.create(trimmed.replace(" ", "%20"));
            return uri.getScheme() == null && uri.getAuthority() == null;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The readable words: link texts without their targets, code as written, one line per block. */
    private static final class PlainText extends AbstractVisitor {

        private final StringBuilder text = new StringBuilder();

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak node) {
            text.append('\n');
        }

        @Override
        public void visit(FencedCodeBlock node) {
            text.append(node.getLiteral().strip()).append('\n');
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            text.append(node.getLiteral().strip()).append('\n');
        }

        @Override
        public void visit(Paragraph node) {
            visitChildren(node);
            text.append('\n');
        }

        @Override
        public void visit(Heading node) {
            visitChildren(node);
            text.append('\n');
        }

        @Override
        public void visit(ListItem node) {
            text.append("- ");
            visitChildren(node);
        }

        @Override
        public String toString() {
            return text.toString().replaceAll("\n{2,}", "\n").strip();
        }
    }
}
