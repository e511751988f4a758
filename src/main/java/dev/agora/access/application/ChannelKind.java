package dev.agora.access.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The chat tools a team's notification channel can be, with the form of their incoming-webhook URLs. */
public enum ChannelKind {

    /** Slack incoming webhooks: https://hooks.slack.com/services/T…/B…/… (GovSlack: hooks.slack-gov.com). */
    SLACK("slack", "Slack", List.of("hooks.slack.com", "hooks.slack-gov.com")) {
        @Override
        Optional<String> toolProblem(URI url) {
            if (!hostIsOneOf(url) || url.getRawPath() == null || !url.getRawPath().startsWith("/services/")) {
                return Optional.of("must be a Slack incoming-webhook URL: https://hooks.slack.com/services/…");
            }
            return Optional.empty();
        }

        @Override
        public String body(ObjectMapper json, ChatMessage message) {
            return ChatFormats.slack(json, message);
        }
    },

    /**
     * Microsoft Teams: a Workflows (Power Automate) webhook — https://….logic.azure.com/workflows/… or
     * https://….powerplatform.com/… (also …powerautomate.com) — or a legacy Office 365 connector,
     * https://<tenant>.webhook.office.com/…, which Microsoft is retiring.
     */
    TEAMS("teams", "Microsoft Teams", List.of(".logic.azure.com", ".powerplatform.com", ".powerautomate.com",
            ".webhook.office.com")) {
        @Override
        Optional<String> toolProblem(URI url) {
            if (!hostIsOneOf(url)) {
                return Optional.of("must be a Microsoft Teams Workflows webhook URL (https://….logic.azure.com/… or "
                        + "https://….powerplatform.com/…) or an incoming-webhook URL (https://….webhook.office.com/…)");
            }
            return Optional.empty();
        }

        @Override
        public String body(ObjectMapper json, ChatMessage message) {
            return ChatFormats.teams(json, message);
        }
    };

    private final String wireName;
    private final String label;
    private final List<String> hosts;

    ChannelKind(String wireName, String label, List<String> hosts) {
        this.wireName = wireName;
        this.label = label;
        this.hosts = hosts;
    }

    /** As the API spells it: "slack", "teams". */
    public String wireName() {
        return wireName;
    }

    /** As people read it: "Slack", "Microsoft Teams". */
    public String label() {
        return label;
    }

    /** The outbound channel of a team's messages of this kind: "slack:&lt;team&gt;", "teams:&lt;team&gt;". */
    public String channel(String team) {
        return wireName + ":" + team;
    }

    /** The message in this tool's format. */
    public abstract String body(ObjectMapper json, ChatMessage message);

    /** Why the (well-formed, https) URL is not one of this tool's webhooks, or empty. */
    abstract Optional<String> toolProblem(URI url);

    /** Why the URL is not this tool's: https and the tool's hosts. Empty when it is. */
    public Optional<String> formProblem(URI url) {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            return Optional.of("must be an https URL");
        }
        return toolProblem(url);
    }

    boolean hostIsOneOf(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return hosts.stream().anyMatch(allowed -> allowed.startsWith(".") ? host.endsWith(allowed) && host.length()
                > allowed.length() : host.equals(allowed));
    }

    public static Optional<ChannelKind> of(String wireName) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equalsIgnoreCase(wireName == null ? ""
                : wireName.strip())).findFirst();
    }
}
