package dev.agora.events.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How webhook deliveries and Slack / Teams messages leave Agora ({@code agora.outbound.*}, AGORA_OUTBOUND_*). */
@ConfigMapping(prefix = "agora.outbound")
public interface OutboundSettings {

    /**
     * Whether messages may go to addresses inside the network: loopback, link-local (cloud metadata at
     * 169.254.169.254), private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT and the like
     * ({@code AGORA_OUTBOUND_ALLOW_PRIVATE_DESTINATIONS}). Off outside the embedded default, so that a webhook cannot
     * be pointed at the cloud's metadata service or an internal admin port; on in demo mode, where everything runs
     * on one machine.
     */
    @WithName("allow-private-destinations")
    @WithDefault("${agora.demo.enabled:false}")
    boolean allowPrivateDestinations();

    /** Whether plain http:// URLs are accepted ({@code AGORA_OUTBOUND_ALLOW_HTTP}); https only unless on or in demo mode. */
    @WithName("allow-http")
    @WithDefault("${agora.demo.enabled:false}")
    boolean allowHttp();

    /** How long one delivery may take, connecting and answering; longer is a failure ({@code AGORA_OUTBOUND_TIMEOUT}). */
    @WithDefault("PT10S")
    Duration timeout();

    /** Deliveries in flight at once on this instance ({@code AGORA_OUTBOUND_CONCURRENCY}, 1–64). */
    @WithDefault("8")
    int concurrency();

    /** The first pause after a failed delivery; it doubles each time, with full jitter ({@code AGORA_OUTBOUND_BACKOFF}). */
    @WithDefault("PT5S")
    Duration backoff();

    /** The longest pause between two attempts ({@code AGORA_OUTBOUND_BACKOFF_CAP}). */
    @WithName("backoff-cap")
    @WithDefault("PT30M")
    Duration backoffCap();

    /** Failed attempts after which a message is parked as failed ({@code AGORA_OUTBOUND_MAX_ATTEMPTS}). */
    @WithName("max-attempts")
    @WithDefault("8")
    int maxAttempts();

    /** How long a dispatcher holds a message it is sending before another may take it over. */
    @WithDefault("PT2M")
    Duration lease();

    /** How long delivered and failed messages are kept as history ({@code AGORA_OUTBOUND_RETENTION}). */
    @WithDefault("P30D")
    Duration retention();
}
