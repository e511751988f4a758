package dev.agora.platform.web;

/** Names shared by sign-in (identity) and the HTTP layer for the browser session's cookies. */
public final class SessionCookies {

    /** Quarkus' encrypted form-auth cookie: the principal and an idle expiry. */
    public static final String CREDENTIAL = "quarkus-credential";
    /** Agora's signed ticket beside it: account, session version, issued-at (absolute lifetime). */
    public static final String TICKET = "agora-session";
    /** The servlet session of the Vaadin UI, replaced at sign-in so that a session id fixed beforehand is useless. */
    public static final String SERVLET_SESSION = "JSESSIONID";
    /** Routing-context key under which a successful form sign-in leaves the ticket to set. */
    public static final String NEW_TICKET = "agora.session.new-ticket";

    private SessionCookies() {
    }
}
