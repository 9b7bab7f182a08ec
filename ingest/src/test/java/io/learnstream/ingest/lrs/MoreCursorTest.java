package io.learnstream.ingest.lrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.ingest.xapi.XapiVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoreCursorTest {
    private static final byte[] KEY = "a server key of 32 bytes for me!".getBytes(StandardCharsets.UTF_8);
    private static final PagePosition AFTER = new PagePosition(Instant.parse("2026-09-01T08:00:01.234Z"), "3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77");

    private final MoreCursor cursors = new MoreCursor(KEY);
    private final StatementQuery query = StatementQuery.parse(StatementQueryTest.lists(Map.of(
            "agent", "{\"mbox\":\"mailto:ann@example.org\"}", "related_agents", "true", "limit", "2",
            "since", "2026-09-01T00:00:00Z", "format", "ids", "ascending", "true")), XapiVersion.V2_0_0);

    @Test
    void aCursorBringsBackTheSameQueryAndPosition() {
        String cursor = cursors.encode("district-7", query, AFTER);

        MoreCursor.Continuation continuation = cursors.decode("district-7", cursor);

        assertThat(continuation.query()).isEqualTo(query);
        assertThat(continuation.after()).isEqualTo(AFTER);
        assertThat(new MoreCursor(KEY).decode("district-7", cursor).query()).isEqualTo(query);
    }

    @Test
    void aCursorIsUrlSafeText() {
        assertThat(cursors.encode("district-7", query, AFTER)).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void aCursorOfAnotherDistrictIsRefused() {
        String cursor = cursors.encode("district-7", query, AFTER);

        assertRefused(() -> cursors.decode("district-8", cursor), "seal does not match");
    }

    @Test
    void aCursorOfAnotherKeyIsRefused() {
        String cursor = MoreCursor.withRandomKey().encode("district-7", query, AFTER);

        assertRefused(() -> cursors.decode("district-7", cursor), "seal does not match");
    }

    @Test
    void anAlteredQueryOrPositionIsRefused() {
        String cursor = cursors.encode("district-7", query, AFTER);
        int dot = cursor.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
        String widened = payload.replace("\"limit\":\"2\"", "\"limit\":\"500\"");
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(widened.getBytes(StandardCharsets.UTF_8))
                + cursor.substring(dot);

        assertThat(widened).isNotEqualTo(payload);
        assertRefused(() -> cursors.decode("district-7", altered), "seal does not match");
    }

    @Test
    void aFlippedCharacterIsRefused() {
        String cursor = cursors.encode("district-7", query, AFTER);
        char[] chars = cursor.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';

        assertRefused(() -> cursors.decode("district-7", new String(chars)), "is not a cursor this LRS issued");
    }

    @Test
    void garbledOrTruncatedCursorsAreRefused() {
        String cursor = cursors.encode("district-7", query, AFTER);

        assertRefused(() -> cursors.decode("district-7", "garbage"), "not of the form");
        assertRefused(() -> cursors.decode("district-7", cursor.substring(0, cursor.length() - 3)), "seal does not match");
        assertRefused(() -> cursors.decode("district-7", "a.b.c"), "not of the form");
        assertRefused(() -> cursors.decode("district-7", "!!!.???"), "not base64url");
        assertRefused(() -> cursors.decode("district-7", ""), "not of the form");
    }

    @Test
    void aSealedButUnreadablePayloadIsRefused() {
        String cursor = sealedPayload("{\"v\":\"1.0.3\",\"q\":{\"limit\":\"x\"},\"s\":\"2026-09-01T00:00:00Z\",\"i\":\"a\"}");

        assertRefused(() -> cursors.decode("district-7", cursor), "content cannot be read");
    }

    @Test
    void aKeyMustBeLongEnough() {
        assertThatThrownBy(() -> new MoreCursor(new byte[8])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
    }

    /** A payload sealed with the right key, as only the server could make it. */
    private String sealedPayload(String payload) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
            mac.update("more/1".getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update("district-7".getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] seal = java.util.Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), 16);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(seal);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable decode, String why) {
        assertThatThrownBy(decode).isInstanceOfSatisfying(StatementQueryException.class, e -> {
            assertThat(e.parameter()).isEqualTo("more");
            assertThat(e.rule()).contains(why);
        });
    }
}
