package dev.agora.identity.api;

import dev.agora.platform.Refusal;

/** A token id from a path: anything that is not one is a token that does not exist (404). */
final class TokenIds {

    private TokenIds() {
    }

    static long parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            throw Refusal.notFound("There is no token '" + (id == null ? "" : id.substring(0, Math.min(id.length(),
                    40))) + "'.");
        }
        return Long.parseLong(id);
    }
}
