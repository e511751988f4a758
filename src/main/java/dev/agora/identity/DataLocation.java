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

/** Physical data registered to the team that owns it: only that team's products may name it in a port. */
@Entity
@Table(name = "data_locations")
public class DataLocation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "port_type", nullable = false)
    private String portType;

    @Column(nullable = false)
    private String location;

    @Column(name = "location_key", nullable = false)
    private String locationKey;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    private Team team;

    @Column(name = "registered_by", nullable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected DataLocation() {
        // for JPA
    }

    DataLocation(LocationType type, String location, String key, Team team, String registeredBy, Instant now) {
        this.portType = type.wireName();
        this.location = location;
        this.locationKey = key;
        this.team = team;
        this.registeredBy = registeredBy;
        this.registeredAt = now;
    }

    public Long id() {
        return id;
    }

    public String portType() {
        return portType;
    }

    public String location() {
        return location;
    }

    public String locationKey() {
        return locationKey;
    }

    public Team team() {
        return team;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
