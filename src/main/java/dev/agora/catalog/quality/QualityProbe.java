package dev.agora.catalog.quality;

import dev.agora.catalog.PortType;
import dev.agora.catalog.contract.QualityRule;
import java.util.List;

/**
 * Checks quality rules against the data of one kind of port, where it lives: the PostgreSQL lake through a
 * read-only connection, Glue tables through Amazon Athena. One implementation per port type, switched on by
 * configuration like the schema harvesters.
 */
public interface QualityProbe {

    PortType portType();

    /**
     * One result per rule, in the order given. A rule that cannot be run (timeout, missing column, engine down)
     * gives an ERROR result; it never throws for one rule's sake. {@code productId} scopes what custom SQL may read.
     */
    List<RuleResult> evaluate(long productId, String port, String location, List<QualityRule> rules);
}
