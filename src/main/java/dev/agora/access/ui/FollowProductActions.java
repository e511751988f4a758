package dev.agora.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.agora.access.application.ProductFollowing;
import dev.agora.access.application.ProductFollowing.FollowState;
import dev.agora.catalog.ProductDetails;
import dev.agora.catalog.ui.ProductPageExtension;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * "Follow" / "Following" on a product page for the viewer personally, and a menu to follow it for each of their
 * teams (saying where a team follows automatically, through its active access). The rules are the service's.
 */
@ApplicationScoped
class FollowProductActions implements ProductPageExtension {

    private final ProductFollowing following;

    FollowProductActions(ProductFollowing following) {
        this.following = following;
    }

    @Override
    public List<Component> actions(ProductDetails product, String viewer) {
        ProductFollowing.ViewerState state = following.stateOf(product.slug(), viewer);
        List<Component> actions = new ArrayList<>();
        Button personally = new Button();
        personally.setId("follow-product");
        show(personally, state.personally());
        personally.addClickListener(click -> act(() -> personally.getText().equals("Following")
                ? following.unfollow(product.slug(), null, viewer)
                : following.follow(product.slug(), null, viewer).state()).ifPresent(now -> {
                    show(personally, now);
                    Notification.show(now.following() ? "You follow " + product.name() + "."
                            : "You no longer follow " + product.name() + ".", 2500, Notification.Position.BOTTOM_START);
                }));
        actions.add(personally);
        if (!state.teams().isEmpty()) {
            actions.add(teamMenu(product, state.teams(), viewer));
        }
        return actions;
    }

    private MenuBar teamMenu(ProductDetails product, List<FollowState> teams, String viewer) {
        MenuBar menu = new MenuBar();
        menu.setId("follow-for-team");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        MenuItem root = menu.addItem("Follow for a team");
        SubMenu sub = root.getSubMenu();
        for (FollowState team : teams) {
            MenuItem item = sub.addItem("");
            item.setCheckable(true);
            item.getElement().setAttribute("data-team", team.follower());
            show(item, team);
            item.addClickListener(click -> act(() -> item.isChecked()
                    ? following.follow(product.slug(), team.follower(), viewer).state()
                    : following.unfollow(product.slug(), team.follower(), viewer))
                    .ifPresentOrElse(now -> show(item, now), () -> show(item, team)));
        }
        return menu;
    }

    private static void show(Button button, FollowState state) {
        button.setText(state.following() ? "Following" : "Follow");
        button.setIcon(state.following() ? VaadinIcon.CHECK.create() : VaadinIcon.BELL_O.create());
        button.removeThemeVariants(ButtonVariant.LUMO_SUCCESS);
        if (state.following()) {
            button.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        }
    }

    private static void show(MenuItem item, FollowState state) {
        item.setChecked(state.following());
        item.setText(state.follower() + (state.automatic() ? " (automatic, through active access)" : ""));
    }

    /** Runs the change; a refusal (a team one has just left) is shown, not thrown. */
    private static java.util.Optional<FollowState> act(Supplier<FollowState> change) {
        try {
            return java.util.Optional.of(change.get());
        } catch (Refusal refusal) {
            Notification.show(refusal.reason(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return java.util.Optional.empty();
        }
    }
}
