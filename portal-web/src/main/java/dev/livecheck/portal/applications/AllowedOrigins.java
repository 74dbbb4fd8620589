package dev.livecheck.portal.applications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The origins an application lets embed the capture page in an iframe, as typed into the form (one per line). Each
 * becomes a {@code frame-ancestors} source of that page's CSP, so only a bare origin passes:
 * {@code scheme://host[:port]} without user, path, query or fragment, https except for {@code http://localhost} and
 * {@code http://127.0.0.1} (a developer's machine). Accepted lines are normalised (lower case, no default port, no
 * trailing slash) and duplicates dropped, so the stored list is exactly what browsers compare against.
 */
final class AllowedOrigins {

    static final int MAX_ORIGINS = 20;
    /** How much of a refused line the error message repeats. */
    private static final int MAX_QUOTED_LENGTH = 80;
    /** DNS names (letters, digits, inner hyphens) or a bracketed IPv6 literal: nothing that could break a CSP. */
    private static final Pattern HOST = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*|\\[[0-9a-f:.]+]");
    private static final Set<String> PLAIN_HTTP_HOSTS = Set.of("localhost", "127.0.0.1");

    /** A refused line and why, as a message code with the line as its argument. */
    record Problem(String code, Object[] args) {
    }

    /** The normalised origins in the order typed, and the problems; the origins count only if there are none. */
    record Parsed(List<String> origins, List<Problem> problems) {
    }

    private AllowedOrigins() {
    }

    static Parsed parse(String text) {
        Set<String> origins = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (String raw : (text == null ? "" : text).split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String refusal = refusal(line);
            if (refusal == null) {
                origins.add(normalise(URI.create(line)));
            } else {
                problems.add(new Problem(refusal, new Object[] {quoted(line)}));
            }
        }
        if (origins.size() > MAX_ORIGINS) {
            problems.add(new Problem("application.origins.tooMany", new Object[] {MAX_ORIGINS, origins.size()}));
        }
        return new Parsed(List.copyOf(origins), List.copyOf(problems));
    }

    /** @return the message code saying why {@code line} is no allowed origin, or null if it is one */
    private static @Nullable String refusal(String line) {
        URI uri;
        try {
            uri = new URI(line);
        } catch (URISyntaxException e) {
            return "application.origins.invalid";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.isOpaque() || uri.getRawUserInfo() != null
                || !HOST.matcher(host).matches() || uri.getPort() == 0 || uri.getPort() > 65535) {
            return "application.origins.invalid";
        }
        String path = uri.getRawPath();
        if (!(path == null || path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return "application.origins.hasPath";
        }
        if (scheme.equals("http") && !PLAIN_HTTP_HOSTS.contains(host)) {
            return "application.origins.notHttps";
        }
        return null;
    }

    /** The origin as a browser serialises it: lower case, default port left out, no trailing slash. */
    private static String normalise(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("https") && port == 443
                || scheme.equals("http") && port == 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static String quoted(String line) {
        return line.length() > MAX_QUOTED_LENGTH ? line.substring(0, MAX_QUOTED_LENGTH) + "…" : line;
    }
}
