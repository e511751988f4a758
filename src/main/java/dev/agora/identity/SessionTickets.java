package dev.agora.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The signed ticket a browser session carries beside Quarkus' encrypted credential cookie: which account, at which
 * session version, since when, and a random id. Quarkus' cookie only knows an idle expiry and renews itself with
 * the principal's name alone, so what ends sessions (a raised session version, the absolute lifetime) lives here.
 * Signed with a key derived from {@code AGORA_SESSION_KEY}, so instances sharing that key share sessions.
 */
@ApplicationScoped
public class SessionTickets {

    /** How a session was opened: the login form (beside Quarkus' credential cookie) or single sign-on (alone). */
    public static final String VIA_FORM = "form";
    public static final String VIA_SSO = "sso";

    /** What a valid ticket says. */
    public record Ticket(String username, long sessionVersion, Instant issuedAt, String id, String via) {

        public boolean singleSignOn() {
            return VIA_SSO.equals(via);
        }
    }

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final SessionSettings settings;
    private final Clock clock;

    SessionTickets(SessionSettings settings, Clock clock,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        this.settings = settings;
        this.clock = clock;
        this.key = sessionKey.filter(k -> !k.isBlank())
                .map(k -> hmac(k.getBytes(StandardCharsets.UTF_8), "agora session ticket"))
                .orElseGet(() -> {
                    byte[] random = new byte[32];
                    RANDOM.nextBytes(random); // like Quarkus without a key: sessions end at restart
                    return random;
                });
    }

    /** A ticket for a session opened with the login form. */
    public String issue(String username, long sessionVersion) {
        return issue(username, sessionVersion, VIA_FORM);
    }

    /** A ticket for a session opened {@code via} the login form or single sign-on. */
    public String issue(String username, long sessionVersion, String via) {
        if (!VIA_FORM.equals(via) && !VIA_SSO.equals(via)) {
            throw new IllegalArgumentException("a session is opened via " + VIA_FORM + " or " + VIA_SSO);
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String payload = username + "\n" + sessionVersion + "\n" + clock.instant().getEpochSecond() + "\n"
                + ENCODE.encodeToString(id) + "\n" + via;
        String encoded = ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + ENCODE.encodeToString(hmac(key, encoded));
    }

    /** The ticket, if the value is one Agora signed and it is younger than the absolute session lifetime. */
    public Optional<Ticket> read(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String encoded = value.substring(0, dot);
        try {
            byte[] signature = DECODE.decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, hmac(key, encoded))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODE.decode(encoded), StandardCharsets.UTF_8).split("\n", -1);
            // tickets signed before single sign-on have four parts and came from the login form
            if (parts.length != 4 && parts.length != 5) {
                return Optional.empty();
            }
            String via = parts.length == 5 ? parts[4] : VIA_FORM;
            if (!VIA_FORM.equals(via) && !VIA_SSO.equals(via)) {
                return Optional.empty();
            }
            Ticket ticket = new Ticket(parts[0], Long.parseLong(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2])), parts[3], via);
            return clock.instant().isBefore(ticket.issuedAt().plus(settings.maxAge())) ? Optional.of(ticket)
                    : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
