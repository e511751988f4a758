package dev.agora.platform;

import java.util.Optional;

/**
 * The two kinds of text people send: single-line (names, tags, contacts, column names and types), which may not
 * hold control characters — a CR/LF in a name must never reach a mail header or a log line — and multi-line
 * (justifications, reasons, descriptions), which may hold line breaks and tabs but no other control characters.
 * Both are bounded; each feature names its own limits.
 */
public final class InputText {

    private InputText() {
    }

    /** Why the single-line text is refused, if it is; {@code null} passes (whether it is required is not asked). */
    public static Optional<String> singleLineProblem(String text, int maxLength) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        if (text.chars().anyMatch(InputText::isControl)) {
            return Optional.of("must be a single line without control characters");
        }
        return Optional.empty();
    }

    /** Why the multi-line text is refused, if it is; {@code null} passes. */
    public static Optional<String> multiLineProblem(String text, int maxLength) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        if (text.chars().anyMatch(c -> isControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }

    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
    }
}
