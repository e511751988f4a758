package dev.agora.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.agora.access.Permission;
import dev.agora.access.Principal;
import dev.agora.access.application.AccessRequests;
import dev.agora.catalog.ui.CatalogNavigation;
import dev.agora.identity.AccountProfile;
import dev.agora.identity.Directory;
import dev.agora.ui.EmptyState;
import dev.agora.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;

/** Products collected to request together: one justification, one request per product, one submission. */
@Route(value = "basket", layout = MainLayout.class)
@PageTitle("Request basket · Agora")
@Menu(order = 4, title = "Basket", icon = "vaadin:cart")
@PermitAll
class BasketView extends VerticalLayout {

    BasketView(AccessRequests requests, Directory directory, SecurityIdentity identity) {
        addClassName("basket-view");
        String username = identity.getPrincipal().getName();
        add(new H2("Request basket"));
        List<Basket.Item> items = Basket.contents();
        if (items.isEmpty()) {
            add(new EmptyState("Your basket is empty", "Add products from their pages to request them together."));
            return;
        }
        Div list = new Div();
        list.addClassName("card");
        for (Basket.Item item : items) {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
                Basket.remove(item.slug());
                getUI().ifPresent(ui -> ui.getPage().reload());
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            remove.setAriaLabel("Remove " + item.name());
            Div row = new Div(CatalogNavigation.linkToProduct(item.name(), item.slug()), remove);
            row.addClassName("basket-item");
            list.add(row);
        }
        List<String> teams = directory.profile(username).map(AccountProfile::memberships).orElse(List.of()).stream()
                .map(AccountProfile.Membership::team).toList();
        RadioButtonGroup<String> forWhom = new RadioButtonGroup<>("For");
        List<String> choices = new ArrayList<>(List.of("Me"));
        teams.forEach(team -> choices.add("Team " + team));
        forWhom.setItems(choices);
        forWhom.setValue(teams.isEmpty() ? "Me" : "Team " + teams.get(0));
        TextArea justification = new TextArea("Why you need them");
        justification.setWidth("32em");
        IntegerField days = new IntegerField("For how many days");
        days.setValue(30);
        days.setMin(1);
        days.setHelperText("Each product's classification sets its own maximum");
        Button submit = new Button("Request all " + items.size(), click -> {
            Principal principal = "Me".equals(forWhom.getValue()) ? Principal.user(username)
                    : Principal.team(forWhom.getValue().substring("Team ".length()));
            try {
                AccessRequests.Submission submission = requests.submitBasket(items.stream()
                                .map(item -> new AccessRequests.BasketItem(item.slug(), null)).toList(), principal,
                        Permission.READ, justification.getValue(), days.getValue(), username);
                Basket.clear();
                Notification.show(submission.requests().size() + " requests sent, each to its product's owners.",
                        4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                AccessNavigation.toMyRequests();
            } catch (RuntimeException refused) {
                Notification.show(Failures.describe(refused), 8000, Notification.Position.BOTTOM_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("submit-basket");
        add(list, forWhom, justification, days, submit, new Span("One request per product goes to its owners."));
    }
}
