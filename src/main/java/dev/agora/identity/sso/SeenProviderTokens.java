package dev.agora.identity.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * API tokens already signed in with, so that a pipeline calling a hundred times with one token signs in (and is
 * audited) once, not a hundred times. Keyed by the SHA-256 of the token — the token itself is not kept — and an
 * entry ends when its token expires. At most {@value #MAX_ENTRIES} entries: when full, expired ones go first, and
 * if that is not enough the whole memory is dropped (the next call of each token signs in again, which is correct,
 * only audited once more).
 */
final class SeenProviderTokens {

    static final int MAX_ENTRIES = 10_000;

    private record Seen(String username, Instant expiresAt) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxEntries;

    SeenProviderTokens(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The Agora username the token signed in as, signing in with {@code signIn} when it is new. */
    String usernameOf(String token, Instant expiresAt, Supplier<String> signIn) {
        String key = sha256(token);
        Instant now = clock.instant();
        Seen known = seen.get(key);
        if (known != null && known.expiresAt().isAfter(now)) {
            return known.username();
        }
        String username = signIn.get();
        if (expiresAt.isAfter(now)) {
            makeRoom(now);
            seen.put(key, new Seen(username, expiresAt));
        }
        return username;
    }

    /** Forgets a token, e.g. when it no longer leads to an enabled account. */
    void forget(String token) {
        seen.remove(sha256(token));
    }

    int size() {
        return seen.size();
    }

    Optional<String> known(String token) {
        return Optional.ofNullable(seen.get(sha256(token))).filter(s -> s.expiresAt().isAfter(clock.instant()))
                .map(Seen::username);
    }

    private void makeRoom(Instant now) {
        if (seen.size() < maxEntries) {
            return;
        }
        seen.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
        if (seen.size() >= maxEntries) {
            seen.clear();
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
