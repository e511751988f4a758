package dev.agora.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A data steward of a domain who need not belong to one of its teams, as a provider group mapped to "STEWARD of
 * domain sales" makes them. STEWARD members of the domain's teams are stewards as well ({@link Directory}).
 */
@Entity
@Table(name = "domain_stewards")
public class DomainStewardship extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MembershipSource source;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected DomainStewardship() {
        // for JPA
    }

    DomainStewardship(Domain domain, User user, MembershipSource source, Instant now) {
        this.domain = domain;
        this.user = user;
        this.source = source;
        this.createdAt = now;
    }

    public Domain domain() {
        return domain;
    }

    public User user() {
        return user;
    }

    public MembershipSource source() {
        return source;
    }
}
