package dev.agora.ui;

import java.time.Instant;
import java.util.List;

/** What the bell in the shell shows: implemented by the feature that notifies people, found through CDI. */
public interface NotificationSource {

    /** A notification, with the address of what it is about. */
    record Item(long id, String message, String link, Instant createdAt, boolean read) {}

    long unread(String username);

    List<Item> latest(String username, int limit);

    void markRead(String username, long id);

    void markAllRead(String username);
}
