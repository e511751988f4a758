package dev.agora.access.policy;

/** What a rule says of a request: allowed, or refused with a reason a person can read (and the field). */
public record Verdict(boolean allowed, String field, String reason) {

    public static Verdict allow() {
        return new Verdict(true, null, null);
    }

    public static Verdict refuse(String field, String reason) {
        return new Verdict(false, field, reason);
    }
}
