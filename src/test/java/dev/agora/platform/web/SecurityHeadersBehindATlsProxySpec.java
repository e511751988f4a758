package dev.agora.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Behind a proxy that terminates TLS, browsers are told to keep to HTTPS and cookies never travel in clear. */
class SecurityHeadersBehindATlsProxySpec {

    private static MultiMap answer(boolean behindTlsProxy, boolean browser, String... cookies) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String cookie : cookies) {
            headers.add("Set-Cookie", cookie);
        }
        headers.add("WWW-Authenticate", ProblemResponses.BASIC_CHALLENGE);
        new SecurityHeaders(() -> behindTlsProxy).addTo(browser, headers);
        return headers;
    }

    @Nested
    class Behind_a_tls_proxy {

        @Test
        void answers_carry_hsts() {
            assertThat(answer(true, true).get("Strict-Transport-Security")).contains("max-age=31536000");
        }

        @Test
        void every_cookie_is_secure_once() {
            assertThat(answer(true, true, "agora-session=abc; Path=/; HttpOnly", "JSESSIONID=x; Path=/; Secure")
                    .getAll("Set-Cookie"))
                    .containsExactlyInAnyOrder("agora-session=abc; Path=/; HttpOnly; Secure", "JSESSIONID=x; Path=/; Secure");
        }
    }

    @Nested
    class Without_one {

        @Test
        void there_is_no_hsts_and_cookies_stay_as_they_are() {
            MultiMap headers = answer(false, true, "agora-session=abc; Path=/; HttpOnly");

            assertThat(headers.get("Strict-Transport-Security")).isNull();
            assertThat(headers.getAll("Set-Cookie")).containsExactly("agora-session=abc; Path=/; HttpOnly");
        }

        @Test
        void a_script_keeps_its_basic_challenge_and_a_browser_does_not_get_one() {
            assertThat(answer(false, false).get("WWW-Authenticate")).startsWith("Basic");
            assertThat(answer(false, true).get("WWW-Authenticate")).isNull();
        }
    }
}
