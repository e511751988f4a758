package dev.agora.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of docs/adr and house.md, made executable: a change that breaks them fails the build. */
class ArchitectureSpec {

    private static final String BASE = "dev.agora";
    private static final Set<String> FEATURES = Set.of("catalog", "access", "grants", "events", "identity",
            "governance", "audit", "platform", "ui");
    private static final String[] VAADIN = {"com.vaadin.."};
    private static final String[] JAX_RS = {"jakarta.ws.rs..", "org.jboss.resteasy.reactive.."};
    private static final String[] AWS = {"software.amazon.awssdk.."};

    private static JavaClasses agora;

    @BeforeAll
    static void importProductionClasses() {
        agora = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void the_top_level_packages_are_the_features_and_nothing_else() {
        classes().should(new ArchCondition<>("live in one of the feature packages " + FEATURES) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String rest = type.getPackageName().equals(BASE) ? "" : type.getPackageName().substring(BASE.length() + 1);
                String feature = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
                if (!FEATURES.contains(feature)) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " is outside the features"));
                }
            }
        }).check(agora);
    }

    @Test
    void there_are_no_cycles_between_features() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(agora);
    }

    @Test
    void lower_features_never_call_higher_ones() {
        noClasses().that().resideInAPackage(BASE + ".platform..")
                .should().dependOnClassesThat().resideInAnyPackage(others("platform"))
                .check(agora);
        noClasses().that().resideInAnyPackage(BASE + ".audit..", BASE + ".events..")
                .should().dependOnClassesThat().resideInAnyPackage(packages("catalog", "access", "grants", "identity",
                        "governance", "ui"))
                .check(agora);
        noClasses().that().resideInAPackage(BASE + ".identity..")
                .should().dependOnClassesThat().resideInAnyPackage(packages("catalog", "access", "grants",
                        "governance", "ui"))
                .check(agora);
        noClasses().that().resideInAPackage(BASE + ".grants..")
                .should().dependOnClassesThat().resideInAnyPackage(packages("catalog", "access", "governance", "ui"))
                .allowEmptyShould(true)
                .check(agora);
        noClasses().that().resideInAPackage(BASE + ".catalog..")
                .should().dependOnClassesThat().resideInAnyPackage(packages("access", "grants", "governance"))
                .check(agora);
        noClasses().that().resideInAPackage(BASE + ".ui")
                .should().dependOnClassesThat().resideInAnyPackage(packages("catalog", "access", "grants",
                        "governance"))
                .check(agora);
    }

    @Test
    void vaadin_is_used_only_in_ui_packages() {
        noClasses().that().resideOutsideOfPackage(BASE + "..ui..")
                .should().dependOnClassesThat().resideInAnyPackage(VAADIN)
                .check(agora);
    }

    @Test
    void jax_rs_is_used_only_in_api_packages_and_the_platform() {
        noClasses().that().resideOutsideOfPackages(BASE + "..api..", BASE + ".platform..")
                .should().dependOnClassesThat().resideInAnyPackage(JAX_RS)
                .check(agora);
    }

    @Test
    void the_aws_sdk_is_used_only_by_the_platform_and_the_aws_adapters() {
        noClasses().that().resideOutsideOfPackages(BASE + ".platform..", BASE + ".grants.lakeformation..",
                        BASE + ".catalog.harvest.glue..", BASE + ".catalog.quality.athena..",
                        BASE + ".events.kinesis..")
                .should().dependOnClassesThat().resideInAnyPackage(AWS)
                .check(agora);
    }

    @Test
    void the_domain_model_of_each_feature_is_free_of_ui_rest_and_aws_types() {
        String[] featureRoots = FEATURES.stream().filter(f -> !f.equals("ui") && !f.equals("platform"))
                .map(f -> BASE + "." + f).toArray(String[]::new);
        noClasses().that().resideInAnyPackage(featureRoots)
                .should().dependOnClassesThat().resideInAnyPackage(concat(VAADIN, JAX_RS, AWS))
                .check(agora);
    }

    @Test
    void the_access_model_and_its_policies_know_no_framework() {
        // guards the access aggregate and policies as they arrive; before then there is nothing to check
        noClasses().that().resideInAnyPackage(BASE + ".access", BASE + ".access.policy..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(VAADIN, JAX_RS, AWS,
                        new String[] {"io.quarkus..", "jakarta.enterprise..", "jakarta.persistence.."}))
                .allowEmptyShould(true)
                .check(agora);
    }

    @Test
    void every_view_declares_exactly_one_access_rule() {
        classes().that().areAnnotatedWith("com.vaadin.flow.router.Route")
                .should(new ArchCondition<>("carry exactly one of @RolesAllowed, @PermitAll, @AnonymousAllowed") {
                    @Override
                    public void check(JavaClass view, ConditionEvents events) {
                        long rules = Stream.of("jakarta.annotation.security.RolesAllowed",
                                        "jakarta.annotation.security.PermitAll",
                                        "com.vaadin.flow.server.auth.AnonymousAllowed")
                                .filter(view::isAnnotatedWith)
                                .count();
                        if (rules != 1) {
                            events.add(SimpleConditionEvent.violated(view,
                                    view.getName() + " carries " + rules + " access annotations"));
                        }
                    }
                })
                .check(agora);
    }

    private static String[] packages(String... features) {
        return Stream.of(features).map(f -> BASE + "." + f + "..").toArray(String[]::new);
    }

    private static String[] others(String feature) {
        return FEATURES.stream().filter(f -> !f.equals(feature)).map(f -> BASE + "." + f + "..")
                .toArray(String[]::new);
    }

    private static String[] concat(String[]... groups) {
        return Stream.of(groups).flatMap(Stream::of).toArray(String[]::new);
    }

}
