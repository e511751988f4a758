package dev.agora.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.platform.Refusal;
import org.junit.jupiter.api.Test;

/** Product versions are semantic versions, ordered as semver orders them. */
class SemanticVersionSpec {

    private static SemanticVersion v(String text) {
        return SemanticVersion.parse("version", text);
    }

    @Test
    void numbers_compare_as_numbers_not_text() {
        assertThat(v("1.10.0")).isGreaterThan(v("1.9.0"));
        assertThat(v("2.0.0")).isGreaterThan(v("1.99.99"));
    }

    @Test
    void a_release_ranks_above_its_pre_releases() {
        assertThat(v("1.0.0")).isGreaterThan(v("1.0.0-rc.1"));
        assertThat(v("1.0.0-rc.2")).isGreaterThan(v("1.0.0-rc.1"));
        assertThat(v("1.0.0-rc.10")).isGreaterThan(v("1.0.0-rc.9"));
        assertThat(v("1.0.0-beta")).isLessThan(v("1.0.0-rc"));
    }

    @Test
    void other_forms_are_refused_with_an_example() {
        assertThatThrownBy(() -> v("1.0")).isInstanceOf(Refusal.class).hasMessageContaining("such as 1.0.0");
        assertThatThrownBy(() -> v("01.0.0")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> v("v1.0.0")).isInstanceOf(Refusal.class);
    }

    @Test
    void numeric_pre_release_identifiers_beyond_a_long_compare_as_numbers() {
        assertThat(v("1.0.0-99999999999999999999")).isGreaterThan(v("1.0.0-99999999999999999998"));
        assertThat(v("1.0.0-100000000000000000000")).isGreaterThan(v("1.0.0-99999999999999999999"));
    }

    @Test
    void an_over_long_version_is_refused_before_it_is_parsed() {
        assertThatThrownBy(() -> v("1.0.0-" + "a".repeat(SemanticVersion.MAX_LENGTH)))
                .isInstanceOf(dev.agora.platform.Refusal.class)
                .hasMessageContaining("at most " + SemanticVersion.MAX_LENGTH);
    }
}
