package dev.agora.platform;

/**
 * The answer of a permission rule: allowed, or not with a reason a person can read. Services refuse with it,
 * views hide or disable what it forbids, so that both follow the same rule.
 */
public record Decision(boolean allowed, String reason) {

    public static Decision allow() {
        return new Decision(true, null);
    }

    public static Decision deny(String reason) {
        return new Decision(false, reason);
    }

    /** Goes on when allowed; refuses as forbidden with the reason otherwise. */
    public void orRefuse() {
        if (!allowed) {
            throw Refusal.forbidden(reason);
        }
    }
}
