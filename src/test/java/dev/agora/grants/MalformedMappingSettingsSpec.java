package dev.agora.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** AGORA_PG_USER_ROLES and AGORA_LF_USER_PRINCIPALS are read strictly: a bad entry is named, never dropped. */
class MalformedMappingSettingsSpec {

    @Nested
    class A_well_formed_setting {

        @Test
        void maps_each_person_to_the_name_given() {
            assertThat(PrincipalMapping.parse("AGORA_PG_USER_ROLES", " marco=marco_login , olivia=olivia "))
                    .isEqualTo(Map.of("marco", "marco_login", "olivia", "olivia"));
        }

        @Test
        void keeps_everything_after_the_first_equals_sign_out_of_the_person() {
            assertThat(PrincipalMapping.parse("AGORA_LF_USER_PRINCIPALS",
                    "marco=arn:aws:iam::123456789012:user/marco"))
                    .isEqualTo(Map.of("marco", "arn:aws:iam::123456789012:user/marco"));
        }

        @Test
        void may_be_empty() {
            assertThat(PrincipalMapping.parse("AGORA_PG_USER_ROLES", "")).isEmpty();
            assertThat(PrincipalMapping.parse("AGORA_PG_USER_ROLES", null)).isEmpty();
        }
    }

    @Nested
    class A_malformed_setting_is_refused_in_one_line_naming_the_setting_and_the_entry {

        @Test
        void an_entry_without_equals_sign() {
            assertThatThrownBy(() -> PrincipalMapping.parse("AGORA_PG_USER_ROLES", "marco=marco_login,olivia"))
                    .isInstanceOf(PrincipalMapping.Malformed.class)
                    .hasMessage("AGORA_PG_USER_ROLES has a malformed entry \"olivia\" (expected person=name, e.g. "
                            + "marco=marco_login)");
        }

        @Test
        void an_entry_with_nothing_on_one_side() {
            assertThatThrownBy(() -> PrincipalMapping.parse("AGORA_LF_USER_PRINCIPALS", "=arn:aws:iam::1:user/x"))
                    .hasMessageStartingWith("AGORA_LF_USER_PRINCIPALS has a malformed entry \"=arn:aws:iam::1:user/x\"");
            assertThatThrownBy(() -> PrincipalMapping.parse("AGORA_PG_USER_ROLES", "marco= "))
                    .hasMessageStartingWith("AGORA_PG_USER_ROLES has a malformed entry \"marco=\"");
        }

        @Test
        void a_person_with_a_space_or_a_role_with_a_second_equals_sign() {
            assertThatThrownBy(() -> PrincipalMapping.parse("AGORA_PG_USER_ROLES", "mar co=marco"))
                    .hasMessageContaining("\"mar co=marco\"");
            assertThatThrownBy(() -> PrincipalMapping.parse("AGORA_PG_USER_ROLES", "marco=a=b"))
                    .hasMessageContaining("\"marco=a=b\"");
        }

        @Test
        void an_empty_entry_between_commas() {
            assertThatThrownBy(() -> PrincipalMapping.parse("AGORA_PG_USER_ROLES", "marco=m,,olivia=o"))
                    .hasMessageStartingWith("AGORA_PG_USER_ROLES has an empty entry");
        }

        @Test
        void a_person_mapped_twice() {
            assertThatThrownBy(() -> PrincipalMapping.parse("AGORA_PG_USER_ROLES", "marco=m1,marco=m2"))
                    .hasMessage("AGORA_PG_USER_ROLES maps marco twice (entry \"marco=m2\")");
        }

        @Test
        void and_the_message_is_a_single_line() {
            assertThatThrownBy(() -> PrincipalMapping.parse("AGORA_PG_USER_ROLES", "olivia"))
                    .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain("\n"));
        }
    }

    @Nested
    class At_start {

        @Test
        void a_malformed_setting_refuses_the_start_with_one_line() {
            GrantEngineProducer producer = new GrantEngineProducer();

            assertThatThrownBy(() -> producer.check(null, new TestGrantsConfig("marco=m", "off", "olivia")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("Agora refuses to start: AGORA_LF_USER_PRINCIPALS has a malformed entry \"olivia\" "
                            + "(expected person=name, e.g. marco=marco_login)");
        }

        @Test
        void an_unknown_lake_formation_switch_refuses_the_start() {
            assertThatThrownBy(() -> new GrantEngineProducer().check(null, new TestGrantsConfig("", "on", "")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("Agora refuses to start: AGORA_LAKEFORMATION is \"on\"; use aws or off");
        }

        @Test
        void well_formed_settings_pass() {
            new GrantEngineProducer().check(null, new TestGrantsConfig("marco=marco_login", "aws",
                    "marco=arn:aws:iam::123456789012:user/marco"));
        }
    }
}
