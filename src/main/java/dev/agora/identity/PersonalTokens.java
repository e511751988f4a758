package dev.agora.identity;

import dev.agora.audit.ChangeJournal;
import dev.agora.platform.InputText;
import dev.agora.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Personal API tokens: a person creates them for scripts and pipelines, lists and revokes them; administrators see
 * and revoke anyone's. The secret ({@code agora_pat_} + 256 random bits) is shown once and only its SHA-256 is
 * stored. A token signs in as its account would with a password, until it expires, is revoked or the account is
 * disabled — disabling an account revokes its tokens for good.
 */
@ApplicationScoped
public class PersonalTokens {

    public static final String PREFIX = "agora_pat_";
    public static final int MAX_NAME = 100;
    public static final int MAX_LIVE_PER_ACCOUNT = 50;
    public static final int DEFAULT_DAYS = 30;
    private static final int SECRET_BYTES = 32;
    /** 32 bytes in unpadded base64url. */
    private static final int SECRET_CHARACTERS = 43;
    private static final Pattern WELL_FORMED = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{"
            + SECRET_CHARACTERS + "}");
    /** Last use is recorded at this resolution: a pipeline calling ten times a second does not write ten times. */
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
    private static final String ACTOR_DEPROVISIONING = "system:deprovisioning";

    /** A token as its owner and administrators see it: never the secret. */
    public record TokenSummary(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            String hint, boolean expired) {}

    /** A token just created, with its secret: the only time anyone sees it. */
    public record IssuedToken(TokenSummary token, String secret) {}

    /** The account a token signed in, and which token it was. */
    public record TokenSignIn(SignedInAccount account, long tokenId) {}

    private final ChangeJournal journal;
    private final Clock clock;
    private final TokenSettings settings;
    private final SecureRandom random = new SecureRandom();

    PersonalTokens(ChangeJournal journal, Clock clock, TokenSettings settings) {
        this.journal = journal;
        this.clock = clock;
        this.settings = settings;
    }

    /** The longest expiry a token may get, in whole days (at least one). */
    public long maxDays() {
        return Math.max(1, settings.maxLifetime().toDays());
    }

    /** The expiry a token gets when none is asked for: 30 days, or the maximum if that is shorter. */
    public long defaultDays() {
        return Math.min(DEFAULT_DAYS, maxDays());
    }

    /**
     * Creates a token for the account, valid for the given number of days (the default when null).
     *
     * @throws Refusal invalid name or expiry (400), a live token of that name or too many live tokens (409)
     */
    @Transactional
    public IssuedToken create(String username, String name, Integer expiresInDays, String actor) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw Refusal.invalid("name", "is required: say what the token is for (1 to " + MAX_NAME
                    + " characters)");
        }
        InputText.singleLineProblem(trimmed, MAX_NAME).ifPresent(problem -> {
            throw Refusal.invalid("name", problem);
        });
        long days = expiresInDays == null ? defaultDays() : expiresInDays;
        if (days < 1) {
            throw Refusal.invalid("expiresInDays", "must be at least 1 day");
        }
        if (Duration.ofDays(days).compareTo(settings.maxLifetime()) > 0) {
            throw Refusal.invalid("expiresInDays", "must be at most " + maxDays()
                    + " days: tokens live at most " + settings.maxLifetime() + " (AGORA_TOKEN_MAX_LIFETIME)");
        }
        User user = lockedUser(username);
        if (!user.enabled()) {
            throw Refusal.conflict("The account '" + user.username() + "' is disabled: it cannot get tokens.");
        }
        Instant now = clock.instant();
        List<PersonalToken> live = liveTokens(user, now);
        if (live.size() >= MAX_LIVE_PER_ACCOUNT) {
            throw Refusal.conflict("An account has at most " + MAX_LIVE_PER_ACCOUNT
                    + " live tokens: revoke one you no longer use first.");
        }
        if (live.stream().anyMatch(token -> token.name().equalsIgnoreCase(trimmed))) {
            throw Refusal.conflict("You already have a live token named '" + trimmed
                    + "': choose another name or revoke that one.");
        }
        String secret = newSecret();
        PersonalToken token = new PersonalToken(user, trimmed, hash(secret), secret.substring(PREFIX.length(),
                PREFIX.length() + 4), now, now.plus(Duration.ofDays(days)));
        token.persist();
        journal.record(actor, "identity.token.created", "user", user.username(), details(token));
        return new IssuedToken(summary(token, now), secret);
    }

    /** The account's tokens that are not revoked (expired ones too, marked), newest first. */
    @ActivateRequestContext
    @Transactional
    public List<TokenSummary> of(String username) {
        User user = User.findByUsername(username)
                .orElseThrow(() -> Refusal.notFound("There is no account named '" + username + "'."));
        Instant now = clock.instant();
        return PersonalToken.<PersonalToken>list("user = ?1 and revokedAt is null order by createdAt desc, id desc",
                user).stream().map(token -> summary(token, now)).toList();
    }

    /**
     * Revokes one of the account's tokens. A token of another account, or one already revoked, is not found: the
     * answer must not tell whether an id exists.
     */
    @Transactional
    public void revoke(String username, long tokenId, String actor) {
        PersonalToken token = PersonalToken.<PersonalToken>find(
                        "id = ?1 and user.username = ?2 and revokedAt is null", tokenId, Username.normalise(username))
                .firstResultOptional()
                .orElseThrow(() -> Refusal.notFound("There is no token " + tokenId + " of '" + username + "'."));
        token.revoke(actor, clock.instant());
        Map<String, Object> details = details(token);
        journal.record(actor, "identity.token.revoked", "user", token.user().username(), details);
    }

    /**
     * The account a presented secret signs in, if the token is live and the account enabled; records the use.
     * Anything that is not a well-formed token is refused before the database is asked.
     */
    @ActivateRequestContext
    @Transactional
    public Optional<TokenSignIn> signIn(String presented) {
        if (presented == null || !WELL_FORMED.matcher(presented).matches()) {
            return Optional.empty();
        }
        String hash = hash(presented);
        // The lookup is by the hash of the secret: how long the index search takes tells about the hash, which
        // reveals nothing of a secret that is not already known; the comparison itself is constant-time.
        Optional<PersonalToken> found = PersonalToken.<PersonalToken>find("secretHash", hash).firstResultOptional()
                .filter(token -> MessageDigest.isEqual(token.secretHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)));
        Instant now = clock.instant();
        Optional<PersonalToken> usable = found.filter(token -> token.live(now)).filter(token -> token.user().enabled());
        usable.ifPresent(token -> {
            if (token.lastUsedAt() == null || !token.lastUsedAt().plus(LAST_USE_RESOLUTION).isAfter(now)) {
                PersonalToken.update("lastUsedAt = ?1 where id = ?2", now, token.id());
            }
        });
        return usable.map(token -> new TokenSignIn(SignedInAccount.of(token.user()), token.id()));
    }

    /** A disabled account loses every token, in the transaction that disabled it; enabling it does not revive them. */
    void onAccountDeactivated(@Observes AccountDeactivated deactivated) {
        User.findByUsername(deactivated.username()).ifPresent(user -> {
            Instant now = clock.instant();
            for (PersonalToken token : PersonalToken.<PersonalToken>list("user = ?1 and revokedAt is null", user)) {
                token.revoke(ACTOR_DEPROVISIONING, now);
                Map<String, Object> details = details(token);
                details.put("reason", "the account was disabled by " + deactivated.actor());
                journal.record(ACTOR_DEPROVISIONING, "identity.token.revoked", "user", user.username(), details);
            }
        });
    }

    private static User lockedUser(String username) {
        User user = User.findByUsername(username)
                .orElseThrow(() -> Refusal.notFound("There is no account named '" + username + "'."));
        // one creation at a time per account, so that the name and count rules hold under concurrent requests
        return User.findById(user.id(), LockModeType.PESSIMISTIC_WRITE);
    }

    private static List<PersonalToken> liveTokens(User user, Instant now) {
        return PersonalToken.<PersonalToken>list("user = ?1 and revokedAt is null and expiresAt > ?2", user, now);
    }

    private static TokenSummary summary(PersonalToken token, Instant now) {
        return new TokenSummary(token.id(), token.name(), token.createdAt(), token.expiresAt(), token.lastUsedAt(),
                token.hint(), !now.isBefore(token.expiresAt()));
    }

    /** What the audit trail and the event say about a token: never the secret nor its hash. */
    private static Map<String, Object> details(PersonalToken token) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", token.user().username());
        details.put("tokenId", token.id());
        details.put("name", token.name());
        details.put("hint", token.hint());
        details.put("expiresAt", token.expiresAt().toString());
        return details;
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * SHA-256, not bcrypt: the secret is 256 random bits, so no dictionary or brute force can invert its hash, and a
     * fast deterministic hash lets a token be found by an index lookup on every API call.
     */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
