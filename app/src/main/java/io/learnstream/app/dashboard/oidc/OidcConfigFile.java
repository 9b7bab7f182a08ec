package io.learnstream.app.dashboard.oidc;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dashboard's OpenID Connect districts from a properties file, a block of {@code <district>.<key>} lines per
 * district:
 *
 * <pre>
 * riverside.issuer = https://login.riverside.k12.example/realms/staff
 * riverside.client-id = learnstream-dashboard
 * riverside.client-secret = ...
 * # optional: riverside.label, riverside.claim (email), riverside.roster-field (email|username|identifier),
 * #           riverside.scopes (openid email profile)
 * </pre>
 *
 * Read once, at start; a wrong line is named with the file and why. The file holds client secrets: keep it readable
 * by the service only.
 */
public final class OidcConfigFile {
    static final Set<String> KEYS = Set.of("issuer", "client-id", "client-secret", "label", "claim", "roster-field", "scopes");

    private OidcConfigFile() {}

    /** @throws IllegalArgumentException naming the file, the key and why, for a file that is unreadable or wrong */
    public static List<OidcDistrict> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("OIDC settings " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The districts of the properties text, by district id. */
    public static List<OidcDistrict> parse(String text, String source) {
        return parse(new StringReader(text), source);
    }

    private static List<OidcDistrict> parse(Reader reader, String source) {
        Properties properties = new Properties();
        try {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        Map<String, Map<String, String>> byDistrict = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            int dot = key.indexOf('.');
            String setting = dot < 0 ? "" : key.substring(dot + 1);
            if (dot <= 0 || !KEYS.contains(setting)) {
                throw new IllegalArgumentException(source + ": '" + key + "' is not <district>.<key> with a key of "
                        + KEYS.stream().sorted().toList());
            }
            byDistrict.computeIfAbsent(key.substring(0, dot), d -> new TreeMap<>()).put(setting, properties.getProperty(key).strip());
        }
        if (byDistrict.isEmpty()) throw new IllegalArgumentException(source + ": names no district (<district>.issuer = ...)");
        List<OidcDistrict> districts = new ArrayList<>();
        byDistrict.forEach((district, settings) -> {
            try {
                districts.add(district(district, settings));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        });
        return List.copyOf(districts);
    }

    private static OidcDistrict district(String district, Map<String, String> settings) {
        String issuer = settings.get("issuer");
        if (issuer == null || issuer.isBlank()) throw new IllegalArgumentException("district '" + district + "': " + district + ".issuer is missing");
        URI issuerUri;
        try {
            issuerUri = new URI(issuer);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("district '" + district + "': issuer '" + issuer + "' is not a URL: " + e.getReason(), e);
        }
        List<String> scopes = settings.containsKey("scopes")
                ? Arrays.stream(settings.get("scopes").split("[\\s,]+")).filter(s -> !s.isEmpty()).distinct().toList()
                : OidcDistrict.DEFAULT_SCOPES;
        OidcDistrict.RosterField field = settings.containsKey("roster-field")
                ? OidcDistrict.RosterField.of(settings.get("roster-field")) : OidcDistrict.RosterField.EMAIL;
        return new OidcDistrict(district, settings.get("label"), issuerUri, settings.get("client-id"), settings.get("client-secret"),
                settings.getOrDefault("claim", OidcDistrict.DEFAULT_CLAIM), field, scopes);
    }
}
