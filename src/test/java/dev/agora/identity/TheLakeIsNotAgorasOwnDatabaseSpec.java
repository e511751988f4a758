package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.support.Settings;
import dev.agora.platform.DemoSettings;
import dev.agora.platform.FreshTestDatabase;
import dev.agora.platform.LakeDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A real deployment (demo mode off) refuses a lake that is Agora's own database, however its URL is spelled, and
 * warns when Agora's database user is a superuser.
 */
@QuarkusTest
class TheLakeIsNotAgorasOwnDatabaseSpec {

    @Inject
    AgroalDataSource agoraDatabase;

    private static DemoSettings demo(boolean enabled) {
        return Settings.demo(enabled);
    }

    private LakeSeparationCheck realDeploymentWithLakeAt(String url) {
        return new LakeSeparationCheck(demo(false), new LakeDatabase(agoraDatabase, Optional.ofNullable(url),
                Optional.of("postgres"), Optional.empty()));
    }

    @Nested
    class A_real_deployment {

        @Test
        void refuses_to_start_without_a_lake_of_its_own_naming_the_setting_on_one_line() {
            assertThatThrownBy(() -> realDeploymentWithLakeAt(null).onStart(new StartupEvent()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("AGORA_LAKE_DB_URL")
                    .hasMessageNotContaining("\n");
        }

        @Test
        void refuses_a_lake_url_that_leads_to_agoras_own_database_by_another_name() {
            String sameDatabase = "jdbc:postgresql://127.0.0.1:5432/" + FreshTestDatabase.name();

            assertThat(realDeploymentWithLakeAt(sameDatabase).refusal()).hasValueSatisfying(
                    refusal -> assertThat(refusal).contains("Agora's own database"));
        }

        @Test
        void accepts_another_database() {
            assertThat(realDeploymentWithLakeAt("jdbc:postgresql://127.0.0.1:5432/postgres").refusal()).isEmpty();
        }

        @Test
        void warns_when_agoras_database_user_is_a_superuser() {
            // the test suite runs as postgres, a superuser
            assertThat(realDeploymentWithLakeAt(null).superuserWarning()).hasValueSatisfying(
                    warning -> assertThat(warning).contains("superuser"));
        }
    }

    @Test
    void the_demo_keeps_its_lake_in_agoras_database() {
        new LakeSeparationCheck(demo(true), new LakeDatabase(agoraDatabase, Optional.empty(), Optional.empty(),
                Optional.empty())).onStart(new StartupEvent());
    }
}
