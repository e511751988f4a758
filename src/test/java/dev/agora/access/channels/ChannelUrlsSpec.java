package dev.agora.access.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.access.application.TeamChannels;
import dev.agora.events.outbound.DestinationGuard;
import dev.agora.platform.Refusal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Outside demo mode a team's channel must be one of its tool's webhook URLs (Slack: hooks.slack.com/services/…;
 * Teams: a Workflows URL on logic.azure.com or powerplatform.com, or a webhook.office.com connector), over https,
 * and its host must not resolve to an internal address; with internal destinations allowed (demo mode) any URL the
 * guard lets through will do, so that a local stub can stand in.
 */
class ChannelUrlsSpec {

    private static final Map<String, String> DNS = Map.of(
            "hooks.slack.com", "34.194.1.10",
            "prod-12.westeurope.logic.azure.com", "20.50.2.10",
            "contoso.webhook.office.com", "52.96.0.10",
            "default1234.environment.api.powerplatform.com", "20.60.1.1",
            "rebound.example", "10.0.0.5",
            "hooks.slack.com.evil.example", "93.184.216.34");

    /** The guard of a real deployment: no internal destinations, https only. */
    private static final DestinationGuard PRODUCTION = new DestinationGuard(false, false, ChannelUrlsSpec::resolve);

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = host.matches("[0-9.]+") ? host : DNS.get(host); // a literal resolves to itself
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private static List<Refusal.FieldProblem> inProduction(String kind, String url) {
        return TeamChannels.problems(kind, url, PRODUCTION, true);
    }

    @Nested
    class In_a_real_deployment {

        @Test
        void a_slack_incoming_webhook_is_accepted() {
            assertThat(inProduction("slack", "https://hooks.slack.com/services/T000/B000/XXXXXXXX")).isEmpty();
        }

        @Test
        void teams_workflows_and_connector_urls_are_accepted() {
            assertThat(inProduction("teams", "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/"
                    + "manual/paths/invoke?api-version=2016-06-01&sig=secret")).isEmpty();
            assertThat(inProduction("teams", "https://default1234.environment.api.powerplatform.com/powerautomate/"
                    + "automations/direct/workflows/abc/triggers/manual/paths/invoke?sig=secret")).isEmpty();
            assertThat(inProduction("teams", "https://contoso.webhook.office.com/webhookb2/abc/IncomingWebhook/d/e"))
                    .isEmpty();
        }

        @Test
        void the_metadata_service_and_other_internal_addresses_are_refused() {
            assertThat(TeamChannels.problems("slack", "https://169.254.169.254/latest/meta-data", PRODUCTION, false))
                    .extracting(Refusal.FieldProblem::field, p -> p.message().contains("internal address"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("url", true));
            assertThat(TeamChannels.problems("teams", "https://rebound.example/hook", PRODUCTION, false))
                    .extracting(Refusal.FieldProblem::message).singleElement().asString().contains("10.0.0.5");
        }

        @Test
        void another_tools_url_or_a_look_alike_host_is_refused() {
            assertThat(inProduction("slack", "https://prod-12.westeurope.logic.azure.com/workflows/abc"))
                    .extracting(Refusal.FieldProblem::message).singleElement().asString()
                    .contains("hooks.slack.com/services");
            assertThat(inProduction("slack", "https://hooks.slack.com.evil.example/services/T/B/X")).hasSize(1);
            assertThat(inProduction("slack", "https://hooks.slack.com/triggers/T/B/X")).hasSize(1);
            assertThat(inProduction("teams", "https://hooks.slack.com/services/T/B/X")).hasSize(1);
        }

        @Test
        void plain_http_is_refused() {
            assertThat(inProduction("slack", "http://hooks.slack.com/services/T/B/X"))
                    .extracting(Refusal.FieldProblem::message).singleElement().asString().contains("https");
        }
    }

    @Test
    void a_missing_kind_and_a_malformed_url_are_both_named() {
        assertThat(inProduction(null, "not a url")).extracting(Refusal.FieldProblem::field)
                .containsExactly("kind", "url");
        assertThat(inProduction("discord", "")).extracting(Refusal.FieldProblem::message)
                .containsExactly("must be slack or teams", "is required");
    }

    @Test
    void with_internal_destinations_allowed_a_local_stub_will_do() {
        DestinationGuard demo = new DestinationGuard(true, true, ChannelUrlsSpec::resolve);

        assertThat(TeamChannels.problems("slack", "http://127.0.0.1:8089/slack/team", demo, false)).isEmpty();
    }
}
