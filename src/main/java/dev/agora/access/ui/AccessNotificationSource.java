package dev.agora.access.ui;

import dev.agora.access.application.Notifications;
import dev.agora.ui.NotificationSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The bell of the shell, fed by the notifications about access requests. */
@ApplicationScoped
class AccessNotificationSource implements NotificationSource {

    private final Notifications notifications;

    AccessNotificationSource(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public long unread(String username) {
        return notifications.unread(username);
    }

    @Override
    public List<Item> latest(String username, int limit) {
        return notifications.latest(username, limit).stream()
                .map(n -> new Item(n.id, n.message, n.requestId == null ? "" : AccessNavigation.requestPath(n.requestId),
                        n.createdAt, n.readAt != null))
                .toList();
    }

    @Override
    public void markRead(String username, long id) {
        notifications.markRead(username, id);
    }

    @Override
    public void markAllRead(String username) {
        notifications.markAllRead(username);
    }
}
