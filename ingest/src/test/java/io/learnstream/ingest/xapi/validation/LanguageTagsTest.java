package io.learnstream.ingest.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 5646 well-formedness of language tags, the keys of every language map and context.language. */
class LanguageTagsTest {

    @ParameterizedTest(name = "{0} is a language tag")
    @ValueSource(strings = {
        "en", "de", "cmn", "tlh", "ase", "en-US", "es-MX", "es-419", "zh-Hant", "zh-Hant-TW", "zh-Hans-CN", "sr-Latn-RS", "sr-Cyrl",
        "fr-CA", "EN-us", "de-CH-1901", "sl-rozaj-biske", "zh-yue-HK", "en-a-bbb-x-a-ccc", "x-whatever", "en-GB-oed", "i-klingon",
        "zh-min-nan", "art-lojban", "en-US-u-islamcal", "qaa-Qaaa-QM-x-southern"
    })
    void wellFormedTagsAreAccepted(String tag) {
        assertThat(LanguageTags.isWellFormed(tag)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not a language tag")
    @ValueSource(strings = {
        "", "something", "a12345", "de-419-DE", "en-something-AU", "zh-z-aaa-z-bbb-c-ccc", "en-", "-en", "en--US", "e", "en_US",
        "en-US-", "x", "en-x", "en-a", "en-a-b", "en-Latn-Latn", "sl-rozaj-rozaj", "1en", "en-US-GB", "en-abcdefghi", "de-DE-1901-1901"
    })
    void malformedTagsAreRejected(String tag) {
        assertThat(LanguageTags.isWellFormed(tag)).isFalse();
    }
}
