package dev.agora.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import java.util.Set;
import java.util.stream.Collectors;

/** The teams of the organisation, the viewer's own first, each linking to its page. */
@Route(value = "teams", layout = MainLayout.class)
@PageTitle("Teams · Agora")
@Menu(order = 5, title = "Teams", icon = "vaadin:users")
@PermitAll
class TeamsView extends VerticalLayout {

    TeamsView(Directory directory, SecurityIdentity identity) {
        addClassName("teams-view");
        Set<String> mine = directory.profile(identity.getPrincipal().getName())
                .map(AccountProfile::memberships).orElse(java.util.List.of()).stream()
                .map(AccountProfile.Membership::team).collect(Collectors.toSet());
        UnorderedList list = new UnorderedList();
        list.setId("teams");
        directory.teams().stream()
                .sorted(java.util.Comparator.comparing((Directory.TeamSummary t) -> !mine.contains(t.slug()))
                        .thenComparing(Directory.TeamSummary::name))
                .forEach(team -> {
                    RouterLink link = new RouterLink(team.name(), TeamPage.class,
                            new RouteParameters(TeamPage.TEAM, team.slug()));
                    ListItem item = new ListItem(link, new Span(" · " + team.domain()
                            + (mine.contains(team.slug()) ? " · your team" : "")));
                    list.add(item);
                });
        add(new H2("Teams"), list);
    }
}
