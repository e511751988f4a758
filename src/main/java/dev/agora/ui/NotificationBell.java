package dev.agora.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The bell: the number of unread notifications, and the latest ones, each a link to its request. */
class NotificationBell extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.systemDefault());

    private final NotificationSource source;
    private final String username;
    private final Span count = new Span();
    private final Div list = new Div();

    NotificationBell(NotificationSource source, String username) {
        this.source = source;
        this.username = username;
        addClassName("notification-bell");
        Button bell = new Button(VaadinIcon.BELL.create());
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setAriaLabel("Notifications");
        bell.setId("notification-bell");
        count.addClassName("bell-count");
        count.setId("notification-count");
        Popover popover = new Popover();
        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setWidth("24em");
        list.addClassName("notification-list");
        Button allRead = new Button("Mark all as read", click -> {
            source.markAllRead(username);
            refresh();
        });
        allRead.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        popover.add(list, allRead);
        popover.addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                refresh();
            }
        });
        add(bell, count, popover);
        refresh();
    }

    void refresh() {
        long unread = source.unread(username);
        count.setText(unread == 0 ? "" : unread > 99 ? "99+" : Long.toString(unread));
        count.setVisible(unread > 0);
        list.removeAll();
        var latest = source.latest(username, 10);
        if (latest.isEmpty()) {
            list.add(new Span("Nothing new."));
        }
        for (NotificationSource.Item item : latest) {
            com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor(item.link(),
                    item.message());
            link.addClassName(item.read() ? "notification-read" : "notification-unread");
            link.getElement().addEventListener("click", event -> source.markRead(username, item.id()));
            Span when = new Span(WHEN.format(item.createdAt()));
            when.addClassName("notification-when");
            Div row = new Div(link, when);
            row.addClassName("notification");
            list.add(row);
        }
    }
}
