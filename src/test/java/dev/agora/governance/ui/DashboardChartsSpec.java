package dev.agora.governance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.governance.Dashboard;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's charts are SVG documents drawn on the server, with their labels escaped. */
class DashboardChartsSpec {

    @Test
    void requests_per_week_is_an_svg_whose_legend_names_every_outcome() {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        Dashboard.OUTCOMES.forEach(outcome -> outcomes.put(outcome, 1L));
        String svg = DashboardCharts.requestsPerWeek(List.of(
                new Dashboard.WeekOfRequests(LocalDate.parse("2026-03-02"), outcomes, 8)));

        assertThat(svg).startsWith("<svg").contains("viewBox='0.0 0.0 " + DashboardCharts.WIDTH + ".0")
                .contains(">Requests per week by outcome<", ">approved<", ">rejected<", ">cancelled<", ">pending<",
                        ">expired<");
    }

    @Test
    void a_product_named_like_markup_is_written_as_text_not_as_elements() {
        String svg = DashboardCharts.mostRequested(List.of(
                new Dashboard.RequestedProduct("<script>alert(1)</script>&co", "Tricky", 3)));

        assertThat(svg).startsWith("<svg").doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;co");
    }

    @Test
    void a_domain_with_quotes_and_ampersands_stays_well_formed() throws Exception {
        String svg = DashboardCharts.productsPerDomain(List.of(
                new Dashboard.DomainProducts("r&d \"labs\"", "R&D", 1, 2, 3, 6)));

        assertThat(svg).contains("r&amp;d").contains(">published<", ">deprecated<", ">draft<");
        // parses as XML: nothing in a label broke the document
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void decision_times_name_the_median_and_p90_and_survive_weeks_without_decisions() {
        String svg = DashboardCharts.decisionTimes(new Dashboard.DecisionTimes(2, 3.0, 7.6, 0, List.of(
                new Dashboard.WeekOfDecisions(LocalDate.parse("2026-03-02"), 2, 3.0, 7.6),
                new Dashboard.WeekOfDecisions(LocalDate.parse("2026-03-09"), 0, null, null))));

        assertThat(svg).startsWith("<svg").contains(">median<", ">p90<", ">Hours from request to decision<");
    }

    @Test
    void pending_by_age_and_grants_by_engine_label_their_bars() {
        assertThat(DashboardCharts.pendingByAge(List.of(new Dashboard.AgeBucket("< 1 d", 2),
                new Dashboard.AgeBucket("> 7 d", 1))))
                .contains(">&lt; 1 d<", ">&gt; 7 d<");
        assertThat(DashboardCharts.grantsByEngine(List.of(new Dashboard.EngineGrants("postgres", 1, 5, 2, 0, 8))))
                .contains(">postgres<", ">active<", ">failed<");
    }
}
