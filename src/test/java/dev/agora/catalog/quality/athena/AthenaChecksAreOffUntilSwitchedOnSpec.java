package dev.agora.catalog.quality.athena;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.catalog.PortType;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.quality.QualityProbe;
import dev.agora.catalog.quality.RuleResult;
import dev.agora.platform.AwsClients;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * In the application: the Athena probe is not among the quality probes unless AGORA_QUALITY_ATHENA=aws, its
 * settings have working defaults, and built the way the application builds it (AwsClients, the standard
 * credential chain, its own region and endpoint) it signs its requests for Athena in that region.
 */
@QuarkusTest
class AthenaChecksAreOffUntilSwitchedOnSpec {

    private static final Map<String, String> CREDENTIALS = Map.of("aws.accessKeyId", "AKIDAGORATEST",
            "aws.secretAccessKey", "s");

    @Inject
    @Any
    Instance<QualityProbe> probes;

    @Inject
    AthenaConfig config;

    @Inject
    AwsClients aws;

    @AfterEach
    void forgetCredentials() {
        CREDENTIALS.keySet().forEach(System::clearProperty);
    }

    @Test
    void by_default_no_probe_checks_glue_tables() {
        assertThat(probes.stream().map(QualityProbe::portType)).doesNotContain(PortType.GLUE_TABLE);
    }

    @Test
    void the_settings_default_to_the_primary_workgroup_a_half_second_poll_and_a_five_minute_timeout() {
        assertThat(config.athena()).isEqualTo("off");
        assertThat(config.workgroup()).isEqualTo("primary");
        assertThat(config.outputLocation()).isEmpty();
        assertThat(config.endpoint()).isEmpty();
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.pollIntervalCap()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.timeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void switched_on_it_signs_for_athena_in_its_own_region_and_leaves_out_an_output_location_not_set() {
        AthenaStub athena = new AthenaStub();
        athena.start();
        try {
            athena.reset();
            athena.succeeds("SELECT count(*) FROM \"sales\".\"orders\"", List.of(), List.of(List.of("5")));
            CREDENTIALS.forEach(System::setProperty);
            AthenaQualityProbe probe = new AthenaQualityProbe(aws, settings(URI.create(athena.server().baseUrl())),
                    Clock.systemUTC());

            List<RuleResult> results = probe.evaluate(1, "orders", "sales/orders",
                    List.of(new QualityRule.RowCount("some-orders", "", 1L, null)));

            assertThat(results).extracting(RuleResult::outcome).containsExactly(RuleResult.Outcome.PASSED);
            athena.server().verify(postRequestedFor(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo(AthenaStub.START))
                    .withHeader("Authorization", matching(
                            "AWS4-HMAC-SHA256 Credential=AKIDAGORATEST/\\d{8}/ap-southeast-2/athena/aws4_request, .*")));
            assertThat(athena.bodies(AthenaStub.START)).singleElement().satisfies(body -> {
                assertThat(body.path("WorkGroup").asText()).isEqualTo("primary");
                assertThat(body.has("ResultConfiguration")).isFalse();
            });
        } finally {
            athena.stop();
        }
    }

    private AthenaConfig settings(URI endpoint) {
        return new AthenaConfig() {
            public String athena() {
                return "aws";
            }

            public String workgroup() {
                return config.workgroup();
            }

            public Optional<String> outputLocation() {
                return Optional.empty();
            }

            public Optional<String> region() {
                return Optional.of("ap-southeast-2");
            }

            public Optional<URI> endpoint() {
                return Optional.of(endpoint);
            }

            public Duration pollInterval() {
                return Duration.ofMillis(5);
            }

            public Duration pollIntervalCap() {
                return Duration.ofMillis(20);
            }

            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            public AthenaConfig.Switch customSqlSwitch() {
                return AthenaConfig.Switch.off;
            }
        };
    }
}
