package dev.agora.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says at start, in one line, who can reach a demo: its accounts share a published password. */
@ApplicationScoped
public class DemoModeNotice {

    private static final Logger LOG = Logger.getLogger(DemoModeNotice.class);

    private final DemoSettings demo;
    private final String host;

    DemoModeNotice(DemoSettings demo, @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host) {
        this.demo = demo;
        this.host = host;
    }

    void onStart(@Observes StartupEvent start) {
        if (!demo.enabled()) {
            return;
        }
        LOG.info(line(host));
    }

    public static String line(String host) {
        boolean loopback = host.equals(ListenAddress.LOOPBACK) || host.equals("localhost") || host.equals("::1");
        return loopback
                ? "Demo mode: listening on " + host + " only, so only this machine can reach it "
                        + "(AGORA_LISTEN=0.0.0.0 opens it to the network)."
                : "Demo mode: listening on " + host + ", so anyone who can reach this machine can sign in with the "
                        + "published demo password (AGORA_LISTEN=127.0.0.1 keeps it local).";
    }
}
