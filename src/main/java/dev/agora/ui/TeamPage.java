package dev.agora.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.agora.identity.Directory;
import dev.agora.identity.Directory.TeamSummary;
import dev.agora.identity.TeamRole;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A team: who is in it with which role, and what other features add (webhooks, notification channel …). */
@Route(value = "teams/:" + TeamPage.TEAM, layout = MainLayout.class)
@PageTitle("Team · Agora")
@PermitAll
public class TeamPage extends VerticalLayout implements BeforeEnterObserver {

    static final String TEAM = "team";

    private final Directory directory;
    private final Instance<TeamPageExtension> extensions;
    private final String viewer;

    TeamPage(Directory directory, Instance<TeamPageExtension> extensions, SecurityIdentity identity) {
        this.directory = directory;
        this.extensions = extensions;
        this.viewer = identity.getPrincipal().getName();
        addClassName("team-page");
    }

    /** The path of a team's page, for links. */
    public static String path(String teamSlug) {
        return "teams/" + teamSlug;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get(TEAM).orElse("");
        removeAll();
        directory.teamSummary(slug).ifPresentOrElse(this::show, () -> add(new EmptyState(
                "There is no team “" + slug + "”", "Teams are listed under Teams.")));
    }

    private void show(TeamSummary team) {
        H2 name = new H2(team.name());
        name.setId("team-name");
        Paragraph about = new Paragraph(team.description() == null ? "" : team.description());
        Span domain = new Span("Domain: " + team.domain());
        add(name, domain, about, new H3("Members"), members(team.members()));
        extensions.stream().sorted(Comparator.comparingInt(TeamPageExtension::order))
                .forEach(extension -> extension.sections(team, viewer).forEach(this::add));
    }

    private static Div members(Map<TeamRole, List<String>> members) {
        Div list = new Div();
        list.setId("team-members");
        if (members.isEmpty()) {
            list.add(new Paragraph("Nobody yet."));
        }
        members.forEach((role, names) -> list.add(new Paragraph(role.name().charAt(0)
                + role.name().substring(1).toLowerCase(java.util.Locale.ROOT) + ": " + String.join(", ", names))));
        return list;
    }
}
