package dev.agora.catalog.quality.athena;

import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.quality.RuleResult;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether quality rules of glue-table ports run in Athena ({@code AGORA_QUALITY_ATHENA=aws}) or not (off, the
 * default), and what the runs say for such rules when it is off. Settings Athena cannot use refuse the start with
 * one line, so a typo is found before the first scheduled run rather than in every result.
 */
@ApplicationScoped
public class AthenaSwitch {

    /** The reason every rule of a glue-table port gives while Athena checks are off. */
    public static final String OFF_REASON = dev.agora.catalog.quality.QualityProbes.GLUE_CHECKS_OFF;

    private static final Pattern S3_URI = Pattern.compile("^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$");
    private static final Pattern WORKGROUP = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** ERROR results for rules that cannot run because Athena checks are off: no verdict on the data. */
    public static List<RuleResult> offResults(String port, List<QualityRule> rules, Instant at) {
        return rules.stream().map(rule -> new RuleResult(port, rule.name(), rule.kind(), RuleResult.Outcome.ERROR,
                null, OFF_REASON, at)).toList();
    }

    void check(@Observes StartupEvent start, AthenaConfig config) {
        try {
            check(config.athena(), config);
        } catch (IllegalArgumentException malformed) {
            // Quarkus prints a ConfigurationException as its message alone: one line, no stack trace
            throw new ConfigurationException("Agora refuses to start: " + malformed.getMessage());
        }
    }

    /** Whether the switch is on; refuses a value other than aws or off, and settings Athena would refuse. */
    static boolean check(String value, AthenaConfig config) {
        String choice = value.strip();
        if (!choice.equals("aws") && !choice.equals("off")) {
            throw new IllegalArgumentException("AGORA_QUALITY_ATHENA is \"" + value + "\"; use aws or off");
        }
        if (!WORKGROUP.matcher(config.workgroup()).matches()) {
            throw new IllegalArgumentException("AGORA_ATHENA_WORKGROUP is \"" + config.workgroup()
                    + "\"; an Athena workgroup name has 1 to 128 letters, digits, '.', '_' or '-'");
        }
        config.outputLocation().filter(location -> !S3_URI.matcher(location).matches()).ifPresent(location -> {
            throw new IllegalArgumentException("AGORA_ATHENA_OUTPUT_LOCATION is \"" + location
                    + "\"; use an S3 URI such as s3://bucket/athena-results/");
        });
        if (!positive(config.pollInterval()) || config.pollIntervalCap().compareTo(config.pollInterval()) < 0
                || !positive(config.timeout())) {
            throw new IllegalArgumentException("AGORA_ATHENA_POLL, AGORA_ATHENA_POLL_CAP and AGORA_ATHENA_TIMEOUT "
                    + "must be positive, the cap at least the first pause");
        }
        return choice.equals("aws");
    }

    private static boolean positive(java.time.Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
