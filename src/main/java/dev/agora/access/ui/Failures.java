package dev.agora.access.ui;

import dev.agora.platform.Refusal;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/** Turns what a decision ran into into a sentence for a notification; bugs stay bugs. */
final class Failures {

    private Failures() {
    }

    static String describe(RuntimeException failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof Refusal refusal) {
                return refusal.fieldProblems().isEmpty() ? refusal.reason()
                        : refusal.fieldProblems().stream().map(p -> p.message()).reduce((a, b) -> a + "; " + b).orElse("");
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return "Someone else decided on this request at the same moment; reload to see how it stands.";
            }
            cause = cause.getCause();
        }
        throw failure;
    }
}
