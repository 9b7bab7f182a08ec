package io.learnstream.ingest.lrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.XapiVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque value of a {@code more} link: the original query's parameters, its xAPI version and the position
 * the next page starts after, sealed with an HMAC-SHA256 under a server key and bound to the tenant. A cursor
 * that was altered, garbled, cut short, issued under another key or to another tenant is refused with a
 * {@link StatementQueryException} on {@code more}.
 *
 * <p>Format: {@code base64url(payload) "." base64url(first 16 bytes of HMAC(key, "more/1" | tenant | payload))},
 * the payload being compact JSON. It carries nothing the caller did not send or receive (query parameters and a
 * statement's stored time and id), so it needs integrity, not secrecy.
 *
 * <p>Cursors stay valid as long as the key does: every LRS instance serving a district must share it, and a new
 * key (e.g. {@link #withRandomKey()} at each start) ends the links handed out before.
 */
public final class MoreCursor {
    /** What a decoded cursor continues: the same query, after the given position. */
    public record Continuation(StatementQuery query, PagePosition after) {}

    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final int MIN_KEY_BYTES = 16;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /** A codec sealing cursors with {@code key} (at least 16 bytes; keep it secret and shared by all instances). */
    public MoreCursor(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a cursor key needs at least " + MIN_KEY_BYTES + " bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), MAC_ALGORITHM);
    }

    /** A codec with a fresh random key: its cursors end with the process. */
    public static MoreCursor withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new MoreCursor(key);
    }

    /** The cursor of the page of {@code query} that follows {@code after}, for {@code tenantId}. */
    public String encode(String tenantId, StatementQuery query, PagePosition after) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("v", query.version().header());
        ObjectNode parameters = payload.putObject("q");
        query.parameters().forEach(parameters::put);
        payload.put("s", after.stored().toString());
        payload.put("i", after.statementId());
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        return BASE64.encodeToString(bytes) + "." + BASE64.encodeToString(mac(tenantId, bytes));
    }

    /**
     * The query and position a cursor stands for.
     *
     * @throws StatementQueryException on {@code more} when the cursor is not one this codec issued to {@code tenantId}
     */
    public Continuation decode(String tenantId, String cursor) {
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) throw refused("it is not of the form this LRS issues");
        byte[] payload;
        byte[] seal;
        try {
            payload = UNBASE64.decode(cursor.substring(0, dot));
            seal = UNBASE64.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw refused("it is not base64url text");
        }
        if (!MessageDigest.isEqual(seal, mac(tenantId, payload))) {
            throw refused("its seal does not match: it was altered, cut short, or issued to another district or by another server key");
        }
        try {
            JsonNode json = JSON.readTree(payload);
            XapiVersion version = XapiVersion.negotiate(json.path("v").asText()).orElseThrow(() -> refused("it names no xAPI version"));
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            json.path("q").properties().forEach(entry -> parameters.put(entry.getKey(), List.of(entry.getValue().asText())));
            StatementQuery query = StatementQuery.parse(parameters, version);
            PagePosition after = new PagePosition(Instant.parse(json.path("s").asText()), json.path("i").asText());
            return new Continuation(query, after);
        } catch (IOException | RuntimeException e) {
            if (e instanceof StatementQueryException refused && refused.parameter().equals("more")) throw refused;
            throw refused("its content cannot be read (" + e.getMessage() + ")");
        }
    }

    private byte[] mac(String tenantId, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(key);
            mac.update("more/1".getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(tenantId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC_ALGORITHM + " is not available in this JVM", e);
        }
    }

    private static StatementQueryException refused(String why) {
        return new StatementQueryException("more", "is not a cursor this LRS issued for this district: " + why
                + "; start the query again without more");
    }
}
