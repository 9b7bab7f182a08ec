package io.learnstream.app.dashboard;

import java.net.URI;
import io.learnstream.app.dashboard.oidc.OidcDistrict;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The teacher dashboard's settings.
 *
 * @param host the interface it listens on
 * @param port its port (0 = any free port)
 * @param publicUrl the address teachers reach it at (alerts link to its student pages there); default
 *     {@code http://<host>:<port>} of the port it got. An {@code https} address makes the session cookie Secure.
 * @param sessionIdle how long a session lasts without a request
 * @param oidc the districts whose staff sign in with their district's OpenID Connect provider (at most one per district)
 */
public record DashboardConfig(String host, int port, Optional<URI> publicUrl, Duration sessionIdle, List<OidcDistrict> oidc) {
    /** The port {@code serve} and {@code demo} give it unless told otherwise. */
    public static final int DEFAULT_PORT = 8090;

    public DashboardConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(oidc, "oidc");
        if (host.isBlank()) throw new IllegalArgumentException("dashboard host must not be blank");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("dashboard port must be 0..65535, got " + port);
        if (sessionIdle.isNegative() || sessionIdle.isZero()) throw new IllegalArgumentException("sessionIdle must be positive, got " + sessionIdle);
        publicUrl.ifPresent(url -> {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("dashboard public URL must be an http(s) address, got " + url);
            }
        });
        Set<String> districts = new HashSet<>();
        for (OidcDistrict district : oidc) {
            if (!districts.add(district.tenantId())) {
                throw new IllegalArgumentException("district '" + district.tenantId() + "' has more than one OIDC provider");
            }
        }
        oidc = List.copyOf(oidc);
        publicUrl = publicUrl.map(url -> URI.create(url.toString().replaceAll("/+$", "")));
    }

    /** On 127.0.0.1, any free port, sessions of 8 idle hours, no OpenID Connect districts. */
    public static DashboardConfig defaults() {
        return new DashboardConfig("127.0.0.1", 0, Optional.empty(), Duration.ofHours(8), List.of());
    }

    public DashboardConfig withPort(int otherPort) {
        return new DashboardConfig(host, otherPort, publicUrl, sessionIdle, oidc);
    }

    public DashboardConfig withHost(String otherHost) {
        return new DashboardConfig(otherHost, port, publicUrl, sessionIdle, oidc);
    }

    public DashboardConfig withPublicUrl(URI url) {
        return new DashboardConfig(host, port, Optional.of(url), sessionIdle, oidc);
    }

    /** With these districts' OpenID Connect sign-in (as {@link io.learnstream.app.dashboard.oidc.OidcConfigFile} reads them). */
    public DashboardConfig withOidc(List<OidcDistrict> districts) {
        return new DashboardConfig(host, port, publicUrl, sessionIdle, districts);
    }

    /** The OpenID Connect settings of {@code tenantId}, if its staff sign in that way. */
    public Optional<OidcDistrict> oidcOf(String tenantId) {
        return oidc.stream().filter(d -> d.tenantId().equals(tenantId)).findFirst();
    }
}
