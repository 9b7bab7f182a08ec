package io.learnstream.app.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The teacher dashboard's settings.
 *
 * @param host the interface it listens on
 * @param port its port (0 = any free port)
 * @param publicUrl the address teachers reach it at (alerts link to its student pages there); default
 *     {@code http://<host>:<port>} of the port it got. An {@code https} address makes the session cookie Secure.
 * @param sessionIdle how long a session lasts without a request
 */
public record DashboardConfig(String host, int port, Optional<URI> publicUrl, Duration sessionIdle) {
    /** The port {@code serve} and {@code demo} give it unless told otherwise. */
    public static final int DEFAULT_PORT = 8090;

    public DashboardConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        if (host.isBlank()) throw new IllegalArgumentException("dashboard host must not be blank");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("dashboard port must be 0..65535, got " + port);
        if (sessionIdle.isNegative() || sessionIdle.isZero()) throw new IllegalArgumentException("sessionIdle must be positive, got " + sessionIdle);
        publicUrl.ifPresent(url -> {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("dashboard public URL must be an http(s) address, got " + url);
            }
        });
        publicUrl = publicUrl.map(url -> URI.create(url.toString().replaceAll("/+$", "")));
    }

    /** On 127.0.0.1, any free port, sessions of 8 idle hours. */
    public static DashboardConfig defaults() {
        return new DashboardConfig("127.0.0.1", 0, Optional.empty(), Duration.ofHours(8));
    }

    public DashboardConfig withPort(int otherPort) {
        return new DashboardConfig(host, otherPort, publicUrl, sessionIdle);
    }

    public DashboardConfig withHost(String otherHost) {
        return new DashboardConfig(otherHost, port, publicUrl, sessionIdle);
    }

    public DashboardConfig withPublicUrl(URI url) {
        return new DashboardConfig(host, port, Optional.of(url), sessionIdle);
    }
}
