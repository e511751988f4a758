package dev.agora.identity.sso;

import dev.agora.identity.ExternalIdentity;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.SessionTickets;
import dev.agora.identity.SingleSignOn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

/** Signs a provider identity in and opens its Agora browser session: the ticket to set, at the current version. */
@ApplicationScoped
public class SsoSessions {

    private final SingleSignOn singleSignOn;
    private final LocalAccounts accounts;
    private final SessionTickets tickets;

    SsoSessions(SingleSignOn singleSignOn, LocalAccounts accounts, SessionTickets tickets) {
        this.singleSignOn = singleSignOn;
        this.accounts = accounts;
        this.tickets = tickets;
    }

    /** @throws SingleSignOn.Refused when the account is disabled or cannot be opened */
    @ActivateRequestContext
    @Transactional
    public String open(ExternalIdentity who) {
        String username = singleSignOn.signIn(who, "browser").username();
        return tickets.issue(username, accounts.sessionVersion(username), SessionTickets.VIA_SSO);
    }
}
