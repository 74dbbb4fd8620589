package dev.livecheck.portal.notifications;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where notifications may go. An endpoint must be an absolute https URL without user info; hosts on loopback,
 * private, link-local, multicast or unspecified addresses are refused (a notification must not become a request
 * into the operator's own network), both as written ({@link #problem}, when a session asks for it) and as resolved
 * right before each delivery ({@link #resolveAllowed}). {@code livecheck.notifications.allow-private-networks=true}
 * lifts both rules and also admits http (for a receiver on the same machine or network; off by default).
 */
@Component
public class NotificationEndpointPolicy {

    public static final int MAX_LENGTH = 2000;

    private final boolean allowPrivateNetworks;

    public NotificationEndpointPolicy(
            @Value("${livecheck.notifications.allow-private-networks:false}") boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** @return why this endpoint is refused, or empty if it may be stored (DNS is not consulted here) */
    public Optional<String> problem(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (endpoint.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivateNetworks && scheme.equals("http"))) {
            return Optional.of("must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must be an https URL with a host, without user info or fragment");
        }
        if (!allowPrivateNetworks && literalAddress(uri.getHost()).filter(this::isPrivate).isPresent()) {
            return Optional.of("must not point to a private, loopback or link-local address");
        }
        if (!allowPrivateNetworks && isLocalName(uri.getHost())) {
            return Optional.of("must not point to a private, loopback or link-local address");
        }
        return Optional.empty();
    }

    /**
     * Resolves the endpoint's host right before a delivery and returns its first address, or empty with the reason in
     * {@code why} when any of its addresses is refused. {@link WebhookClient} then connects by name through
     * {@code java.net.http}, whose lookup the JVM's address cache ({@code networkaddress.cache.ttl}, 30 s by default)
     * normally answers with these same addresses; an answer that changes exactly between the two lookups is the
     * residual DNS-rebinding risk documented in docs/operations.md.
     */
    public Optional<InetAddress> resolveAllowed(URI endpoint, StringBuilder why) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(endpoint.getHost());
        for (InetAddress address : addresses) {
            if (!allowPrivateNetworks && isPrivate(address)) {
                why.append(endpoint.getHost()).append(" resolves to ").append(address.getHostAddress())
                        .append(", a private, loopback or link-local address");
                return Optional.empty();
            }
        }
        return Optional.of(addresses[0]);
    }

    private boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        // IPv6 unique local addresses (fc00::/7) and IPv4 carrier-grade NAT (100.64.0.0/10) are private too.
        return (raw.length == 16 && (raw[0] & 0xfe) == 0xfc)
                || (raw.length == 4 && (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64);
    }

    /** An IP literal in the URL, parsed without any DNS lookup; empty for names. */
    private static Optional<InetAddress> literalAddress(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isLocalName(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.endsWith(".localhost") || lower.endsWith(".local")
                || lower.endsWith(".internal");
    }
}
