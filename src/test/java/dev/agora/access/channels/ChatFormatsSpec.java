package dev.agora.access.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.access.application.ChatFormats;
import dev.agora.access.application.ChatMessage;
import java.net.URI;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A chat message leaves in the exact shape each tool's incoming webhook accepts — Slack: fallback text and Block
 * Kit blocks (a mrkdwn section, an actions block with a link button); Teams: a message with one Adaptive Card —
 * with what people typed escaped (no links or mentions smuggled in) and bounded inside the tools' limits.
 */
class ChatFormatsSpec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI LINK = URI.create("https://agora.example/requests/3f1c");
    private static final String HOSTILE = "Need it <!channel> & <https://evil.example|click here> [also](https://evil.example)";

    private static JsonNode read(String body) throws Exception {
        return JSON.readTree(body);
    }

    private static List<String> fields(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }

    @Nested
    class Slack {

        @Test
        void a_message_is_fallback_text_a_mrkdwn_section_and_a_link_button() throws Exception {
            JsonNode body = read(ChatFormats.slack(JSON, new ChatMessage("ada requests access to Sales orders",
                    "Campaign attribution", "Review the request", LINK)));

            assertThat(fields(body)).containsExactly("text", "blocks");
            assertThat(body.get("text").asText()).isEqualTo("ada requests access to Sales orders");
            assertThat(body.get("blocks")).hasSize(2);
            JsonNode section = body.get("blocks").get(0);
            assertThat(fields(section)).containsExactly("type", "text");
            assertThat(section.get("type").asText()).isEqualTo("section");
            assertThat(section.get("text").get("type").asText()).isEqualTo("mrkdwn");
            assertThat(section.get("text").get("text").asText())
                    .isEqualTo("*ada requests access to Sales orders*\nCampaign attribution");
            JsonNode actions = body.get("blocks").get(1);
            assertThat(fields(actions)).containsExactly("type", "elements");
            assertThat(actions.get("type").asText()).isEqualTo("actions");
            JsonNode button = actions.get("elements").get(0);
            assertThat(fields(button)).containsExactly("type", "text", "url");
            assertThat(button.get("type").asText()).isEqualTo("button");
            assertThat(button.get("text").get("type").asText()).isEqualTo("plain_text");
            assertThat(button.get("text").get("text").asText()).isEqualTo("Review the request");
            assertThat(button.get("url").asText()).isEqualTo(LINK.toString());
        }

        @Test
        void what_people_typed_cannot_carry_links_or_mentions() throws Exception {
            JsonNode body = read(ChatFormats.slack(JSON, new ChatMessage("marco <@U123> asks", HOSTILE, null, null)));

            String section = body.get("blocks").get(0).get("text").get("text").asText();
            assertThat(section).doesNotContain("<").doesNotContain(">")
                    .contains("&lt;!channel&gt; &amp; &lt;https://evil.example|click here&gt;");
            assertThat(body.get("text").asText()).isEqualTo("marco &lt;@U123&gt; asks");
        }

        @Test
        void a_message_without_a_link_has_no_actions() throws Exception {
            JsonNode body = read(ChatFormats.slack(JSON, new ChatMessage("Schema changed", "", null, null)));

            assertThat(body.get("blocks")).hasSize(1);
            assertThat(body.get("blocks").get(0).get("text").get("text").asText()).isEqualTo("*Schema changed*");
        }

        @Test
        void long_text_stays_inside_slacks_limits_even_when_escaping_makes_it_longer() throws Exception {
            JsonNode body = read(ChatFormats.slack(JSON, new ChatMessage("&".repeat(5_000), "<".repeat(50_000),
                    "x".repeat(500), LINK)));

            String section = body.get("blocks").get(0).get("text").get("text").asText();
            assertThat(section.length()).isLessThanOrEqualTo(3_000);
            assertThat(section).endsWith("…").doesNotContainPattern("&[a-z]*…"); // no entity cut in half
            assertThat(body.get("text").asText().length()).isLessThanOrEqualTo(3_000);
            String buttonText = body.get("blocks").get(1).get("elements").get(0).get("text").get("text").asText();
            assertThat(buttonText).hasSize(75).endsWith("…");
        }
    }

    @Nested
    class MicrosoftTeams {

        @Test
        void a_message_is_one_adaptive_card_with_the_text_and_an_open_url_action() throws Exception {
            JsonNode body = read(ChatFormats.teams(JSON, new ChatMessage("ada requests access to Sales orders",
                    "Campaign attribution", "Review the request", LINK)));

            assertThat(fields(body)).containsExactly("type", "attachments");
            assertThat(body.get("type").asText()).isEqualTo("message");
            assertThat(body.get("attachments")).hasSize(1);
            JsonNode attachment = body.get("attachments").get(0);
            assertThat(fields(attachment)).containsExactly("contentType", "contentUrl", "content");
            assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(attachment.get("contentUrl").isNull()).isTrue();
            JsonNode card = attachment.get("content");
            assertThat(card.get("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
            assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
            assertThat(card.get("version").asText()).isEqualTo("1.4");
            JsonNode headline = card.get("body").get(0);
            assertThat(headline.get("type").asText()).isEqualTo("RichTextBlock");
            assertThat(headline.get("inlines").get(0).get("type").asText()).isEqualTo("TextRun");
            assertThat(headline.get("inlines").get(0).get("text").asText())
                    .isEqualTo("ada requests access to Sales orders");
            assertThat(headline.get("inlines").get(0).get("weight").asText()).isEqualTo("Bolder");
            assertThat(card.get("body").get(1).get("inlines").get(0).get("text").asText())
                    .isEqualTo("Campaign attribution");
            JsonNode action = card.get("actions").get(0);
            assertThat(action.get("type").asText()).isEqualTo("Action.OpenUrl");
            assertThat(action.get("title").asText()).isEqualTo("Review the request");
            assertThat(action.get("url").asText()).isEqualTo(LINK.toString());
        }

        @Test
        void what_people_typed_is_shown_as_typed_in_text_runs_which_render_no_markdown() throws Exception {
            JsonNode card = read(ChatFormats.teams(JSON, new ChatMessage("marco asks", HOSTILE, null, null)))
                    .get("attachments").get(0).get("content");

            assertThat(card.get("body")).allSatisfy(block -> assertThat(block.get("type").asText())
                    .isEqualTo("RichTextBlock"));
            assertThat(card.get("body").get(1).get("inlines").get(0).get("text").asText()).isEqualTo(HOSTILE);
            assertThat(card.has("actions")).isFalse();
        }

        @Test
        void long_details_are_cut() throws Exception {
            JsonNode card = read(ChatFormats.teams(JSON, new ChatMessage("h".repeat(1_000), "d".repeat(100_000),
                    "Open", LINK))).get("attachments").get(0).get("content");

            assertThat(card.get("body").get(0).get("inlines").get(0).get("text").asText())
                    .hasSize(ChatFormats.MAX_HEADLINE);
            assertThat(card.get("body").get(1).get("inlines").get(0).get("text").asText())
                    .hasSize(ChatFormats.MAX_DETAILS).endsWith("…");
        }
    }
}
