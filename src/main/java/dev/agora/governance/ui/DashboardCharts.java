package dev.agora.governance.ui;

import dev.agora.governance.Dashboard;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws the dashboard's figures as SVG on the server (JFreeChart onto JFreeSVG's Graphics2D), so that the browser
 * needs no chart add-on: each method answers one {@code <svg>} element that scales to its container. JFreeSVG
 * escapes the text it writes, so a product or domain name cannot inject markup.
 */
final class DashboardCharts {

    static {
        // JFreeChart measures text through AWT: on a server without a display, AWT must not look for one
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 320;
    static final int MAX_BARS = 12;

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MMM d");
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Color GRID = new Color(0xD9DDE3);
    // one colour per outcome, the same in every chart: greens for access given, greys and reds for the rest
    private static final List<Paint> OUTCOME_COLOURS = List.of(new Color(0xF2A93B), new Color(0x7CC47F),
            new Color(0x2E8B57), new Color(0xD9534F), new Color(0xA33A3A), new Color(0x9AA5B1),
            new Color(0x6C7A89), new Color(0x4A5566));
    private static final List<Paint> STATUS_COLOURS = List.of(new Color(0x9AA5B1), new Color(0x2E8B57),
            new Color(0xF2A93B), new Color(0xD9534F));
    private static final Paint PRIMARY = new Color(0x1676F3);

    private DashboardCharts() {
    }

    static String requestsPerWeek(List<Dashboard.WeekOfRequests> weeks) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Dashboard.WeekOfRequests week : weeks) {
            for (String outcome : Dashboard.OUTCOMES) {
                data.addValue(week.byOutcome().getOrDefault(outcome, 0L), label(outcome), WEEK.format(week.weekStarting()));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Requests per week by outcome", "week starting",
                "requests", data, PlotOrientation.VERTICAL, true, true, false);
        styleBars(chart, OUTCOME_COLOURS);
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return svg(chart);
    }

    static String decisionTimes(Dashboard.DecisionTimes times) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Dashboard.WeekOfDecisions week : times.perWeek()) {
            String column = WEEK.format(week.weekStarting());
            data.addValue(week.medianHours(), "median", column);
            data.addValue(week.p90Hours(), "p90", column);
        }
        JFreeChart chart = ChartFactory.createLineChart("Hours from request to decision", "week starting", "hours",
                data, PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot plot = style(chart);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        renderer.setSeriesPaint(0, PRIMARY);
        renderer.setSeriesPaint(1, new Color(0xD9534F));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return svg(chart);
    }

    static String productsPerDomain(List<Dashboard.DomainProducts> domains) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        // the largest domains, most products first: a bar per domain stays readable; the table lists them all
        for (Dashboard.DomainProducts domain : domains.stream().limit(MAX_BARS).toList()) {
            data.addValue(domain.published(), "published", domain.domain());
            data.addValue(domain.deprecated(), "deprecated", domain.domain());
            data.addValue(domain.draft(), "draft", domain.domain());
        }
        String title = domains.size() > MAX_BARS ? "Products per domain (the " + MAX_BARS + " largest)"
                : "Products per domain";
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, "products", data,
                PlotOrientation.HORIZONTAL, true, true, false);
        styleBars(chart, List.of(new Color(0x2E8B57), new Color(0x9AA5B1), new Color(0xF2A93B)));
        return svg(chart);
    }

    static String mostRequested(List<Dashboard.RequestedProduct> products) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Dashboard.RequestedProduct product : products) {
            data.addValue(product.requests(), "requests", product.slug());
        }
        JFreeChart chart = ChartFactory.createBarChart("Most requested products", null, "requests", data,
                PlotOrientation.HORIZONTAL, false, true, false);
        styleBars(chart, List.of(PRIMARY));
        return svg(chart);
    }

    static String pendingByAge(List<Dashboard.AgeBucket> buckets) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Dashboard.AgeBucket bucket : buckets) {
            data.addValue(bucket.pending(), "pending", bucket.label());
        }
        JFreeChart chart = ChartFactory.createBarChart("Pending requests by age", "waiting for", "requests", data,
                PlotOrientation.VERTICAL, false, true, false);
        styleBars(chart, List.of(new Color(0xF2A93B)));
        return svg(chart);
    }

    static String grantsByEngine(List<Dashboard.EngineGrants> engines) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Dashboard.EngineGrants engine : engines) {
            data.addValue(engine.pending(), "pending", engine.engine());
            data.addValue(engine.active(), "active", engine.engine());
            data.addValue(engine.revoking(), "revoking", engine.engine());
            data.addValue(engine.failed(), "failed", engine.engine());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Grants by engine", null, "grants", data,
                PlotOrientation.VERTICAL, true, true, false);
        styleBars(chart, STATUS_COLOURS);
        return svg(chart);
    }

    /** "CANCELLED" as a legend says it: "cancelled". */
    static String label(String outcome) {
        return outcome.toLowerCase(java.util.Locale.ROOT);
    }

    private static void styleBars(JFreeChart chart, List<Paint> colours) {
        CategoryPlot plot = style(chart);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.08);
        // counts: no ticks at 0.5 requests
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        for (int i = 0; i < colours.size(); i++) {
            renderer.setSeriesPaint(i, colours.get(i));
        }
    }

    private static CategoryPlot style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        chart.setAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setNoDataMessage("Nothing in this period");
        return plot;
    }

    private static String svg(JFreeChart chart) {
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        // no fixed width and height: the view box lets the chart scale to the width of its card
        return graphics.getSVGElement(null, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }
}
