package io.learnstream.streams.delivery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the delivery topology schedules alerts.
 *
 * @param dashboardBaseUrl where the dashboard is served: a student's page is {@code <it>/classes/<classId>/students/<studentKey>}
 * @param releaseEvery how often (wall clock) pending alerts are checked and what is due goes out: the latency of
 *     an immediate alert
 * @param defaultZone the time zone of a district no {@code teachers zone} names
 * @param clock the wall clock digests and quiet hours are told by (a test's own clock)
 */
public record DeliveryOptions(URI dashboardBaseUrl, Duration releaseEvery, ZoneId defaultZone, Clock clock) {
    public DeliveryOptions {
        Objects.requireNonNull(dashboardBaseUrl, "dashboardBaseUrl");
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(clock, "clock");
        if (!dashboardBaseUrl.isAbsolute()) {
            throw new IllegalArgumentException("dashboard base URL must be absolute (http://host:port), was '" + dashboardBaseUrl + "'");
        }
        if (releaseEvery.isNegative() || releaseEvery.isZero()) {
            throw new IllegalArgumentException("releaseEvery must be positive, got " + releaseEvery);
        }
    }

    /** The dashboard on localhost:8090, checked every 10 seconds, UTC where no zone is set, the system clock. */
    public static DeliveryOptions defaults() {
        return new DeliveryOptions(URI.create("http://localhost:8090"), Duration.ofSeconds(10), ZoneId.of("UTC"), Clock.systemUTC());
    }

    public DeliveryOptions withDashboardBaseUrl(URI url) {
        return new DeliveryOptions(url, releaseEvery, defaultZone, clock);
    }

    public DeliveryOptions withReleaseEvery(Duration every) {
        return new DeliveryOptions(dashboardBaseUrl, every, defaultZone, clock);
    }

    public DeliveryOptions withDefaultZone(ZoneId zone) {
        return new DeliveryOptions(dashboardBaseUrl, releaseEvery, zone, clock);
    }

    public DeliveryOptions withClock(Clock wallClock) {
        return new DeliveryOptions(dashboardBaseUrl, releaseEvery, defaultZone, wallClock);
    }

    /** The dashboard page of a student of a class. */
    public String studentLink(String classId, String studentKey) {
        String base = dashboardBaseUrl.toString();
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return base + "/classes/" + segment(classId) + "/students/" + segment(studentKey);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
