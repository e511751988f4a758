package dev.agora.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.Optional;

/** The start page after sign-in: who you are in the mesh, and where to go next. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · Agora")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(SecurityIdentity identity, Directory directory, Instance<HomeSection> sections) {
        addClassName("home-view");
        String username = identity.getPrincipal().getName();
        AccountProfile profile = directory.profile(username).orElseThrow();
        add(new H2("Welcome, " + profile.displayName()));
        add(new Paragraph("Find data products in the catalog, request access for yourself or your team, "
                + "and decide on the requests routed to you."));
        sections.stream()
                .sorted(Comparator.comparingInt(HomeSection::order))
                .map(section -> section.render(username))
                .flatMap(Optional::stream)
                .forEach(this::add);
        add(teamsCard(profile));
    }

    private static Div teamsCard(AccountProfile profile) {
        Div card = new Div();
        card.addClassName("card");
        card.add(new H3("Your teams"));
        if (profile.memberships().isEmpty()) {
            card.add(new Paragraph(profile.isAdmin()
                    ? "You belong to no team; as an administrator you manage domains and teams under Admin."
                    : "You belong to no team yet. Ask an administrator to add you to one."));
        }
        for (AccountProfile.Membership membership : profile.memberships()) {
            Span role = new Span(membership.role().name());
            role.getElement().getThemeList().add("badge pill");
            Div row = new Div(new Span(membership.teamName()), new Span(" · domain " + membership.domain() + " "),
                    role);
            row.addClassName("membership");
            card.add(row);
        }
        return card;
    }
}
