package dev.agora.access.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link ChatMessage} in the message format each tool's incoming webhook accepts, built with Jackson (never by
 * concatenating JSON) and bounded well inside the tools' limits, whatever people typed.
 *
 * <ul>
 *   <li><b>Slack</b> (incoming webhook, Block Kit): {@code text} (the notification's fallback) and {@code blocks}:
 *   a {@code section} of {@code mrkdwn} text (Slack's limit 3,000 characters) and an {@code actions} block with one
 *   link {@code button} (text ≤ 75, url ≤ 3,000). In mrkdwn {@code &}, {@code <} and {@code >} are escaped, so that
 *   a justification cannot carry a link ({@code <https://…|here>}) or a mention ({@code <!channel>}).</li>
 *   <li><b>Microsoft Teams</b> (a Workflows / Power Automate "when a Teams webhook request is received" flow, which
 *   also takes what the retired Office 365 connectors took): a {@code message} with one Adaptive Card 1.4
 *   attachment. The text goes in {@code RichTextBlock}s of {@code TextRun}s, which Teams shows as typed: a
 *   {@code TextBlock} would render Markdown, and a justification could then carry a link.</li>
 * </ul>
 */
public final class ChatFormats {

    /** Headlines longer than this are cut (with …): one line in a chat. */
    public static final int MAX_HEADLINE = 300;
    /** Details longer than this are cut (with …), before escaping. */
    public static final int MAX_DETAILS = 1_000;
    /** Slack: a button's text is at most 75 characters. */
    static final int MAX_BUTTON_TEXT = 75;
    /** Slack: a button's url is at most 3,000 characters. */
    static final int MAX_URL = 3_000;
    /** Slack: a section's text is at most 3,000 characters; escaped text may grow up to five times. */
    static final int MAX_SECTION = 3_000;

    private ChatFormats() {
    }

    /** The Slack incoming-webhook body. */
    public static String slack(ObjectMapper json, ChatMessage message) {
        String headline = bounded(message.headline().strip(), MAX_HEADLINE);
        String details = bounded(message.details().strip(), MAX_DETAILS);
        ObjectNode body = json.createObjectNode();
        body.put("text", slackEscaped(headline, MAX_SECTION));
        ArrayNode blocks = body.putArray("blocks");
        String boldHeadline = "*" + slackEscaped(headline, MAX_SECTION / 2) + "*";
        String section = details.isEmpty() ? boldHeadline
                : boldHeadline + "\n" + slackEscaped(details, MAX_SECTION - boldHeadline.length() - 1);
        ObjectNode text = blocks.addObject().put("type", "section").putObject("text");
        text.put("type", "mrkdwn").put("text", section);
        if (message.link() != null) {
            ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject();
            button.put("type", "button");
            button.putObject("text").put("type", "plain_text")
                    .put("text", bounded(message.linkLabel().strip(), MAX_BUTTON_TEXT));
            button.put("url", url(message));
        }
        return write(json, body);
    }

    /** The Microsoft Teams (Workflows) body: a message with one Adaptive Card. */
    public static String teams(ObjectMapper json, ChatMessage message) {
        String headline = bounded(message.headline().strip(), MAX_HEADLINE);
        String details = bounded(message.details().strip(), MAX_DETAILS);
        ObjectNode body = json.createObjectNode();
        body.put("type", "message");
        ObjectNode attachment = body.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("fallbackText", headline);
        ArrayNode blocks = card.putArray("body");
        blocks.addObject().put("type", "RichTextBlock").putArray("inlines").addObject()
                .put("type", "TextRun").put("text", headline).put("weight", "Bolder");
        if (!details.isEmpty()) {
            blocks.addObject().put("type", "RichTextBlock").putArray("inlines").addObject()
                    .put("type", "TextRun").put("text", details);
        }
        if (message.link() != null) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl")
                    .put("title", bounded(message.linkLabel().strip(), MAX_BUTTON_TEXT)).put("url", url(message));
        }
        return write(json, body);
    }

    private static String url(ChatMessage message) {
        String url = message.link().toASCIIString();
        if (url.length() > MAX_URL) {
            throw new IllegalArgumentException("a link into Agora of " + url.length() + " characters");
        }
        return url;
    }

    /** Slack's mrkdwn escaping of &, < and >, cut (with …) so that the escaped text has at most max characters. */
    static String slackEscaped(String text, int max) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String piece = switch (codePoint) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> new String(Character.toChars(codePoint));
            };
            if (escaped.length() + piece.length() > max - 1 && i + Character.charCount(codePoint) < text.length()
                    || escaped.length() + piece.length() > max) {
                return escaped.append('…').toString();
            }
            escaped.append(piece);
            i += Character.charCount(codePoint);
        }
        return escaped.toString();
    }

    /** The text, cut to at most max characters (the last one …) without splitting a surrogate pair. */
    static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String write(ObjectMapper json, ObjectNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
