package dev.agora.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.agora.access.application.TeamWebhooks;
import dev.agora.access.application.TeamWebhooks.DeliveryView;
import dev.agora.access.application.TeamWebhooks.WebhookView;
import dev.agora.identity.Directory.TeamSummary;
import dev.agora.platform.Refusal;
import dev.agora.ui.TeamPageExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The "Webhooks" section of a team's page, for its members and administrators only: the team's webhooks, adding
 * and deleting one, and the delivery history of each with Retry for a failed delivery.
 */
@ApplicationScoped
class TeamWebhooksSection implements TeamPageExtension {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int HISTORY = 50;

    private final TeamWebhooks webhooks;

    TeamWebhooksSection(TeamWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<Component> sections(TeamSummary team, String viewer) {
        if (!webhooks.mayManage(viewer, team.slug())) {
            return List.of();
        }
        return List.of(new Section(team.slug(), viewer));
    }

    private final class Section extends Div {

        private final String team;
        private final String viewer;
        private final Grid<WebhookView> grid = new Grid<>();
        private final Div history = new Div();

        Section(String team, String viewer) {
            this.team = team;
            this.viewer = viewer;
            setId("team-webhooks");
            setWidthFull();
            Button add = new Button("Add webhook", VaadinIcon.PLUS.create(),
                    click -> WebhookDialogs.add(webhooks, team, null, viewer, this::refresh));
            add.setId("add-webhook");
            grid.setId("webhooks-grid");
            grid.setAllRowsVisible(true);
            grid.addColumn(WebhookView::url).setHeader("URL").setFlexGrow(3);
            grid.addColumn(webhook -> all(webhook.products())).setHeader("Products").setFlexGrow(2);
            grid.addColumn(webhook -> all(webhook.types())).setHeader("Types").setFlexGrow(2);
            grid.addColumn(webhook -> time(webhook.createdAt())).setHeader("Created").setAutoWidth(true);
            grid.addComponentColumn(webhook -> {
                Button deliveries = new Button("Deliveries", click -> showHistory(webhook));
                deliveries.addThemeVariants(ButtonVariant.LUMO_SMALL);
                Button delete = new Button("Delete", click -> WebhookDialogs.confirmDelete(webhooks, webhook, viewer,
                        () -> {
                            history.removeAll();
                            refresh();
                        }));
                delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                return new HorizontalLayout(deliveries, delete);
            }).setAutoWidth(true);
            history.setId("webhook-history");
            history.setWidthFull();
            add(new H3("Webhooks"), new Paragraph("The events of the team's products and requests, POSTed to a URL "
                    + "as signed CloudEvents."), add, grid, history);
            refresh();
        }

        private void refresh() {
            grid.setItems(webhooks.list(team, viewer));
        }

        private void showHistory(WebhookView webhook) {
            history.removeAll();
            Grid<DeliveryView> deliveries = new Grid<>();
            deliveries.setId("webhook-deliveries");
            deliveries.setAllRowsVisible(true);
            deliveries.addColumn(DeliveryView::status).setHeader("Status").setAutoWidth(true);
            deliveries.addColumn(d -> time(d.lastAttemptAt() == null ? d.createdAt() : d.lastAttemptAt()))
                    .setHeader("Time").setAutoWidth(true);
            deliveries.addColumn(d -> d.responseCode() == null ? "—" : d.responseCode().toString())
                    .setHeader("Response").setAutoWidth(true);
            deliveries.addColumn(DeliveryView::attempts).setHeader("Attempts").setAutoWidth(true);
            deliveries.addColumn(DeliveryView::eventId).setHeader("Event").setFlexGrow(2);
            deliveries.addColumn(d -> d.lastError() == null ? "" : d.lastError()).setHeader("Error").setFlexGrow(2);
            deliveries.addComponentColumn(delivery -> {
                if (!"FAILED".equals(delivery.status())) {
                    return new Div();
                }
                Button retry = new Button("Retry", click -> {
                    try {
                        webhooks.retry(webhook.id(), delivery.id(), viewer);
                        showHistory(webhook);
                    } catch (Refusal refusal) {
                        WebhookDialogs.error(refusal.reason());
                    }
                });
                retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return retry;
            }).setAutoWidth(true);
            Button reload = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> showHistory(webhook));
            reload.setId("refresh-deliveries");
            try {
                TeamWebhooks.Deliveries page = webhooks.deliveries(webhook.id(), viewer, 0, HISTORY);
                deliveries.setItems(page.page());
                history.add(new H4("Deliveries to " + webhook.url() + " (" + page.total() + ")"), reload,
                        deliveries);
            } catch (Refusal refusal) {
                WebhookDialogs.error(refusal.reason());
                refresh();
            }
        }
    }

    private static String all(List<String> values) {
        return values.isEmpty() ? "all" : String.join(", ", values);
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
