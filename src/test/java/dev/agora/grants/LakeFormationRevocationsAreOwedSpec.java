package dev.agora.grants;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agora.audit.ChangeJournal;
import dev.agora.grants.lakeformation.LakeFormationGrantEngine;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;

/**
 * Reconciliation queues again the revocation of a Lake Formation grant Agora revoked whose permission is still
 * listed, like it does for PostgreSQL, with AGORA_REVOKE_UNKNOWN_GRANTS at its default (false). A local HTTP stub
 * stands in for Lake Formation.
 */
@QuarkusTest
class LakeFormationRevocationsAreOwedSpec {

    @Inject
    ChangeJournal journal;

    @Inject
    Event<GrantJobs.Queued> queued;

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource database;

    @Inject
    GrantAdministrators administrators;

    private WireMockServer lakeFormation;
    private Reconciler reconciler;

    @BeforeEach
    void reconcilerAgainstTheStub() {
        lakeFormation = new WireMockServer(options().dynamicPort());
        lakeFormation.start();
        LakeFormationClient client = LakeFormationClient.builder()
                .endpointOverride(URI.create(lakeFormation.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDAGORATEST", "s")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        LakeFormationGrantEngine engine = new LakeFormationGrantEngine(client, team -> Optional.empty(), Map.of(),
                Optional.of("123456789012"));
        reconciler = new Reconciler(new GrantEngines(List.of(engine)), journal, queued, clock, database,
                TestGrantsConfig.withPgUserRoles(""), administrators);
    }

    @AfterEach
    void stopStub() {
        lakeFormation.stop();
    }

    @Nested
    class A_revoked_lake_formation_grant_still_listed {

        @Test
        void gets_its_revocation_queued_again() {
            String database = "owed" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            String principal = "arn:aws:iam::123456789012:role/" + database;
            lakeFormation.stubFor(post(urlEqualTo("/ListPermissions")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("""
                            {"PrincipalResourcePermissions": [
                              {"Principal": {"DataLakePrincipalIdentifier": "%s"},
                               "Resource": {"Table": {"DatabaseName": "%s", "Name": "orders"}},
                               "Permissions": ["SELECT", "DESCRIBE"]}]}""".formatted(principal, database))));
            UUID grantId = QuarkusTransaction.requiringNew().call(() -> {
                Instant then = Instant.now().minus(Duration.ofHours(1));
                GrantRecord grant = new GrantRecord(UUID.randomUUID(), "lakeformation", new GrantTarget("glue-table",
                        database + "/orders", List.of(), Grantee.team(database), Set.of("READ"), "sales-analytics"), principal, then);
                grant.applied(then);
                grant.revoking();
                grant.revoked(then);
                grant.persist();
                return grant.id();
            });

            Reconciler.Report report = reconciler.reconcileUnlessRunning("spec").orElseThrow();

            assertThat(report.findings()).filteredOn(finding -> finding.grantee().equals(principal))
                    .extracting(Reconciler.Finding::kind, Reconciler.Finding::action)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Drift.Kind.NOT_REVOKED,
                            "revocation re-queued"));
            QuarkusTransaction.requiringNew().run(() -> {
                assertThat(GrantRecord.<GrantRecord>findById(grantId).status()).isEqualTo(GrantStatus.REVOKING);
                assertThat(GrantJob.<GrantJob>list("grantId = ?1 and action = ?2", grantId, GrantJob.Action.REVOKE))
                        .hasSize(1);
            });
        }
    }
}
