package dev.agora.catalog.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.Api;
import dev.agora.support.Products;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A product's quality standing is kept one row per product; a newer run replaces it. */
@QuarkusTest
class QualityStandingsSpec {

    @Inject
    QualityStandings standings;

    @Test
    void is_none_before_any_run_and_the_last_run_s_afterwards() {
        long id = ((Number) Api.as("olivia").body(Products.named("Standing Spec " + Products.uniqueTag()).body())
                .post("/api/v1/products").then().statusCode(201).extract().path("id")).longValue();
        assertThat(standings.of(id)).isEqualTo(QualityStanding.none(id));

        Instant first = Instant.now().truncatedTo(ChronoUnit.MICROS);
        standings.record(new QualityStanding(id, 50.0, 2, first));
        standings.record(new QualityStanding(id, 75.0, 1, first.plusSeconds(60)));

        QualityStanding standing = standings.of(id);
        assertThat(standing).isEqualTo(new QualityStanding(id, 75.0, 1, first.plusSeconds(60)));
        assertThat(standing.hasIssue()).isTrue();
        assertThat(standings.of(List.of(id, -1L))).containsOnlyKeys(id);
    }
}
