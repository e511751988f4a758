package dev.agora.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A business domain of the data mesh (sales, marketing …): its teams own the domain's data products. */
@Entity
@Table(name = "domains")
public class Domain extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When an administrator archived it; an archived one takes no new products. */
    @Column(name = "archived_at")
    private Instant archivedAt;

    @Version
    private long version;

    protected Domain() {
        // for JPA
    }

    Domain(Slug slug, String name, String description, Instant now) {
        this.slug = slug.value();
        this.name = name;
        this.description = description;
        this.createdAt = now;
    }

    static Optional<Domain> findBySlug(String slug) {
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

    public Instant createdAt() {
        return createdAt;
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
