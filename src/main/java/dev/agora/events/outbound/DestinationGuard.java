package dev.agora.events.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether Agora may POST to a URL a team gave it (webhooks, Slack, Teams). A hostile member could otherwise
 * make Agora call the cloud's metadata service (169.254.169.254), an internal admin port or Agora itself: outside
 * the embedded default, a URL whose host resolves to any loopback, link-local, private, carrier-grade NAT,
 * unspecified or multicast address is refused, unless {@code AGORA_OUTBOUND_ALLOW_PRIVATE_DESTINATIONS} allows it.
 * Checked when the URL is registered and again before every delivery (a DNS name may be re-pointed later).
 */
@ApplicationScoped
public class DestinationGuard {

    public static final int MAX_URL_LENGTH = 2000;

    private final boolean allowPrivate;
    private final boolean allowHttp;
    private final Resolver resolver;

    /** Looks up a host's addresses: the JDK's resolver in the product, a fixed table in specs. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    @jakarta.inject.Inject
    DestinationGuard(OutboundSettings settings) {
        this(settings.allowPrivateDestinations(), settings.allowHttp(), InetAddress::getAllByName);
    }

    public DestinationGuard(boolean allowPrivate, boolean allowHttp, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.allowHttp = allowHttp;
        this.resolver = resolver;
    }

    /** The URL, if well formed (absolute http(s), a host, no user info, no fragment), else why not. */
    public static Optional<String> formProblem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("may have at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException malformed) {
            return Optional.of("is not a URL: " + malformed.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a #fragment");
        }
        return Optional.empty();
    }

    /** Why Agora may not send to this URL now, or empty when it may. Resolves the host. */
    public Optional<String> problem(String url) {
        Optional<String> form = formProblem(url);
        if (form.isPresent()) {
            return form;
        }
        URI uri = URI.create(url.strip());
        if (!allowHttp && !"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("must be an https URL (AGORA_OUTBOUND_ALLOW_HTTP allows http)");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.addresses(host);
        } catch (UnknownHostException unknown) {
            return Optional.of("names a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("resolves to an internal address (" + address.getHostAddress()
                        + "); Agora does not send there unless AGORA_OUTBOUND_ALLOW_PRIVATE_DESTINATIONS=true");
            }
        }
        return Optional.empty();
    }

    /** Loopback, link-local, private, CGNAT, unspecified, multicast, or such an IPv4 address inside IPv6. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            boolean mappedOrCompatible = true;
            for (int i = 0; i < 10; i++) {
                mappedOrCompatible &= bytes[i] == 0;
            }
            boolean mapped = mappedOrCompatible && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
            boolean compatible = mappedOrCompatible && bytes[10] == 0 && bytes[11] == 0;
            if (mapped || compatible) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
            // NAT64 64:ff9b::/96 carries an IPv4 address too
            if (first == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }
}
