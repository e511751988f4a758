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

/** A user's place in a team, with the role that decides what they may approve. */
@Entity
@Table(name = "team_memberships")
public class TeamMembership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    private Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TeamRole role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MembershipSource source = MembershipSource.AGORA;

    @Version
    private long version;

    protected TeamMembership() {
        // for JPA
    }

    TeamMembership(Team team, User user, TeamRole role, Instant now) {
        this(team, user, role, MembershipSource.AGORA, now);
    }

    TeamMembership(Team team, User user, TeamRole role, MembershipSource source, Instant now) {
        this.team = team;
        this.user = user;
        this.role = role;
        this.source = source;
        this.createdAt = now;
    }

    public MembershipSource source() {
        return source;
    }

    void changeRole(TeamRole role) {
        this.role = role;
    }

    public Team team() {
        return team;
    }

    public User user() {
        return user;
    }

    public TeamRole role() {
        return role;
    }
}
