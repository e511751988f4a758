package dev.agora.access.following;

import dev.agora.access.application.TeamAnnouncement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every team announcement fired, as the team-channel feature would receive it. */
@ApplicationScoped
public class RecordedAnnouncements {

    private final List<TeamAnnouncement> fired = new CopyOnWriteArrayList<>();

    void on(@Observes TeamAnnouncement announcement) {
        fired.add(announcement);
    }

    public List<TeamAnnouncement> about(String orderingKey) {
        return fired.stream().filter(a -> a.orderingKey().equals(orderingKey)).toList();
    }
}
