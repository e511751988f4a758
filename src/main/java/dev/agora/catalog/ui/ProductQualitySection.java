package dev.agora.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.quality.QualityReport;
import dev.agora.catalog.quality.QualityRun;
import dev.agora.catalog.quality.QualityRuns;
import dev.agora.catalog.quality.RuleResult;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * "Quality" on a product page: the score, the last result of each rule of its contract, the score's trend over
 * the recent runs, and "Run checks now" for those who may change the product. Shown once the contract has rules
 * or a run was kept.
 */
@ApplicationScoped
class ProductQualitySection implements ProductPageExtension {

    static final int TREND_RUNS = 30;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final QualityRuns runs;

    ProductQualitySection(QualityRuns runs) {
        this.runs = runs;
    }

    @Override
    public List<Component> actions(ProductDetails product, String viewer) {
        return List.of();
    }

    @Override
    public List<Component> sections(ProductDetails product, String viewer) {
        Div section = new Div();
        section.setId("product-quality");
        section.addClassName("product-quality");
        fill(section, product, viewer);
        return List.of(section);
    }

    private void fill(Div section, ProductDetails product, String viewer) {
        section.removeAll();
        section.add(new H3("Quality"));
        QualityReport report = runs.report(product.slug(), viewer, TREND_RUNS).orElse(null);
        if (report == null || (report.rules() == 0 && report.recentRuns().isEmpty())) {
            section.setVisible(false);
            return;
        }
        Span score = new Span(report.score() == null ? "No score yet"
                : "Score " + Math.round(report.score()) + " %");
        score.setId("quality-score");
        score.getElement().getThemeList().add("badge " + (report.score() == null ? "contrast"
                : report.failingRules() > 0 ? "error" : "success"));
        Paragraph summary = new Paragraph(report.lastRunAt() == null ? "The rules of the contract have not been "
                + "checked yet." : report.failingRules() + " failing rule" + (report.failingRules() == 1 ? "" : "s")
                + " · last checked " + WHEN.format(report.lastRunAt()));
        summary.setId("quality-summary");
        Div head = new Div(score, summary);
        head.addClassName("quality-head");
        section.add(head);
        if (report.mayRun() && report.rules() > 0) {
            Button run = new Button("Run checks now");
            run.setId("quality-run-now");
            run.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            run.addClickListener(click -> {
                try {
                    QualityRun done = runs.run(product.slug(), QualityRun.Trigger.ON_DEMAND, viewer);
                    Notification.show("Checked " + done.results().size() + " rules: " + done.passed() + " passed, "
                            + done.failed() + " failed, " + done.errors() + " could not run.", 4000,
                            Notification.Position.BOTTOM_START);
                    fill(section, product, viewer);
                } catch (Refusal refusal) {
                    Notification.show(refusal.reason(), 5000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            section.add(run);
        }
        if (!report.lastResults().isEmpty()) {
            Grid<RuleResult> results = new Grid<>();
            results.setId("quality-results");
            results.addComponentColumn(ProductQualitySection::outcome).setHeader("Result").setAutoWidth(true)
                    .setFlexGrow(0);
            results.addColumn(RuleResult::rule).setHeader("Rule").setAutoWidth(true);
            results.addColumn(RuleResult::port).setHeader("Port").setAutoWidth(true);
            results.addColumn(RuleResult::kind).setHeader("Kind").setAutoWidth(true);
            results.addColumn(r -> r.observed() == null ? "" : r.observed()).setHeader("Observed").setAutoWidth(true);
            results.addColumn(ProductQualitySection::why).setHeader("Detail").setFlexGrow(1);
            results.addColumn(r -> WHEN.format(r.checkedAt())).setHeader("Checked").setAutoWidth(true);
            results.setItems(report.lastResults());
            results.setAllRowsVisible(true);
            results.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
                    GridVariant.LUMO_WRAP_CELL_CONTENT);
            section.add(results);
        }
        if (!report.recentRuns().isEmpty()) {
            Svg trend = new Svg(QualityCharts.scoreTrend(report.recentRuns()));
            trend.setId("quality-trend");
            trend.getStyle().set("width", "100%").set("max-width", QualityCharts.WIDTH + "px");
            section.add(trend);
        }
    }

    private static Span outcome(RuleResult result) {
        Span badge = new Span(result.outcome().name().toLowerCase(Locale.ROOT));
        badge.addClassName("quality-outcome");
        badge.getElement().getThemeList().add("badge " + switch (result.outcome()) {
            case PASSED -> "success";
            case FAILED -> "error";
            case ERROR -> "contrast";
        });
        return badge;
    }

    private static String why(RuleResult result) {
        String detail = result.detail() == null ? "" : result.detail();
        if (!result.samples().isEmpty()) {
            detail += (detail.isEmpty() ? "" : " · ") + "e.g. " + String.join(", ", result.samples());
        }
        return detail;
    }

    @Override
    public int order() {
        return 200;
    }
}
