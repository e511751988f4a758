package dev.agora.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.agora.access.application.ChannelKind;
import dev.agora.access.application.TeamChannels;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.identity.Directory.TeamSummary;
import dev.agora.platform.Refusal;
import dev.agora.ui.TeamPageExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * "Notification channel" on a team's page: whether the team has a Slack or Teams channel (kind and masked URL) and
 * what was sent there, for its members; the form to set, test and remove it, for its owners and administrators.
 */
@ApplicationScoped
class TeamChannelSection implements TeamPageExtension {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final int RECENT = 20;

    private final TeamChannels channels;
    private final Directory directory;

    TeamChannelSection(TeamChannels channels, Directory directory) {
        this.channels = channels;
        this.directory = directory;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public List<Component> sections(TeamSummary team, String viewer) {
        Optional<AccountProfile> profile = directory.profile(viewer);
        if (profile.isEmpty() || !TeamChannels.maySee(profile.get(), team.slug()).allowed()) {
            return List.of();
        }
        Div section = new Div();
        section.setId("notification-channel");
        render(section, team, viewer, TeamChannels.mayChange(profile.get(), team.slug()).allowed());
        return List.of(section);
    }

    private void render(Div section, TeamSummary team, String viewer, boolean mayChange) {
        section.removeAll();
        Optional<TeamChannels.ChannelView> channel = channels.channel(team.slug(), viewer);
        Paragraph state = new Paragraph(channel.map(c -> c.kind().label() + ": " + c.maskedUrl() + " (set by "
                        + c.setBy() + " on " + TIME.format(c.setAt()) + ")")
                .orElse("No channel: the team hears of new requests, failed grants and expiring access only in "
                        + "Agora and by e-mail."));
        state.setId("channel-state");
        section.add(new H3("Notification channel"), state);
        if (mayChange) {
            section.add(form(section, team, viewer, channel));
        }
        Grid<TeamChannels.Delivery> deliveries = new Grid<>();
        deliveries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        deliveries.addColumn(d -> TIME.format(d.createdAt())).setHeader("Queued").setAutoWidth(true);
        deliveries.addColumn(d -> d.kind().label()).setHeader("To").setAutoWidth(true);
        deliveries.addColumn(TeamChannels.Delivery::status).setHeader("Status").setAutoWidth(true);
        deliveries.addColumn(d -> d.responseCode() == null ? "" : d.responseCode().toString()).setHeader("Answer")
                .setAutoWidth(true);
        deliveries.addColumn(d -> d.lastError() == null ? "" : d.lastError()).setHeader("Error").setFlexGrow(1);
        deliveries.setItems(channels.deliveries(team.slug(), viewer, 0, RECENT).items());
        deliveries.setAllRowsVisible(true);
        deliveries.setId("channel-deliveries");
        Button refresh = new Button("Refresh", click -> render(section, team, viewer, mayChange));
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        refresh.setId("refresh-deliveries");
        section.add(new Paragraph("Recent messages"), deliveries, refresh);
    }

    private Component form(Div section, TeamSummary team, String viewer, Optional<TeamChannels.ChannelView> channel) {
        Select<ChannelKind> kind = new Select<>();
        kind.setLabel("Tool");
        kind.setItems(ChannelKind.values());
        kind.setItemLabelGenerator(ChannelKind::label);
        kind.setValue(channel.map(TeamChannels.ChannelView::kind).orElse(ChannelKind.SLACK));
        kind.setId("channel-kind");
        // the URL is a secret: never shown back, so the field starts empty even when a channel is set
        PasswordField url = new PasswordField("Incoming-webhook URL");
        url.setMaxLength(2000);
        url.setWidth("min(40rem, 90vw)");
        url.setPlaceholder(channel.isPresent() ? "set; type a new URL to replace it"
                : "https://hooks.slack.com/services/…");
        url.setId("channel-url");
        Button save = new Button(channel.isPresent() ? "Replace channel" : "Set channel", click -> {
            url.setInvalid(false);
            kind.setInvalid(false);
            try {
                channels.set(team.slug(), kind.getValue() == null ? null : kind.getValue().wireName(),
                        url.getValue(), viewer);
                told("Team " + team.name() + " is told in " + kind.getValue().label() + " from now on.");
                render(section, team, viewer, true);
            } catch (Refusal refusal) {
                if (refusal.fieldProblems().isEmpty()) {
                    refused(refusal.reason());
                }
                refusal.fieldProblems().forEach(problem -> {
                    String message = "The URL " + problem.message();
                    if (problem.field().equals("kind")) {
                        kind.setErrorMessage("Choose Slack or Microsoft Teams");
                        kind.setInvalid(true);
                    } else {
                        url.setErrorMessage(message);
                        url.setInvalid(true);
                    }
                });
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-channel");
        Button test = new Button("Send a test message", click -> {
            try {
                channels.sendTest(team.slug(), viewer);
                told("A test message is on its way; see below how it went.");
            } catch (Refusal refusal) {
                refused(refusal.reason());
            }
            render(section, team, viewer, true);
        });
        test.setId("test-channel");
        test.setEnabled(channel.isPresent());
        Button remove = new Button("Remove", click -> {
            try {
                channels.remove(team.slug(), viewer);
                told("Team " + team.name() + " has no notification channel any more.");
            } catch (Refusal refusal) {
                refused(refusal.reason());
            }
            render(section, team, viewer, true);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.setId("remove-channel");
        remove.setEnabled(channel.isPresent());
        HorizontalLayout form = new HorizontalLayout(kind, url, save, test, remove);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private static void told(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void refused(String reason) {
        Notification.show(reason, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
