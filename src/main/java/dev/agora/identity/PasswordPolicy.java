package dev.agora.identity;

import dev.agora.platform.Refusal;
import java.nio.charset.StandardCharsets;

/** What a new local password must be. bcrypt reads at most 72 bytes, so longer ones are refused, not cut. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    static void check(String field, String password, String username, String demoPassword) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw Refusal.invalid(field, "must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw Refusal.invalid(field, "must be at most " + MAX_BYTES + " bytes long");
        }
        if (password.equalsIgnoreCase(username)) {
            throw Refusal.invalid(field, "must not be the username");
        }
        if (password.equals(demoPassword)) {
            throw Refusal.invalid(field, "must not be the demo password");
        }
    }
}
