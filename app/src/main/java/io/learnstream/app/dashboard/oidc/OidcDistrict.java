package io.learnstream.app.dashboard.oidc;

import io.learnstream.ingest.auth.TenantId;
import io.learnstream.schemas.avro.RosterUser;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One district's OpenID Connect sign-in to the dashboard: the district's provider (its issuer; the rest is discovered
 * from {@code <issuer>/.well-known/openid-configuration}), the dashboard's client registration there, and which claim
 * of the ID token names the user and which roster field it is matched to.
 *
 * @param tenantId the district
 * @param label what the sign-in page's button says after "Sign in with" (default: the district id)
 * @param issuer the provider's issuer URL, exactly as its ID tokens name it; https (http only on a loopback address)
 * @param clientId the dashboard's client id at the provider
 * @param clientSecret its client secret; never shown ({@link #toString()} masks it)
 * @param userClaim the ID token claim naming the user (default {@code email})
 * @param rosterField the roster user's field the claim's value is matched to (default {@code email})
 * @param scopes the scopes asked for; always with {@code openid} (default {@code openid email profile})
 */
public record OidcDistrict(String tenantId, String label, URI issuer, String clientId, String clientSecret, String userClaim,
        RosterField rosterField, List<String> scopes) {
    public static final String DEFAULT_CLAIM = "email";
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");

    public OidcDistrict {
        TenantId.requireValid(tenantId);
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(rosterField, "rosterField");
        Objects.requireNonNull(scopes, "scopes");
        label = label == null || label.isBlank() ? tenantId : label.strip();
        if (!issuer.isAbsolute() || issuer.getHost() == null || issuer.getQuery() != null || issuer.getFragment() != null
                || !("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme()) && isLoopback(issuer.getHost()))) {
            throw new IllegalArgumentException("district '" + tenantId + "': issuer '" + issuer
                    + "' must be an https URL without query or fragment (http only on localhost)");
        }
        if (clientId == null || clientId.isBlank()) throw new IllegalArgumentException("district '" + tenantId + "': client-id is missing");
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("district '" + tenantId + "': client-secret is missing");
        }
        if (userClaim == null || userClaim.isBlank()) throw new IllegalArgumentException("district '" + tenantId + "': claim must not be blank");
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("district '" + tenantId + "': scopes " + scopes + " must include openid");
        }
        clientId = clientId.strip();
        userClaim = userClaim.strip();
        scopes = List.copyOf(scopes);
    }

    /** With the defaults: the district id as label, the {@code email} claim matched to the roster's e-mail, scopes {@code openid email profile}. */
    public static OidcDistrict of(String tenantId, URI issuer, String clientId, String clientSecret) {
        return new OidcDistrict(tenantId, null, issuer, clientId, clientSecret, DEFAULT_CLAIM, RosterField.EMAIL, DEFAULT_SCOPES);
    }

    public OidcDistrict withUserClaim(String claim, RosterField field) {
        return new OidcDistrict(tenantId, label, issuer, clientId, clientSecret, claim, field, scopes);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    /** The secret masked: settings are logged and printed, the secret never. */
    @Override
    public String toString() {
        return "OidcDistrict[tenantId=" + tenantId + ", label=" + label + ", issuer=" + issuer + ", clientId=" + clientId
                + ", clientSecret=****, userClaim=" + userClaim + ", rosterField=" + rosterField.wireName() + ", scopes=" + scopes + "]";
    }

    /** The roster user's field an ID token's claim is matched to. E-mail addresses match whatever their case; the others exactly. */
    public enum RosterField {
        EMAIL("email", "e-mail"),
        USERNAME("username", "user name"),
        IDENTIFIER("identifier", "identifier");

        private final String wireName;
        private final String description;

        RosterField(String wireName, String description) {
            this.wireName = wireName;
            this.description = description;
        }

        public String wireName() {
            return wireName;
        }

        /** How a refusal names it: "no roster teacher with e-mail ...". */
        public String description() {
            return description;
        }

        /** Whether the roster user's field holds {@code value}. */
        public boolean matches(RosterUser user, String value) {
            Optional<String> field = Optional.ofNullable(switch (this) {
                case EMAIL -> user.getEmail();
                case USERNAME -> user.getUsername();
                case IDENTIFIER -> user.getIdentifier();
            }).map(String::strip);
            return field.filter(f -> this == EMAIL ? f.equalsIgnoreCase(value.strip()) : f.equals(value.strip())).isPresent();
        }

        /** @throws IllegalArgumentException naming the fields there are, for anything else */
        public static RosterField of(String wireName) {
            String wanted = wireName == null ? "" : wireName.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(f -> f.wireName.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("roster field '" + wireName + "' is unknown; it is one of "
                            + Arrays.stream(values()).map(RosterField::wireName).collect(Collectors.joining(", "))));
        }
    }
}
