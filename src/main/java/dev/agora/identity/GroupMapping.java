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
import java.time.Instant;
import java.util.Optional;

/**
 * What membership of a provider group (or being a client-credentials client of that id) makes of someone in
 * Agora: {@code ADMIN}; {@code OWNER} or {@code MEMBER} of a team; {@code STEWARD} of a domain.
 */
@Entity
@Table(name = "group_mappings")
public class GroupMapping extends PanacheEntityBase {

    /** The roles a mapping can give. */
    public enum MappedRole {
        ADMIN, OWNER, MEMBER, STEWARD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_name", nullable = false)
    private String groupName;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private MappedRole role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    private Team team;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected GroupMapping() {
        // for JPA
    }

    GroupMapping(String groupName, MappedRole role, Team team, Domain domain, String createdBy, Instant now) {
        this.groupName = groupName;
        this.role = role;
        this.team = team;
        this.domain = domain;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String groupName() {
        return groupName;
    }

    public MappedRole role() {
        return role;
    }

    public Optional<Team> team() {
        return Optional.ofNullable(team);
    }

    public Optional<Domain> domain() {
        return Optional.ofNullable(domain);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
