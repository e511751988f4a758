package dev.agora.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * bcrypt hashing of local passwords. API clients send HTTP Basic credentials with every call, and bcrypt is slow
 * by design (tens of milliseconds), so a successful check is remembered for a short while. The memory holds
 * only an HMAC of password and stored hash under a key made at start: no password is kept, and a changed
 * password (a new hash) never matches an old entry.
 */
@ApplicationScoped
public class PasswordHashing {

    static final int COST = 10;
    private static final Duration REMEMBER_FOR = Duration.ofMinutes(2);
    private static final int MAX_REMEMBERED = 10_000;

    // A hash of a random password, checked when an account does not exist, so that the answer takes as long as
    // for a real account and does not reveal which usernames exist.
    private final String decoyHash = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(randomBytes(18)), COST);
    private final byte[] rememberKey = randomBytes(32);
    private final Map<String, Instant> verifiedUntil = new ConcurrentHashMap<>();
    private final Clock clock;

    public PasswordHashing(Clock clock) {
        this.clock = clock;
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    public boolean matches(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        String memo = fingerprint(password, storedHash);
        Instant now = clock.instant();
        Instant until = verifiedUntil.get(memo);
        if (until != null && until.isAfter(now)) {
            return true;
        }
        boolean matches = bcryptMatches(password, storedHash);
        if (matches) {
            if (verifiedUntil.size() >= MAX_REMEMBERED) {
                verifiedUntil.entrySet().removeIf(entry -> !entry.getValue().isAfter(now));
            }
            if (verifiedUntil.size() < MAX_REMEMBERED) {
                verifiedUntil.put(memo, now.plus(REMEMBER_FOR));
            }
        }
        return matches;
    }

    /** Spends the time of a real check, for accounts that do not exist or have no password. */
    public void matchAgainstDecoy(String password) {
        bcryptMatches(password == null ? "" : password, decoyHash);
    }

    private static boolean bcryptMatches(String password, String storedHash) {
        try {
            return BcryptUtil.matches(password, storedHash);
        } catch (RuntimeException notABcryptHash) {
            return false;
        }
    }

    private String fingerprint(String password, String storedHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rememberKey, "HmacSHA256"));
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
