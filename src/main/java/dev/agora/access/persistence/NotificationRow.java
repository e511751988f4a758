package dev.agora.access.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something a person is told about a request or a product they follow: shown behind the bell until read. */
@Entity
@Table(name = "notifications")
public class NotificationRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String kind;

    @Column(name = "request_id")
    public UUID requestId;

    /** The product a notice is about (a followed product's new version), or null for a request's notification. */
    @Column(name = "product_slug")
    public String productSlug;

    @Column(nullable = false)
    public String message;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "once_key", unique = true)
    public String onceKey;
}
