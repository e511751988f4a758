package dev.agora.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A team of a domain: it owns data products and is a principal that can be granted access. */
@Entity
@Table(name = "teams")
public class Team extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The IAM role (or IAM Identity Center group) that stands for the team in AWS Lake Formation. */
    @Column(name = "aws_principal_arn")
    private String awsPrincipalArn;

    /** When an administrator archived it; an archived one takes no new products. */
    @Column(name = "archived_at")
    private Instant archivedAt;

    @Version
    private long version;

    protected Team() {
        // for JPA
    }

    Team(Slug slug, String name, String description, Domain domain, Instant now) {
        this.slug = slug.value();
        this.name = name;
        this.description = description;
        this.domain = domain;
        this.createdAt = now;
    }

    static Optional<Team> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Domain domain() {
        return domain;
    }

    public Optional<String> awsPrincipalArn() {
        return Optional.ofNullable(awsPrincipalArn);
    }

    void useAwsPrincipal(String arn) {
        this.awsPrincipalArn = arn;
    }

    public boolean archived() {
        return archivedAt != null;
    }

    void rename(String name) {
        this.name = name;
    }

    void describe(String description) {
        this.description = description;
    }

    /** Archives it (keeping the first time it was archived) or brings it back. */
    void archive(boolean archived, Instant now) {
        if (!archived) {
            this.archivedAt = null;
        } else if (this.archivedAt == null) {
            this.archivedAt = now;
        }
    }
}
