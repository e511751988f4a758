package dev.agora.grants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One comparison of what Agora approved with what the engines actually hold, and what it did about it. */
@Entity
@Table(name = "reconciliation_runs")
public class ReconciliationRun extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    @Column(nullable = false)
    String actor;

    int checked;
    int missing;
    int healed;
    int extra;
    int revoked;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<String> errors = new ArrayList<>();

    public UUID id() {
        return id;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String actor() {
        return actor;
    }

    public int checked() {
        return checked;
    }

    public int missing() {
        return missing;
    }

    public int healed() {
        return healed;
    }

    public int extra() {
        return extra;
    }

    public int revoked() {
        return revoked;
    }

    public List<String> errors() {
        return errors;
    }
}
