package dev.agora.identity;

import dev.agora.audit.AuditLog;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-in through an identity provider, for the browser (authorization-code flow) and for bearer tokens alike:
 * finds the account by issuer and subject — never by e-mail or name — or opens it just in time, refuses a
 * disabled one, and makes its provider-given memberships follow the token's groups.
 *
 * <p>A provider identity and a local account of the same name are different accounts: the provider's gets a
 * suffixed username ("marco-3f9a1c") unless an administrator links the local account to the provider identity.
 */
@ApplicationScoped
public class SingleSignOn {

    /** Sign-in refused: the account is disabled, or the token cannot stand for an account. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final GroupMappings mappings;
    private final ProviderMemberships memberships;
    private final AuditLog audit;
    private final Clock clock;

    SingleSignOn(GroupMappings mappings, ProviderMemberships memberships, AuditLog audit, Clock clock) {
        this.mappings = mappings;
        this.memberships = memberships;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Signs in (opening the account at first sign-in) and follows the groups of the token; {@code via} says how
     * ("browser", "bearer-token") for the audit trail.
     */
    @Transactional
    public SignedInAccount signIn(ExternalIdentity who, String via) {
        // two first sign-ins of one person at once must open one account
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "sso\n" + who.issuer() + "\n" + who.subject()).getSingleResult();
        Optional<User> existing = User.findBySsoIdentity(who.issuer(), who.subject());
        User user = existing.orElseGet(() -> open(who));
        if (!user.enabled()) {
            audit.recordAlone(user.username(), "identity.sign-in.refused", "user", user.username(),
                    Map.of("via", via, "reason", "account disabled"));
            throw new Refused("The account '" + user.username() + "' is disabled in Agora.");
        }
        user.refreshFromProvider(bounded(who.displayName()), bounded(who.email()), clock.instant());
        if (who.groups().isPresent() || who.isClient()) {
            memberships.follow(user, mappings.resolve(who.groups().orElse(Set.of()), who.clientId()),
                    user.username());
        }
        audit.record(user.username(), "identity.sign-in.succeeded", "user", user.username(),
                Map.of("via", via, "issuer", who.issuer()));
        return SignedInAccount.of(user);
    }

    private User open(ExternalIdentity who) {
        AccountKind kind = who.isClient() ? AccountKind.CLIENT : AccountKind.PERSON;
        String wanted = who.isClient() ? "client-" + who.clientId().get() : who.preferredUsername();
        Username username = freeUsername(wanted, who);
        String displayName = Optional.ofNullable(bounded(who.displayName())).filter(n -> !n.isBlank())
                .orElse(who.isClient() ? "Client " + who.clientId().get() : username.value());
        User user = User.fromProvider(username, displayName, bounded(who.email()), who.issuer(), who.subject(), kind,
                clock.instant());
        user.persist();
        audit.record(username.value(), "identity.user.created", "user", username.value(), Map.of(
                "username", username.value(), "displayName", displayName, "via", "single sign-on",
                "issuer", who.issuer(), "kind", kind.name()));
        return user;
    }

    /** The provider's name if it is a free, well-formed username; else a form of it made unique by the subject. */
    static Username freeUsername(String wanted, ExternalIdentity who) {
        String normalised = wanted == null ? "" : wanted.strip().toLowerCase(Locale.ROOT);
        if (Username.isWellFormed(normalised) && User.findByUsername(normalised).isEmpty()) {
            return new Username(normalised);
        }
        String base = normalised.replaceAll("[^a-z0-9._@-]", "-").replaceAll("^[^a-z0-9]+", "");
        if (base.length() > 48) {
            base = base.substring(0, 48);
        }
        if (base.length() < 2) {
            base = "user";
        }
        String digest = sha256Hex(who.issuer() + "\n" + who.subject());
        for (int length = 6; length <= 14; length += 4) {
            Username candidate = new Username(base + "-" + digest.substring(0, length));
            if (User.findByUsername(candidate.value()).isEmpty()) {
                return candidate;
            }
        }
        throw new Refused("No free username for this provider identity.");
    }

    private static String bounded(String claim) {
        if (claim == null) {
            return null;
        }
        String value = claim.strip();
        return value.length() > ExternalIdentity.MAX_CLAIM_LENGTH ? value.substring(0, ExternalIdentity.MAX_CLAIM_LENGTH)
                : value;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
