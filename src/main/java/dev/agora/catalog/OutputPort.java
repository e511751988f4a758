package dev.agora.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** Where consumers get a product's data: a table, a stream, a prefix; with the schema of what they get there. */
@Entity
@Table(name = "output_ports")
public class OutputPort extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    private DataProduct product;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private PortType type;

    @Column(nullable = false)
    private String location;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "output_port_columns", joinColumns = @JoinColumn(name = "port_id"))
    @OrderColumn(name = "position")
    private List<PortColumn> columns = new ArrayList<>();

    protected OutputPort() {
        // for JPA
    }

    OutputPort(DataProduct product, int position, PortContent content) {
        this.product = product;
        this.position = position;
        this.name = content.name();
        apply(position, content);
    }

    void apply(int position, PortContent content) {
        this.position = position;
        this.type = content.type();
        this.location = content.location();
        this.columns.clear();
        content.columns().forEach(column -> this.columns.add(new PortColumn(column)));
    }

    public Long id() {
        return id;
    }

    public DataProduct product() {
        return product;
    }

    public String name() {
        return name;
    }

    public PortType type() {
        return type;
    }

    public String location() {
        return location;
    }

    public List<ColumnSchema> columns() {
        return columns.stream().map(PortColumn::toSchema).toList();
    }

    public PortContent content() {
        return new PortContent(name, type, location, columns());
    }
}
