package dev.agora.access.ui;

import dev.agora.access.application.Notifications;
import dev.agora.access.application.ProductFollowing;
import dev.agora.access.persistence.NotificationRow;
import dev.agora.ui.NotificationSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The bell of the shell, fed by the notifications about access requests and followed products. */
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
                .map(n -> new Item(n.id, n.message, link(n), n.createdAt, n.readAt != null))
                .toList();
    }

    private static String link(NotificationRow notification) {
        if (notification.requestId != null) {
            return AccessNavigation.requestPath(notification.requestId);
        }
        return notification.productSlug == null ? "" : ProductFollowing.productPath(notification.productSlug);
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
