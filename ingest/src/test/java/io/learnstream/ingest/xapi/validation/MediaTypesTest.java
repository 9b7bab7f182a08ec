package io.learnstream.ingest.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Internet media types of attachments. */
class MediaTypesTest {

    @ParameterizedTest(name = "{0} is a media type")
    @ValueSource(strings = {"text/plain", "text/plain; charset=ascii", "application/octet-stream", "image/svg+xml",
        "application/vnd.ms-excel", "multipart/mixed; boundary=\"a b\"", "text/plain;charset=utf-8;format=flowed"})
    void mediaTypesAreAccepted(String text) {
        assertThat(MediaTypes.isMediaType(text)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not a media type")
    @ValueSource(strings = {"", "should fail", "text", "text/", "/plain", "text/plain;", "text/plain; charset", "text/plain; charset=",
        "text/plain; charset=\"open", "text plain/x"})
    void othersAreRejected(String text) {
        assertThat(MediaTypes.isMediaType(text)).isFalse();
    }
}
