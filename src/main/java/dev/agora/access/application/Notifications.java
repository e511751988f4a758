package dev.agora.access.application;

import dev.agora.access.persistence.NotificationRow;
import dev.agora.identity.Directory;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells people what happened to requests that concern them: a notification behind the bell (in the same
 * transaction as the change) and an e-mail (sent once the change is committed, never for a change rolled back).
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class);

    /** What a notification is about. */
    public enum Kind {
        NEW_REQUEST,
        REMINDER,
        DECISION,
        ACCESS_ACTIVE,
        GRANT_FAILED,
        EXPIRING,
        ENDED,
        EXTENSION,
        /** a followed product released a version */
        NEW_VERSION,
        /** the columns of a followed product's port changed */
        SCHEMA_CHANGED,
        /** a followed product was deprecated */
        DEPRECATED,
        /** a rule of the contract of a product one owns or uses newly fails */
        QUALITY_FAILED
    }

    /** A mail to send after commit. */
    public record MailOut(List<String> to, String subject, String text) {}

    private final EntityManager entities;
    private final Directory directory;
    private final Event<MailOut> mails;
    private final ReactiveMailer mailer;
    private final Clock clock;
    private final String baseUrl;

    Notifications(EntityManager entities, Directory directory, Event<MailOut> mails, ReactiveMailer mailer, Clock clock,
            @ConfigProperty(name = "agora.base-url", defaultValue = "http://localhost:8080") String baseUrl) {
        this.entities = entities;
        this.directory = directory;
        this.mails = mails;
        this.mailer = mailer;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/$", "");
    }

    /** Notifies each recipient (the actor excluded: nobody is told what they just did themselves). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(Collection<String> recipients, String actor, Kind kind, UUID requestId, String message) {
        Set<String> told = new LinkedHashSet<>();
        for (String recipient : new LinkedHashSet<>(recipients)) {
            if (recipient == null || recipient.equals(actor) || recipient.startsWith("system:")) {
                continue;
            }
            NotificationRow row = new NotificationRow();
            row.recipient = recipient;
            row.kind = kind.name();
            row.requestId = requestId;
            row.message = message;
            row.createdAt = clock.instant();
            row.persist();
            told.add(recipient);
        }
        mail(told, message, requestId);
    }

    /**
     * Notifies each recipient once for this occasion, however often (and on however many instances) the job
     * that notices it runs. Tells whether anyone was newly notified.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tellOnce(String occasion, Collection<String> recipients, Kind kind, UUID requestId, String message) {
        Set<String> told = insertOnce(occasion, recipients, kind, "request_id", requestId, message);
        mail(told, message, requestId);
        return !told.isEmpty();
    }

    /**
     * Tells each recipient once for this occasion about a product (what followers hear): a notice behind the bell
     * that links to the product's page, and an e-mail after commit. Returns who was newly told.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> tellOnceAboutProduct(String occasion, Collection<String> recipients, Kind kind,
            String productSlug, String productPath, String message) {
        Set<String> told = insertOnce(occasion, recipients, kind, "product_slug", productSlug, message);
        mail(told, message, "Open the product: " + baseUrl + productPath);
        return told;
    }

    /**
     * A notice per recipient unless this occasion already told them (its once key), about what {@code subject} is
     * in {@code column} (request_id or product_slug, never input); tells who was newly told.
     */
    private Set<String> insertOnce(String occasion, Collection<String> recipients, Kind kind, String column,
            Object subject, String message) {
        Set<String> told = new LinkedHashSet<>();
        for (String recipient : new LinkedHashSet<>(recipients)) {
            int inserted = entities.createNativeQuery("INSERT INTO notifications (recipient, kind, " + column
                            + ", message, created_at, once_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                            + " ON CONFLICT (once_key) DO NOTHING")
                    .setParameter(1, recipient).setParameter(2, kind.name()).setParameter(3, subject)
                    .setParameter(4, message).setParameter(5, clock.instant())
                    .setParameter(6, occasion + ":" + recipient)
                    .executeUpdate();
            if (inserted > 0) {
                told.add(recipient);
            }
        }
        return told;
    }

    private void mail(Set<String> recipients, String message, UUID requestId) {
        mail(recipients, message, "Open the request: " + baseUrl + "/requests/" + requestId);
    }

    private void mail(Set<String> recipients, String message, String link) {
        List<String> addresses = recipients.stream()
                .map(username -> directory.profile(username).map(p -> p.email()).orElse(null))
                .filter(address -> address != null && !address.isBlank())
                .toList();
        if (!addresses.isEmpty()) {
            mails.fire(new MailOut(addresses, "Agora: " + message,
                    message + "\n\n" + link + "\n"));
        }
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailOut mail) {
        mailer.send(Mail.withText(mail.to().get(0), mail.subject(), mail.text())
                        .setTo(mail.to()))
                .subscribe().with(sent -> LOG.debugf("mailed %s", mail.to()),
                        failure -> LOG.warnf("Could not mail %s: %s", mail.to(), failure.getMessage()));
    }

    public long unread(String username) {
        return NotificationRow.count("recipient = ?1 and readAt is null", username);
    }

    public List<NotificationRow> latest(String username, int limit) {
        return NotificationRow.<NotificationRow>find("recipient = ?1 order by createdAt desc, id desc", username)
                .page(0, limit).list();
    }

    @Transactional
    public void markRead(String username, long id) {
        Optional<NotificationRow> row = NotificationRow.<NotificationRow>findByIdOptional(id)
                .filter(n -> n.recipient.equals(username));
        row.filter(n -> n.readAt == null).ifPresent(n -> n.readAt = clock.instant());
    }

    @Transactional
    public void markAllRead(String username) {
        Instant now = clock.instant();
        NotificationRow.update("readAt = ?1 where recipient = ?2 and readAt is null", now, username);
    }
}
