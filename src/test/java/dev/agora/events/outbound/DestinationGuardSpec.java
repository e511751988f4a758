package dev.agora.events.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outside the embedded default Agora refuses to send to internal addresses, whatever name a URL uses for them, so a
 * team member cannot point a webhook at the cloud's metadata service, an internal port or Agora itself.
 */
class DestinationGuardSpec {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "metadata.evil.example", "169.254.169.254",
            "inside.evil.example", "10.1.2.3",
            "mapped.evil.example", "::ffff:127.0.0.1",
            "ula.evil.example", "fd00::1");

    private final DestinationGuard production = new DestinationGuard(false, false, host -> {
        String address = DNS.get(host);
        if (address == null) {
            // literal addresses resolve to themselves without a lookup
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    });

    @Test
    void a_public_https_url_is_accepted() {
        assertThat(production.problem("https://hooks.example.com/agora?x=1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://localhost.:8080/x", "https://169.254.169.254/latest",
            "https://metadata.evil.example/", "https://inside.evil.example/", "https://192.168.1.10/",
            "https://172.16.0.1/", "https://100.64.0.1/", "https://0.0.0.0/", "https://[::1]/",
            "https://[fe80::1]/", "https://mapped.evil.example/", "https://ula.evil.example/", "https://[::ffff:10.0.0.1]/"})
    void an_internal_destination_is_refused(String url) {
        assertThat(production.problem(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ftp://hooks.example.com/", "hooks.example.com/x", "https:///nohost",
            "https://user:secret@hooks.example.com/", "https://hooks.example.com/#frag", "http://hooks.example.com/",
            "https://unknown.example/"})
    void a_malformed_insecure_or_unresolvable_url_is_refused(String url) {
        assertThat(production.problem(url)).isPresent();
    }

    @Test
    void the_embedded_default_may_send_to_this_machine() {
        DestinationGuard demo = new DestinationGuard(true, true, InetAddress::getAllByName);
        assertThat(demo.problem("http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(demo.problem("https://user:pw@127.0.0.1/")).isPresent();
    }
}
