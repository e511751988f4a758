package dev.agora.access.application;

import java.net.URI;
import java.util.Objects;

/**
 * What Agora says in a team's chat channel, before it is put in the tool's format: a headline, more text, and an
 * optional button that opens Agora. All text is plain (user text included): {@link ChatFormats} escapes it.
 *
 * @param link an absolute http(s) URL into Agora, or null for no button
 */
public record ChatMessage(String headline, String details, String linkLabel, URI link) {

    public ChatMessage {
        Objects.requireNonNull(headline, "headline");
        details = details == null ? "" : details;
        if (link != null && (!link.isAbsolute() || !("https".equals(link.getScheme()) || "http".equals(link.getScheme())))) {
            throw new IllegalArgumentException("a chat message links to an absolute http(s) URL, not " + link);
        }
        if (link != null && (linkLabel == null || linkLabel.isBlank())) {
            throw new IllegalArgumentException("a link needs a label");
        }
    }
}
