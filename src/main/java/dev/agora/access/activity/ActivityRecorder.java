package dev.agora.access.activity;

import dev.agora.events.inprocess.PublishedBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps every committed event about a product in its activity, as the relay delivers it in-process (after the
 * commit, at least once, in order per aggregate). A failure here fails the delivery, which the relay retries.
 */
@ApplicationScoped
class ActivityRecorder {

    private final ProductActivity activity;

    ActivityRecorder(ProductActivity activity) {
        this.activity = activity;
    }

    void on(@Observes PublishedBatch published) {
        activity.recordAll(published.events());
    }
}
