package io.learnstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.ingest.auth.AuthenticationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {
    @Test
    void readsKeyAndSecretOfABasicHeader() throws Exception {
        assertThat(BasicCredentials.parse(basic("ls_key:s3cret"))).isEqualTo(new BasicCredentials("ls_key", "s3cret"));
    }

    @Test
    void matchesTheSchemeCaseInsensitivelyAndToleratesExtraSpaces() throws Exception {
        String token = Base64.getEncoder().encodeToString("k:s".getBytes(StandardCharsets.UTF_8));

        assertThat(BasicCredentials.parse("basic " + token)).isEqualTo(new BasicCredentials("k", "s"));
        assertThat(BasicCredentials.parse("  BASIC   " + token + " ")).isEqualTo(new BasicCredentials("k", "s"));
    }

    @Test
    void splitsAtTheFirstColonSoSecretsMayHoldColons() throws Exception {
        assertThat(BasicCredentials.parse(basic("k:a:b:"))).isEqualTo(new BasicCredentials("k", "a:b:"));
    }

    @Test
    void readsUtf8Credentials() throws Exception {
        assertThat(BasicCredentials.parse(basic("schlüssel:geheimnis€"))).isEqualTo(new BasicCredentials("schlüssel", "geheimnis€"));
    }

    @Test
    void refusesAMissingOrBlankHeader() {
        assertRefused(null, Reason.MISSING_HEADER);
        assertRefused("", Reason.MISSING_HEADER);
        assertRefused("   ", Reason.MISSING_HEADER);
    }

    @Test
    void refusesOtherSchemes() {
        assertRefused("Bearer abc.def.ghi", Reason.NOT_BASIC);
        assertRefused("Basically " + Base64.getEncoder().encodeToString("k:s".getBytes(StandardCharsets.UTF_8)), Reason.NOT_BASIC);
        assertRefused(Base64.getEncoder().encodeToString("k:s".getBytes(StandardCharsets.UTF_8)), Reason.NOT_BASIC);
    }

    @Test
    void refusesBasicWithoutBase64() {
        assertRefused("Basic", Reason.MALFORMED_BASE64);
        assertRefused("Basic    ", Reason.MALFORMED_BASE64);
        assertRefused("Basic not*base64!", Reason.MALFORMED_BASE64);
        assertRefused("Basic a", Reason.MALFORMED_BASE64);
    }

    @Test
    void refusesCredentialsWithoutAColonOrKey() {
        assertRefused(basic("no-colon-here"), Reason.MALFORMED_CREDENTIALS);
        assertRefused(basic(":secret-without-key"), Reason.MALFORMED_CREDENTIALS);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertRefused("Basic " + Base64.getEncoder().encodeToString(new byte[] {'k', ':', (byte) 0xff, (byte) 0xfe}),
                Reason.MALFORMED_CREDENTIALS);
    }

    @Test
    void refusesAnOversizedHeaderBeforeDecodingIt() {
        assertRefused("Basic " + "A".repeat(BasicCredentials.MAX_HEADER_LENGTH), Reason.MALFORMED_CREDENTIALS);
    }

    @Test
    void neverPutsTheSecretInItsTextOrInAnError() throws Exception {
        assertThat(BasicCredentials.parse(basic("ls_key:s3cret-value")).toString()).doesNotContain("s3cret-value");
        assertThatThrownBy(() -> BasicCredentials.parse(basic("s3cret-value-without-colon")))
                .hasMessageNotContaining("s3cret-value");
    }

    @Test
    void writesTheHeaderItReads() throws Exception {
        assertThat(BasicCredentials.parse(BasicCredentials.header("ls_abc", "x:y"))).isEqualTo(new BasicCredentials("ls_abc", "x:y"));
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String header, Reason reason) {
        assertThatThrownBy(() -> BasicCredentials.parse(header))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.credentialKey()).isEmpty();
                    assertThat(e.getStackTrace()).isEmpty();
                });
    }
}
