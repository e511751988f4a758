package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.support.SettableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ticket that carries a browser session's account, session version and age. */
class SessionTicketsSpec {

    private final SettableClock clock = new SettableClock();
    private final SessionSettings twelveHours = () -> Duration.ofHours(12);

    private SessionTickets tickets(String key) {
        return new SessionTickets(twelveHours, clock, Optional.of(key));
    }

    @Test
    void a_ticket_says_whose_session_it_is_and_at_which_version() {
        SessionTickets tickets = tickets("a-long-enough-session-key-0123456789");

        assertThat(tickets.read(tickets.issue("olivia", 7))).hasValueSatisfying(ticket -> {
            assertThat(ticket.username()).isEqualTo("olivia");
            assertThat(ticket.sessionVersion()).isEqualTo(7);
            assertThat(ticket.issuedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void a_session_ends_twelve_hours_after_sign_in_however_active() {
        SessionTickets tickets = tickets("a-long-enough-session-key-0123456789");
        String ticket = tickets.issue("olivia", 0);

        clock.pass(Duration.ofHours(12).minusSeconds(1));
        assertThat(tickets.read(ticket)).isPresent();
        clock.pass(Duration.ofSeconds(1));
        assertThat(tickets.read(ticket)).isEmpty();
    }

    @Test
    void a_changed_ticket_is_no_ticket() {
        SessionTickets tickets = tickets("a-long-enough-session-key-0123456789");
        String ticket = tickets.issue("olivia", 0);
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("olivia\n0\n" + clock.instant().plus(Duration.ofDays(30)).getEpochSecond() + "\nxyz").getBytes())
                + ticket.substring(ticket.indexOf('.'));

        assertThat(tickets.read(forged)).isEmpty();
        assertThat(tickets.read(ticket.substring(0, ticket.length() - 2) + "AA")).isEmpty();
        assertThat(tickets.read("garbage")).isEmpty();
    }

    @Test
    void a_ticket_signed_with_another_key_is_no_ticket() {
        assertThat(tickets("the-key-of-instance-a-0123456789").read(
                tickets("the-key-of-instance-b-0123456789").issue("olivia", 0))).isEmpty();
    }

    @Test
    void instances_sharing_the_session_key_accept_each_others_tickets() {
        assertThat(tickets("the-shared-key-0123456789-abcdef").read(
                tickets("the-shared-key-0123456789-abcdef").issue("olivia", 0))).isPresent();
    }

    @Test
    void a_ticket_says_whether_the_session_was_opened_by_the_login_form_or_single_sign_on() {
        SessionTickets tickets = tickets("a-long-enough-session-key-0123456789");

        assertThat(tickets.read(tickets.issue("olivia", 0))).hasValueSatisfying(ticket ->
                assertThat(ticket.singleSignOn()).isFalse());
        assertThat(tickets.read(tickets.issue("olivia-3f9a1c", 0, SessionTickets.VIA_SSO))).hasValueSatisfying(
                ticket -> assertThat(ticket.singleSignOn()).isTrue());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tickets.issue("olivia", 0, "carrier-pigeon"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
