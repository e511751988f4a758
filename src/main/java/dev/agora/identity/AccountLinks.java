package dev.agora.identity;

import dev.agora.audit.ChangeJournal;
import dev.agora.platform.Refusal;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Administrators link an account to a provider identity (issuer and subject), so that sign-in through the
 * provider lands in that account instead of opening a new one, and unlink it again. Without a link, a provider
 * identity and a local account of the same name are two accounts ({@link SingleSignOn}).
 */
@ApplicationScoped
public class AccountLinks {

    /** The provider identity an account is linked to. */
    public record Link(String username, String issuer, String subject) {}

    private static final Pattern SINGLE_LINE = Pattern.compile("[^\\p{Cntrl}\\u2028\\u2029]*");
    private static final Pattern ISSUER = Pattern.compile("^https?://[^\\s]+$");
    static final int MAX_ISSUER_LENGTH = 500;

    private final OidcSettings oidc;
    private final ChangeJournal journal;
    private final Clock clock;

    AccountLinks(OidcSettings oidc, ChangeJournal journal, Clock clock) {
        this.oidc = oidc;
        this.journal = journal;
        this.clock = clock;
    }

    /** The configured provider's issuer, which a link uses when none is given. */
    public Optional<String> defaultIssuer() {
        return oidc.issuer().filter(i -> !i.isBlank());
    }

    /**
     * Links the account to the subject at the issuer (the configured provider's when none is given). Refused with
     * a conflict naming the other account when an enabled account holds that identity: the admin unlinks or
     * deactivates it first. A deactivated holder gives the identity up, which is audited on both accounts.
     */
    @Transactional
    public Link link(String username, String issuer, String subject, String actor) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        String theIssuer = checkedIssuer(issuer, problems);
        String theSubject = checked("subject", subject, ExternalIdentity.MAX_CLAIM_LENGTH, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems.get(0).field() + " " + problems.get(0).message(), problems);
        }
        // the same lock as a first sign-in of this identity, so that neither opens a second account meanwhile
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "sso\n" + theIssuer + "\n" + theSubject).getSingleResult();
        User user = User.findByUsername(username)
                .orElseThrow(() -> Refusal.notFound("There is no account named '" + username + "'."));
        if (user.kind() == AccountKind.CLIENT) {
            throw Refusal.conflict("The account '" + user.username() + "' is a pipeline's client account; only a "
                    + "person's account can be linked to a provider identity.");
        }
        if (user.ssoIssuer().filter(theIssuer::equals).isPresent()
                && user.ssoSubject().filter(theSubject::equals).isPresent()) {
            return new Link(user.username(), theIssuer, theSubject);
        }
        Optional<User> holder = User.findBySsoIdentity(theIssuer, theSubject);
        if (holder.isPresent()) {
            User other = holder.get();
            if (other.enabled()) {
                throw Refusal.conflict("The account '" + other.username() + "' holds this provider identity: unlink "
                        + "it there first (DELETE /api/v1/admin/users/" + other.username()
                        + "/sso-identity) or deactivate that account.", Map.of("account", other.username()));
            }
            other.unlinkSsoIdentity(clock.instant());
            other.endSessions(clock.instant());
            journal.record(actor, "identity.user.sso-identity-unlinked", "user", other.username(), Map.of(
                    "username", other.username(), "issuer", theIssuer, "subject", theSubject,
                    "reason", "moved to " + user.username()));
            // the unique index must see the old holder without the identity before the new one takes it
            Panache.getEntityManager().flush();
        }
        Optional<String> before = user.ssoIssuer();
        user.linkSsoIdentity(theIssuer, theSubject, clock.instant());
        if (before.isPresent()) {
            user.endSessions(clock.instant()); // sessions opened through the previous identity end
        }
        journal.record(actor, "identity.user.sso-identity-linked", "user", user.username(), Map.of(
                "username", user.username(), "issuer", theIssuer, "subject", theSubject));
        return new Link(user.username(), theIssuer, theSubject);
    }

    /**
     * Unlinks the account from its provider identity and ends its sessions; the next sign-in through the provider
     * opens a new account. Nothing happens to an account that is not linked.
     */
    @Transactional
    public void unlink(String username, String actor) {
        User user = User.findByUsername(username)
                .orElseThrow(() -> Refusal.notFound("There is no account named '" + username + "'."));
        if (user.ssoSubject().isEmpty()) {
            return;
        }
        String issuer = user.ssoIssuer().orElseThrow();
        String subject = user.ssoSubject().orElseThrow();
        user.unlinkSsoIdentity(clock.instant());
        user.endSessions(clock.instant());
        journal.record(actor, "identity.user.sso-identity-unlinked", "user", user.username(), Map.of(
                "username", user.username(), "issuer", issuer, "subject", subject));
    }

    private String checkedIssuer(String issuer, List<Refusal.FieldProblem> problems) {
        String given = issuer == null || issuer.isBlank() ? oidc.issuer().filter(i -> !i.isBlank()).orElse(null)
                : issuer.strip();
        if (given == null) {
            problems.add(new Refusal.FieldProblem("issuer",
                    "is needed: no identity provider is configured (AGORA_OIDC_ISSUER)"));
            return null;
        }
        String value = checked("issuer", given, MAX_ISSUER_LENGTH, problems);
        if (value != null && !ISSUER.matcher(value).matches()) {
            problems.add(new Refusal.FieldProblem("issuer", "must be the provider's issuer URL, as its tokens "
                    + "carry it in 'iss' (https://…)"));
            return null;
        }
        return value;
    }

    private static String checked(String field, String value, int maxLength, List<Refusal.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Refusal.FieldProblem(field, "must not be empty"));
            return null;
        }
        if (value.length() > maxLength) {
            problems.add(new Refusal.FieldProblem(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        if (!SINGLE_LINE.matcher(value).matches()) {
            problems.add(new Refusal.FieldProblem(field, "must be a single line without control characters"));
            return null;
        }
        return value;
    }
}
